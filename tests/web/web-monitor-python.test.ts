// The monitor section's Python runs as shown under python3 (shorter durations and interval, the
// same shape) and tells the truth: each line names both processes with distinct real pids; once a
// process is gone it stays gone; the last check finds both gone, and both exit with code 0.
// Order only: the times it prints are not checked.
import { expect, it } from 'vitest';

import { MONITOR_PYTHON } from '../../web/src/experiments/monitor/python';
import { runSnippet, withKnob } from './python-snippet-runner';

it('checks A and B at each interval until both are gone, with real distinct pids', async () => {
  const shorter = withKnob(MONITOR_PYTHON.replace('{"A": 2.0, "B": 3.0}', '{"A": 0.2, "B": 0.5}'), 'INTERVAL_S', 0.1);
  expect(shorter).toContain('{"A": 0.2, "B": 0.5}');
  const lines = (await runSnippet(shorter, 30_000)).trim().split('\n');
  expect(lines.pop()).toBe('exit codes [0, 0]');
  expect(lines.length).toBeGreaterThanOrEqual(2);
  const pattern = /^t=\d+\.\d\d s {2}A pid (\d+) (alive|gone), B pid (\d+) (alive|gone)$/;
  let aGone = false;
  let bGone = false;
  const pids = new Set<string>();
  for (const line of lines) {
    const match = pattern.exec(line);
    expect(match, line).not.toBeNull();
    const [, aPid, a, bPid, b] = match as RegExpExecArray;
    pids.add(`${aPid}/${bPid}`);
    expect(aPid).not.toBe(bPid);
    if (aGone) expect(a).toBe('gone');
    if (bGone) expect(b).toBe('gone');
    aGone = a === 'gone';
    bGone = b === 'gone';
  }
  expect(pids.size).toBe(1);  // the same two processes all along
  expect(aGone && bGone).toBe(true);
});
