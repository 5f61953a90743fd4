// The async control section's Python runs as shown under python3 and prints what the core
// reports: gather's results in the order given though the tasks end in reverse, the cancelled
// task's finally ran, wait_for timed out and the slow task cleaned up, and the race without a
// lock ends at INCREMENTS (each round of TASKS increments adds one) while asyncio.Lock keeps all.
import { expect, it } from 'vitest';

import { ASYNC_PYTHON } from '../../web/src/experiments/async/python';
import { constantsOf, runSnippet, withKnob } from './python-snippet-runner';

it('prints the outcomes the core reports for gather, cancel, timeout and the race', async () => {
  const { TASKS, INCREMENTS } = constantsOf(ASYNC_PYTHON);
  expect([TASKS, INCREMENTS]).toEqual([3, 3]);
  const lines = (await runSnippet(ASYNC_PYTHON, 20_000)).trim().split('\n');
  expect(lines).toEqual([
    'gather: results [0, 1, 4], finished in the order [2, 1, 0]',
    'cancel: task 0 cancelled = True, cleanup ran = True, 2 other task(s) finished',
    expect.stringMatching(/^timeout: timed out after \d+\.\d\d s, cleanup ran = True$/),
    'race without a lock: expected 9, final 3, lost 6',
    'race with asyncio.Lock: expected 9, final 9, lost 0',
  ]);
});

it('loses (TASKS - 1) x INCREMENTS updates without a lock, for other counts too', async () => {
  const out = await runSnippet(withKnob(withKnob(ASYNC_PYTHON, 'TASKS', 4), 'INCREMENTS', 5), 20_000);
  expect(out).toContain('race without a lock: expected 20, final 5, lost 15');
  expect(out).toContain('race with asyncio.Lock: expected 20, final 20, lost 0');
});
