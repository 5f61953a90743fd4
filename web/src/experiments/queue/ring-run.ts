// The browser side's shared-memory queue (cross-origin isolated pages only): producer Workers
// push into one SharedArrayBuffer ring of `capacity` slots, shared by all of them as the core's
// queue is, and block in Atomics.wait while it is full; the page is the one consumer and waits
// with Atomics.waitAsync while it is empty. Every Worker is terminated when the run ends.
import type { BrowserQueueOptions, BrowserQueueResult } from './browser-workers-run';
import { BROWSER_RUN_TIMEOUT_MS } from './browser-workers-run';
import { CancelledRun } from './cancelled-run';
import { DeliveryLedger } from './ledger';
import { epochNow } from './producer-protocol';
import type { FromRingProducer, StartRingProducer } from './ring-producer';
import { PageConsumer } from './page-consumer';
import { SharedRing } from './shared-ring';
import { workersReady } from './start-line';

/** How long the page waits for a message before it checks for cancel, failure and the clock. */
const POLL_MS = 200;

function createRingWorker(): Worker {
  return new Worker(new URL('./ring-producer.worker.ts', import.meta.url), { type: 'module', name: 'cplay-queue-ring-producer' });
}

/** True where the page may share memory with its Workers. */
export function sharedRingAvailable(): boolean {
  return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true && typeof Atomics.waitAsync === 'function';
}

export async function runRingQueue(options: BrowserQueueOptions, signal: AbortSignal, createWorker = createRingWorker): Promise<BrowserQueueResult> {
  const ring = SharedRing.create(options.capacity, options.message_bytes);
  const workers = Array.from({ length: options.producers }, () => createWorker());
  const ledger = new DeliveryLedger(options.producers, options.messages, options.message_bytes);
  const done = new Map<number, Extract<FromRingProducer, { type: 'done' }>>();
  let failure: Error | null = null;
  const deadline = Date.now() + BROWSER_RUN_TIMEOUT_MS;
  try {
    await workersReady(workers, signal);
    const origin = epochNow();
    const since = (): number => epochNow() - origin;
    workers.forEach((worker, producer) => {
      worker.onerror = (event) => (failure ??= new Error(event.message || `producer ${producer} failed`));
      worker.onmessage = (event: MessageEvent<FromRingProducer>) => {
        const message = event.data;
        if (message.type === 'done') done.set(message.producer, message);
        else if (message.type === 'failed') failure ??= new Error(`producer ${producer}: ${message.message}`);
      };
      const start: StartRingProducer = {
        type: 'start-ring',
        producer,
        messages: options.messages,
        messageBytes: options.message_bytes,
        produceMs: options.produce_ms,
        originEpochMs: origin,
        buffer: ring.buffer,
        capacity: options.capacity,
      };
      worker.postMessage(start);
    });

    // The consumer: the oldest message first; while none is ready it waits without blocking the page.
    const consumer = new PageConsumer(ledger, options.consume_ms, since);
    for (;;) {
      if (signal.aborted) throw new CancelledRun();
      if (failure) throw failure;
      if (Date.now() > deadline) throw new Error(`the browser run did not end within ${BROWSER_RUN_TIMEOUT_MS / 1000} s`);
      const next = ring.tryPop();
      if (!next) {
        // Every producer finished and nothing is left: read once more, since a push may land
        // between the empty read and the count.
        if (ring.producersDone() === workers.length && !ring.hasMessage()) break;
        consumer.idle();
        await ring.waitForMessage(POLL_MS);
        continue;
      }
      await consumer.take(next);
    }
    // A producer's 'done' message may trail its last push: wait for every one of them.
    while (done.size < workers.length) {
      if (signal.aborted) throw new CancelledRun();
      if (failure) throw failure;
      if (Date.now() > deadline) throw new Error(`the browser run did not end within ${BROWSER_RUN_TIMEOUT_MS / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const wallMs = since();
    return {
      summary: ledger.summary(),
      wallMs,
      maxBacklog: ring.mostHeld(),
      maxOutstanding: ring.mostHeld(),
      rows: consumer.rows(done.values(), options.messages, wallMs),
    };
  } finally {
    for (const worker of workers) worker.terminate();
  }
}
