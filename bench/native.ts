// The native contenders: cplay runs (their report's wall_ms, the run itself), whole commands
// (process start and output included) and primesieve (its own --time figure).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Sample } from './harness';

export const ROOT = join(import.meta.dirname, '..');
export const CPLAY = join(ROOT, 'build/native/cplay');

export interface CplayReport {
  wall_ms: number;
  spans: { worker: number; start_ms: number; end_ms: number }[];
  result: Record<string, unknown>;
  platform: { compiler: string; cores: number };
}

export function cplayReport(args: string[]): CplayReport {
  const out = spawnSync(CPLAY, [...args, '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (out.status !== 0) throw new Error(`cplay ${args.join(' ')}: exit ${out.status}: ${out.stderr}`);
  return JSON.parse(out.stdout.split('\n')[0]!) as CplayReport;
}

/** The run's wall time, and when its last worker began (the start cost a learner waits for). */
export function cplayRun(args: string[]): Sample {
  const report = cplayReport(args);
  const starts = report.spans.map((s) => s.start_ms);
  return { ms: report.wall_ms, last_start_ms: starts.length ? Math.max(...starts) : 0 };
}

/** A whole command, start to exit, its output read through a pipe and dropped. */
export function commandMs(command: string, args: string[]): Sample {
  const started = process.hrtime.bigint();
  const out = spawnSync(command, args, { encoding: 'buffer', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (out.status !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${out.status}: ${out.stderr.toString()}`);
  return { ms, stdout_bytes: out.stdout.length };
}

/** primesieve's own timing of the count (without its process start), e.g. "Seconds: 0.121". */
export function primesieveMs(limit: string, threads: number): Sample {
  const out = spawnSync('primesieve', [limit, '--time', `--threads=${threads}`], { encoding: 'utf8' });
  const seconds = /Seconds:\s*([\d.]+)/.exec(out.stdout ?? '');
  if (out.status !== 0 || !seconds) throw new Error(`primesieve ${limit}: ${out.stderr || out.stdout}`);
  return { ms: Number(seconds[1]) * 1000 };
}

export function primesieveVersion(): string {
  const out = spawnSync('primesieve', ['--version'], { encoding: 'utf8' });
  // "primesieve 11.0, <https://...>": the name and version only.
  return out.status === 0 ? (out.stdout.split(',')[0] ?? '').replace(/^primesieve\s*/, '') : 'not installed';
}
