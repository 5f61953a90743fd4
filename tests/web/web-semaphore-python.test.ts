// The semaphore section's Python runs as shown under python3 (with a shorter latency) and tells
// the truth: with threading.Semaphore and with asyncio.Semaphore, never more than LIMIT downloads
// are inside at once, and LIMIT of them are. Counts only: the times it prints are not checked.
import { expect, it } from 'vitest';

import { SEMAPHORE_PYTHON } from '../../web/src/experiments/semaphore/python';
import { constantsOf, runSnippet, withKnob } from './python-snippet-runner';

it('keeps at most LIMIT downloads in flight, and reaches LIMIT, in threads and asyncio', async () => {
  const { LIMIT } = constantsOf(SEMAPHORE_PYTHON);
  expect(LIMIT).toBe(2);
  const out = await runSnippet(withKnob(SEMAPHORE_PYTHON, 'LATENCY_S', 0.05), 20_000);
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^threads: max in flight 2 of 2, wall \d+\.\d\d s, ideal 0\.15 s$/);
  expect(lines[1]).toMatch(/^asyncio: max in flight 2 of 2, wall \d+\.\d\d s, ideal 0\.15 s$/);
});

it('with a limit of 1 the downloads go one at a time', async () => {
  const out = await runSnippet(withKnob(withKnob(SEMAPHORE_PYTHON, 'LATENCY_S', 0.01), 'LIMIT', 1), 20_000);
  for (const line of out.trim().split('\n')) expect(line).toMatch(/max in flight 1 of 1,/);
});
