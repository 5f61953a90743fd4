// The browser queue's accounting: credits bound what a producer has unacknowledged, the ledger
// counts every message once and notices a duplicate, a damaged or a missing one, and a run of the
// real producer code against the page's consumer delivers everything once, makes producers wait
// when the consumer is slow, and terminates every Worker on success, failure and cancel.
import { describe, expect, it } from 'vitest';

import { CancelledRun, runBrowserQueue, type BrowserQueueOptions } from '../../web/src/experiments/queue/browser-workers-run';
import { CreditWindow } from '../../web/src/experiments/queue/credits';
import { DeliveryLedger, queuePayload } from '../../web/src/experiments/queue/ledger';
import { createProducer } from '../../web/src/experiments/queue/producer';
import type { FromProducer, ToProducer } from '../../web/src/experiments/queue/producer-protocol';

describe('CreditWindow', () => {
  it('lets a producer send until `limit` are unacknowledged, then again after an acknowledgement', () => {
    const credits = new CreditWindow(2);
    credits.send();
    credits.send();
    expect(credits.canSend()).toBe(false);
    expect(() => credits.send()).toThrow('no credit left: 2 of 2');
    credits.acknowledge();
    expect(credits.canSend()).toBe(true);
    credits.send();
    expect([credits.sent, credits.outstanding, credits.maxOutstanding]).toEqual([3, 2, 2]);
  });

  it('refuses a window of nothing and an acknowledgement of what was never sent', () => {
    expect(() => new CreditWindow(0)).toThrow('at least 1 message (got 0)');
    expect(() => new CreditWindow(1).acknowledge()).toThrow('acknowledged 1 with 0 unacknowledged');
  });
});

describe('DeliveryLedger', () => {
  it('says exactly once only when every message came once and intact', () => {
    const ledger = new DeliveryLedger(2, 2, 5);
    for (const [p, s] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) ledger.record(p, s, queuePayload(p, s, 5));
    expect(ledger.summary()).toMatchObject({ messagesSent: 4, messagesReceived: 4, bytesReceived: 20, exactlyOnce: true });
  });

  it('counts a duplicate, a damaged and a missing message', () => {
    const ledger = new DeliveryLedger(1, 3, 4);
    ledger.record(0, 0, queuePayload(0, 0, 4));
    ledger.record(0, 0, queuePayload(0, 0, 4));
    ledger.record(0, 1, 'xxxx');
    expect(ledger.summary()).toMatchObject({ duplicates: 1, damaged: 1, missing: 2, exactlyOnce: false });
  });
});

/** A Worker in name only: the real producer code, its messages delivered asynchronously. */
class InlineProducerWorker {
  onmessage: ((event: { data: FromProducer }) => void) | null = null;
  onerror: ((event: { message: string }) => void) | null = null;
  terminated = false;
  private readonly receive = createProducer((message) => {
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: message });
    }, 0);
  });
  constructor() {
    setTimeout(() => this.onmessage?.({ data: { type: 'ready' } }), 0);
  }
  postMessage(message: ToProducer) {
    if (this.terminated) return;
    queueMicrotask(() => this.receive(message));
  }
  terminate() {
    this.terminated = true;
  }
}

function harness(fail = false) {
  const workers: InlineProducerWorker[] = [];
  const create = () => {
    const worker = new InlineProducerWorker();
    if (fail && workers.length === 1) setTimeout(() => worker.onerror?.({ message: 'producer crashed' }), 5);
    workers.push(worker);
    return worker as unknown as Worker;
  };
  return { workers, create };
}

const OPTIONS: BrowserQueueOptions = { producers: 3, capacity: 2, messages: 12, message_bytes: 16, produce_ms: 0, consume_ms: 1 };

describe('the browser queue run', () => {
  it('delivers every message once within the credits, with waits when the consumer is slower', async () => {
    const { workers, create } = harness();
    const result = await runBrowserQueue(OPTIONS, new AbortController().signal, create);
    expect(result.summary).toMatchObject({ messagesSent: 36, messagesReceived: 36, bytesReceived: 36 * 16, exactlyOnce: true });
    expect(result.maxOutstanding).toBe(OPTIONS.capacity);
    expect(result.maxBacklog).toBeLessThanOrEqual(OPTIONS.producers * OPTIONS.capacity);
    const producerWaits = result.rows.filter((r) => r.role === 'producer').reduce((n, r) => n + r.waits.length, 0);
    expect(producerWaits).toBeGreaterThan(0);
    for (const row of result.rows) for (const wait of row.waits) expect(wait.end_ms).toBeGreaterThanOrEqual(wait.start_ms);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('ends and terminates every Worker when cancelled or when one fails', async () => {
    const cancelled = harness();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await expect(runBrowserQueue({ ...OPTIONS, consume_ms: 5 }, controller.signal, cancelled.create)).rejects.toBeInstanceOf(CancelledRun);
    expect(cancelled.workers.every((w) => w.terminated)).toBe(true);

    const failing = harness(true);
    await expect(runBrowserQueue({ ...OPTIONS, consume_ms: 5 }, new AbortController().signal, failing.create)).rejects.toThrow('producer crashed');
    expect(failing.workers.every((w) => w.terminated)).toBe(true);
  });
});
