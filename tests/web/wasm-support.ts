// Helpers of the wasm-*.test.ts suites: the native CLI as the reference, and the processes mode
// driven the way the page drives it (one shard per Worker, then assemble()).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Playground } from '../../wasm/js/loader';
import type { ErrorReport, NormalizedRequest, Report, Request, Shard } from '../../wasm/js/types';
import { isErrorReport } from '../../wasm/js/types';

export const CPLAY = fileURLToPath(new URL('../../build/native/cplay', import.meta.url));
export const nativeBuilt = existsSync(CPLAY);

/** The CLI's arguments for a request: its flags (snake_case params become --kebab-case). */
export function cliArgs(request: Request): string[] {
  const args: string[] = [request.demo];
  if (request.mode) args.push('--mode', request.mode);
  if (request.workers !== undefined) args.push('--workers', String(request.workers));
  if (request.start_method) args.push('--start-method', request.start_method);
  for (const [key, value] of Object.entries(request.params ?? {})) {
    const flag = `--${key.replaceAll('_', '-')}`;
    if (typeof value === 'boolean') {
      if (value) args.push(flag);
    } else {
      args.push(flag, String(value));
    }
  }
  args.push('--json');
  return args;
}

export interface NativeOutcome {
  status: number | null;
  reports: Report[];
  /** stderr without the CLI's "cplay: error: " prefix. */
  message: string;
}

export function runNative(request: Request): NativeOutcome {
  const out = spawnSync(CPLAY, cliArgs(request), { encoding: 'utf8', timeout: 120_000 });
  if (out.error) throw out.error;
  const reports = out.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Report);
  const message = out.stderr.trim().replace(/^cplay: error: /, '');
  return { status: out.status, reports, message };
}

/** The native report of a request that must succeed. */
export function nativeReport(request: Request): Report {
  const outcome = runNative(request);
  const [report, ...more] = outcome.reports;
  if (outcome.status !== 0 || !report || more.length > 0)
    throw new Error(`cplay ${cliArgs(request).join(' ')} failed (${outcome.status}): ${outcome.message}`);
  return report;
}

export function expectReport(value: Report | ErrorReport | NormalizedRequest | Shard): Report {
  if (isErrorReport(value)) throw new Error(`unexpected error report: ${JSON.stringify(value.error)}`);
  return value as Report;
}

/**
 * A processes run as the page does it: validate, one runShard() per "Worker" (here all in one
 * single-build instance, each shard with a fresh workload), then assemble().
 */
export function runAsWorkers(playground: Playground, request: Request): Report | ErrorReport {
  const normalized = playground.validate(request);
  if (isErrorReport(normalized)) return normalized;
  const count = normalized.workers;
  const origin = playground.nowMs();
  const shards: Shard[] = [];
  for (let index = 0; index < count; index += 1) {
    const shard = playground.runShard(normalized, index, count, origin);
    if (isErrorReport(shard)) return shard;
    shards.push(shard);
  }
  return playground.assemble(normalized, shards, playground.nowMs() - origin);
}
