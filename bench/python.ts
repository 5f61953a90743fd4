// The Python contenders. Two interpreters may be involved: the lesson's (python3 on PATH, the one
// the page's snippets are checked with) and one that has gmpy2 (Debian's python3-gmpy2 goes with
// /usr/bin/python3, which may be another build). Each program times itself with perf_counter, so
// an interpreter's start is never counted; a program prints its milliseconds as its last line.
// Programs run through the page snippets' runner: from a file, isolated, the whole process group
// killed at the timeout.
import { spawnSync } from 'node:child_process';
import { PYTHON, runSnippet } from '../tests/web/python-snippet-runner';
import type { Sample } from './harness';

export const LESSON_PYTHON = PYTHON;

/** The first interpreter that imports gmpy2, or null. */
export function findGmpyPython(): string | null {
  for (const candidate of [LESSON_PYTHON, '/usr/bin/python3']) {
    if (spawnSync(candidate, ['-c', 'import gmpy2'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  return null;
}

export function describePython(python: string, withGmp = false): string {
  const code = withGmp
    ? 'import sys, gmpy2; print(f"CPython {sys.version.split()[0]}, gmpy2 {gmpy2.version()}, {gmpy2.mp_version()}")'
    : 'import sys; print(f"CPython {sys.version.split()[0]}")';
  const out = spawnSync(python, ['-c', code], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : `${python}: not usable`;
}

/** A program that prints its own milliseconds as its last line. */
export async function pythonMs(python: string, program: string): Promise<Sample> {
  const stdout = await runSnippet(program, 120_000, python);
  const ms = Number(stdout.trim().split('\n').at(-1));
  if (!Number.isFinite(ms)) throw new Error(`${python} bench program printed ${JSON.stringify(stdout)}`);
  return { ms };
}

const timed = (setup: string, body: string) => `import time
${setup}
start = time.perf_counter()
${body}
print((time.perf_counter() - start) * 1000)
`;

export const gmpyFactorial = (n: number) => timed('import gmpy2', `gmpy2.fac(${n})`);
export const gmpyFactorialText = (n: number) => timed('import gmpy2', `text = str(gmpy2.fac(${n}))`);
export const mathFactorial = (n: number) => timed('import math', `math.factorial(${n})`);
export const mathFactorialText = (n: number) =>
  timed('import math, sys\nsys.set_int_max_str_digits(0)', `text = str(math.factorial(${n}))`);

/** Start and join `count` workers that do nothing: what starting one costs, as in the lesson. */
export function startAndJoin(way: 'fork' | 'spawn' | 'thread', count: number): string {
  const make = way === 'thread' ? 'threading.Thread(target=work)' : `mp.get_context("${way}").Process(target=work)`;
  return `import multiprocessing as mp, threading, time

def work() -> None:
    pass

if __name__ == "__main__":
    start = time.perf_counter()
    workers = [${make} for _ in range(${count})]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print((time.perf_counter() - start) * 1000)
`;
}

/** One of the page's own snippets, with a size knob set; its printed "in X s" is the time. */
export async function lessonSnippetMs(code: string): Promise<Sample> {
  const stdout = await runSnippet(code, 300_000);
  const seconds = / in ([\d.]+) s/.exec(stdout);
  if (!seconds) throw new Error(`lesson snippet printed no time: ${stdout}`);
  return { ms: Number(seconds[1]) * 1000 };
}
