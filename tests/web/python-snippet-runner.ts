// Runs one Python snippet from the page under python3, as a learner would paste it into a file,
// with only its size knob (a top-level constant such as `LIMIT = 100_000`) turned down.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PYTHON = 'python3';

export function pythonVersion(): string | undefined {
  const out = spawnSync(PYTHON, ['--version'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

const constantLine = (name: string) => new RegExp(`^${name} = .+$`, 'gm');

/** The snippet with its top-level `NAME = …` line set to `value`; it must have exactly one. */
export function withKnob(code: string, name: string, value: number): string {
  const lines = code.match(constantLine(name)) ?? [];
  if (lines.length !== 1) throw new Error(`expected one top-level "${name} = …" line, found ${lines.length}`);
  return code.replace(constantLine(name), `${name} = ${value}`);
}

/** The snippet's top-level numeric constants (`WORKERS = 2`, `LIMIT = 100_000`, `SECONDS = 1.0`). */
export function constantsOf(code: string): Record<string, number> {
  const found: Record<string, number> = {};
  for (const match of code.matchAll(/^([A-Z][A-Z_]*) = ([\d_.]+)\s*(?:#.*)?$/gm))
    found[match[1] as string] = Number((match[2] as string).replaceAll('_', ''));
  return found;
}

/**
 * Runs `code` under `python` (python3 by default) from a file (spawn and forkserver children
 * re-import the main file), in isolated
 * mode (no user site, no PYTHON* variables). Resolves with stdout; rejects on a non-zero exit,
 * anything on stderr (a warning or a traceback), or the timeout, which kills the snippet's whole
 * process group so that no multiprocessing child outlives it.
 */
export function runSnippet(code: string, timeoutMs: number, python: string = PYTHON): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'cplay-python-'));
  const file = join(dir, 'snippet.py');
  writeFileSync(file, code);
  return new Promise<string>((resolve, reject) => {
    const child = spawn(python, ['-I', file], { cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group is already gone.
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      rmSync(dir, { recursive: true, force: true });
      if (timedOut) reject(new Error(`timed out after ${timeoutMs} ms; printed so far:\n${stdout}${stderr}`));
      else if (status !== 0 || stderr !== '')
        reject(new Error(`exit ${status ?? signal}, stderr:\n${stderr}\nstdout:\n${stdout}`));
      else resolve(stdout);
    });
  });
}
