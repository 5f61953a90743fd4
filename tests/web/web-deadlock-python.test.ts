// The deadlock section's Python runs as shown under python3, ends (a timed acquire, never a hang)
// and tells the truth: two threads that took two locks in opposite orders and both held their
// first got stuck, and at least one gave up waiting for the lock the other holds.
import { expect, it } from 'vitest';

import { DEADLOCK_PYTHON } from '../../web/src/experiments/deadlock/python';
import { runSnippet } from './python-snippet-runner';

it('deadlocks, notices it by a timed acquire and ends', async () => {
  const out = await runSnippet(DEADLOCK_PYTHON, 20_000);
  const lines = out.trim().split('\n');
  expect(lines.at(-1)).toBe('deadlock detected');
  const gaveUp = lines.filter((line) => / gave up waiting for /.test(line));
  expect(gaveUp.length).toBeGreaterThanOrEqual(1);
  for (const line of gaveUp)
    expect(['worker 0 holds lock A and gave up waiting for lock B', 'worker 1 holds lock B and gave up waiting for lock A']).toContain(line);
  // Once one gives up and lets go, the other may get both: never anything else.
  expect(lines.length).toBe(3);
  for (const line of lines.slice(0, 2)) expect(line).toMatch(/^worker [01] (got both locks|holds lock [AB] and gave up waiting for lock [AB])$/);
});
