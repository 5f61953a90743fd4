// The pool section's Python runs as shown under python3 (with less work per task) and tells the
// truth: ThreadPoolExecutor and ProcessPoolExecutor run every task on at most WORKERS workers,
// a Thread or a Process per task starts one worker per task, and every result is right. Counts
// only: the times it prints are not checked.
import { expect, it } from 'vitest';

import { POOL_PYTHON } from '../../web/src/experiments/pool/python';
import { constantsOf, runSnippet, withKnob } from './python-snippet-runner';

it('pools start at most WORKERS workers, fresh one per task, and every result is right', async () => {
  const { TASKS, WORKERS } = constantsOf(POOL_PYTHON);
  expect([TASKS, WORKERS]).toEqual([32, 4]);
  const out = await runSnippet(withKnob(withKnob(POOL_PYTHON, 'WORK', 500), 'TASKS', 12), 30_000);
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(4);
  const parsed = lines.map((line) => /^(.+): (\d+) workers for 12 tasks, every result right: (True|False), wall \d+\.\d ms$/.exec(line));
  for (const [i, match] of parsed.entries()) expect(match, lines[i]).not.toBeNull();
  const runs = parsed.map((m) => ({ name: m?.[1], workers: Number(m?.[2]), right: m?.[3] }));
  expect(runs.map((r) => r.name)).toEqual(['ThreadPoolExecutor', 'Thread per task', 'ProcessPoolExecutor', 'Process per task']);
  const [threadPool, threadPerTask, processPool, processPerTask] = runs as [(typeof runs)[number], (typeof runs)[number], (typeof runs)[number], (typeof runs)[number]];
  for (const pool of [threadPool, processPool]) {
    expect(pool.workers).toBeGreaterThanOrEqual(1);
    expect(pool.workers).toBeLessThanOrEqual(4);
  }
  expect(threadPerTask.workers).toBe(12);
  expect(processPerTask.workers).toBe(12);
  for (const run of runs) expect(run.right).toBe('True');
});
