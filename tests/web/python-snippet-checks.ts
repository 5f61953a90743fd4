// What each Python snippet on the page must print, checked against the C++ result of the same
// workload (build/native/cplay … --json). One check per demo and snippet: the table's type
// makes a new snippet without a check a type error, and the test also fails on it at run time.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

import type { PythonVariant } from '../../web/src/demos/definition';
import type { Demo, Mode } from '../../web/src/model/types';

export const CPLAY = fileURLToPath(new URL('../../build/native/cplay', import.meta.url));
export const nativeBuilt = existsSync(CPLAY);

export interface SizeKnob {
  name: string;
  value: number;
  /** A larger size where a small one could not show what the snippet's comments claim. */
  byVariant?: Partial<Record<PythonVariant, number>>;
}

/** The knob each demo's snippets share, and the small value the test gives it. */
export const SIZE_KNOB: Record<Demo, SizeKnob> = {
  primes: { name: 'LIMIT', value: 2000 },
  // Past 4300 digits (2000! has 5736): printing it needs sys.set_int_max_str_digits(0).
  // 50000! pickles to about 88 kB, more than a pipe holds (64 KiB), so a child could not exit
  // before the parent reads its result: a snippet that joined first would hang.
  factorial: { name: 'N', value: 2000, byVariant: { processes: 50_000 } },
  // Processes take a while to start; at 20000 increments their loops overlap, so updates to the
  // shared Value do get lost without its lock.
  race: { name: 'INCREMENTS', value: 1000, byVariant: { processes: 20_000 } },
  io: { name: 'SECONDS', value: 0.02 },
};

export interface SnippetRun {
  /** What the snippet printed. */
  stdout: string;
  /** Its top-level constants after the knob was set: the workload the C++ runs too. */
  constants: Record<string, number>;
  /** The C++ mode the page shows it beside. */
  mode: Mode;
}

type Result = Record<string, unknown>;

/** The `result` of one cplay run; params become flags (`latency_ms` → `--latency-ms`). */
export function cplayResult(demo: Demo, mode: Mode, params: Record<string, number | string | boolean | undefined>): Result {
  const args: string[] = [demo, '--mode', mode];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === false) continue;
    args.push(`--${key.replaceAll('_', '-')}`);
    if (value !== true) args.push(String(value));
  }
  args.push('--json');
  const out = spawnSync(CPLAY, args, { encoding: 'utf8', timeout: 60_000, killSignal: 'SIGKILL' });
  if (out.error) throw out.error;
  if (out.status !== 0) throw new Error(`cplay ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return (JSON.parse(out.stdout) as { result: Result }).result;
}

/** The numbers of the one printed line that matches `pattern` (anchored to a whole line). */
function printed(stdout: string, pattern: string): string[] {
  const found = [...stdout.matchAll(new RegExp(`^${pattern}$`, 'gm'))];
  expect(found.length, `one line like /${pattern}/ in:\n${stdout}`).toBe(1);
  return (found[0] as RegExpMatchArray).slice(1);
}

const integer = (text: string | undefined) => Number(text);
const list = (text: string | undefined) => (text ?? '').split(',').filter((s) => s.trim() !== '').map(Number);
const constant = (run: SnippetRun, name: string) => {
  const value = run.constants[name];
  if (value === undefined) throw new Error(`the snippet has no ${name} constant`);
  return value;
};

function checkPrimes(run: SnippetRun): void {
  const limit = constant(run, 'LIMIT');
  const [count, upTo] = printed(run.stdout, String.raw`(\d+) primes up to (\d+) in [\d.]+ s`);
  const cpp = cplayResult('primes', run.mode, { limit, workers: run.constants.WORKERS });
  expect(integer(upTo)).toBe(limit);
  expect(integer(count)).toBe(cpp.count);
}

function checkFactorial(run: SnippetRun): void {
  const [count, n] = printed(run.stdout, String.raw`(\d+) x (\d+)! in [\d.]+ s`);
  const [digits, leading, zeros] = printed(run.stdout, String.raw`(\d+) digits, starting (\d+), (\d+) trailing zeros`);
  const cpp = cplayResult('factorial', run.mode, { n: constant(run, 'N'), count: constant(run, 'COUNT') });
  expect(cpp.digits, 'the size must cross the 4300-digit limit of Python 3.11+').toBeGreaterThan(4300);
  expect([integer(count), integer(n)]).toEqual([cpp.count, cpp.n]);
  expect({ digits: integer(digits), leading, trailing_zeros: integer(zeros) }).toEqual({
    digits: cpp.digits,
    leading: cpp.leading,
    trailing_zeros: cpp.trailing_zeros,
  });
}

function checkIo(run: SnippetRun): void {
  const tasks = constant(run, 'TASKS');
  const [results] = printed(run.stdout, String.raw`results \[([\d, ]*)\] in [\d.]+ s`);
  const cpp = cplayResult('io', run.mode, { tasks, latency_ms: Math.round(constant(run, 'SECONDS') * 1000) });
  expect(list(results), 'every task done, results in task order').toEqual([...Array(tasks).keys()]);
  expect([cpp.completed, cpp.tasks]).toEqual([tasks, tasks]);
}

/** The race's C++ side for one sync mode, at the snippet's size. */
function raceCpp(run: SnippetRun, sync: string, sharedMemory = false): Result {
  return cplayResult('race', run.mode, {
    increments: constant(run, 'INCREMENTS'),
    workers: constant(run, 'WORKERS'),
    sync,
    shared_memory: sharedMemory,
  });
}

const expectedTotal = (run: SnippetRun) => constant(run, 'INCREMENTS') * constant(run, 'WORKERS');

/** sequential, async: one total, never short. */
function checkRaceTotal(run: SnippetRun): void {
  const [total] = printed(run.stdout, String.raw`total: (\d+)`);
  const cpp = raceCpp(run, 'none');
  expect(cpp.expected).toBe(expectedTotal(run));
  expect(cpp.final).toBe(cpp.expected);
  expect(integer(total)).toBe(cpp.final);
}

/** Threads: unlocked at most the expected total, locked exactly it, as C++'s lock and atomic. */
function checkRaceThreads(run: SnippetRun, unlockedLoses: boolean): void {
  const [noLock] = printed(run.stdout, String.raw`no lock: (\d+)`);
  const [locked] = printed(run.stdout, String.raw`lock: (\d+)`);
  const none = raceCpp(run, 'none');
  const expected = expectedTotal(run);
  expect([none.expected, raceCpp(run, 'lock').final, raceCpp(run, 'atomic').final]).toEqual([expected, expected, expected]);
  expect(integer(locked)).toBe(expected);
  expect(integer(noLock)).toBeGreaterThan(0);
  // The GIL snippet says its read, call, write loses updates; the free-threaded one only "at most".
  if (unlockedLoses) expect(integer(noLock)).toBeLessThan(expected);
  else expect(integer(noLock)).toBeLessThanOrEqual(expected);
  // The page says our gil-threads loses nothing: it switches only between slices of increments.
  if (run.mode === 'gil-threads') expect(none.final).toBe(expected);
}

/** Processes: own copies (children count, the parent stays 0), then a shared Value. */
function checkRaceProcesses(run: SnippetRun): void {
  const increments = constant(run, 'INCREMENTS');
  const workers = constant(run, 'WORKERS');
  const [children, parent] = printed(run.stdout, String.raw`children: \[([\d, ]*)\] parent: (\d+)`);
  const [sharedNoLock] = printed(run.stdout, String.raw`shared, no lock: (\d+)`);
  const [sharedLock] = printed(run.stdout, String.raw`shared, lock: (\d+)`);

  const own = raceCpp(run, 'none');
  expect(own.final).toBe(0);
  expect(own, 'nothing was shared, so the core reports nothing lost').not.toHaveProperty('lost');
  expect(own.child_finals).toEqual(Array(workers).fill(increments));
  expect(list(children)).toEqual(own.child_finals);
  expect(integer(parent)).toBe(own.final);

  const expected = expectedTotal(run);
  const sharedNone = raceCpp(run, 'none', true);
  expect(sharedNone.expected).toBe(expected);
  expect(integer(sharedNoLock)).toBeGreaterThan(0);
  expect(integer(sharedNoLock)).toBeLessThanOrEqual(expected);
  expect(raceCpp(run, 'lock', true).final).toBe(expected);
  expect(integer(sharedLock)).toBe(expected);
}

export const CHECKS: Record<Demo, Record<PythonVariant, (run: SnippetRun) => void>> = {
  primes: {
    sequential: checkPrimes,
    gilThreads: checkPrimes,
    freeThreaded: checkPrimes,
    processes: checkPrimes,
    async: checkPrimes,
  },
  factorial: {
    sequential: checkFactorial,
    gilThreads: checkFactorial,
    freeThreaded: checkFactorial,
    processes: checkFactorial,
    async: checkFactorial,
  },
  io: { sequential: checkIo, gilThreads: checkIo, freeThreaded: checkIo, processes: checkIo, async: checkIo },
  race: {
    sequential: checkRaceTotal,
    gilThreads: (run) => checkRaceThreads(run, true),
    freeThreaded: (run) => checkRaceThreads(run, false),
    processes: checkRaceProcesses,
    async: checkRaceTotal,
  },
};
