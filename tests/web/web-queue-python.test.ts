// The queue experiment's Python runs as shown under python3: threads through queue.Queue deliver
// every message once and a full queue makes producers wait; joining a child before reading its
// result stalls exactly when the result is bigger than the pipe (100000!), not when it is small.
import { describe, expect, it } from 'vitest';

import { PYTHON_QUEUE_JOIN_ORDER, PYTHON_QUEUE_THREADS } from '../../web/src/experiments/queue/python';
import { runSnippet, withKnob } from './python-snippet-runner';

const TIMEOUT_MS = 20_000;

describe('queue Python snippets', () => {
  it('threads: every message exactly once, and a small queue makes producers wait', async () => {
    const out = await runSnippet(PYTHON_QUEUE_THREADS, TIMEOUT_MS);
    expect(out).toContain('sent 100, received 100');
    expect(out).toContain('every message exactly once: True');
    const waits = Number(/producer waits on a full queue: (\d+)/.exec(out)?.[1]);
    expect(waits).toBeGreaterThan(0);
  }, TIMEOUT_MS);

  it('processes: join-then-get stalls on 100000! (about 190 KB) and get-then-join completes', async () => {
    const out = await runSnippet(PYTHON_QUEUE_JOIN_ORDER, TIMEOUT_MS);
    expect(out).toContain('join-then-get: child alive after 2.0 s: True');
    const bytes = Number(/got (\d+) pickled bytes, child exit code 0/.exec(out)?.[1]);
    expect(bytes).toBeGreaterThan(180_000);
    expect(bytes).toBeLessThan(200_000);
  }, TIMEOUT_MS);

  it('processes: a result that fits the pipe lets join-then-get finish', async () => {
    const out = await runSnippet(withKnob(PYTHON_QUEUE_JOIN_ORDER, 'N', 1000), TIMEOUT_MS);
    expect(out).toContain('join-then-get: child alive after 2.0 s: False');
    expect(out).toMatch(/child exit code 0/);
  }, TIMEOUT_MS);
});
