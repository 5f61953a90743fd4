// The barrier section's Python runs as shown under python3 and tells the truth: with
// threading.Barrier and with joining per phase every cell matches the reference with no stale
// read, joining starts new threads every phase; without either, a wrong answer comes only with
// stale reads.
import { expect, it } from 'vitest';

import { BARRIER_PYTHON } from '../../web/src/experiments/barrier/python';
import { runSnippet } from './python-snippet-runner';

it('keeps phases in order with a barrier and with joins, and goes wrong without', async () => {
  // none is a race: a fast worker reads a cell tens of ms before it is written, which a loaded
  // machine might still miss once; a second run settles it.
  let none = '';
  for (let attempt = 0; attempt < 2 && !none.includes('WRONG'); attempt++) {
    const lines = (await runSnippet(BARRIER_PYTHON, 20_000)).trim().split('\n');
    expect(lines.length).toBe(3);
    expect(lines[0]).toBe('barrier: correct, 0 stale reads, 4 threads started');
    expect(lines[1]).toBe('join: correct, 0 stale reads, 12 threads started');
    none = lines[2] ?? '';
    const match = /^none: (correct|WRONG), (\d+) stale reads, 4 threads started$/.exec(none);
    expect(match, none).not.toBeNull();
    // A wrong answer needs a stale read, and no stale read gives the right answer.
    expect(match?.[1] === 'WRONG').toBe(Number(match?.[2]) > 0);
  }
  expect(none).toContain('WRONG');
});
