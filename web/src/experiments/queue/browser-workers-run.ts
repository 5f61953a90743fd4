// The browser side's Workers: producer Workers post numbered messages to the page, which is the
// one consumer. Back-pressure is by credits: the page acknowledges each message once consumed,
// and a producer with `capacity` unacknowledged messages waits. Every Worker is terminated when
// the run ends: done, failed, timed out or cancelled.
import { CancelledRun } from './cancelled-run';
import { DeliveryLedger, type LedgerSummary } from './ledger';
import { epochNow, type FromProducer, type ToProducer, type WaitSpan } from './producer-protocol';
import { PageConsumer } from './page-consumer';
import { workersReady } from './start-line';

export interface BrowserQueueOptions {
  producers: number;
  capacity: number;
  messages: number;
  message_bytes: number;
  produce_ms: number;
  consume_ms: number;
}

export interface TimelineRow {
  label: string;
  role: 'producer' | 'consumer';
  start_ms: number;
  end_ms: number;
  messages: number;
  waits: WaitSpan[];
}

export interface BrowserQueueResult {
  summary: LedgerSummary;
  wallMs: number;
  /** The most messages the page held unconsumed at once: at most producers × capacity. */
  maxBacklog: number;
  /** The most unacknowledged messages any one producer had: at most capacity. */
  maxOutstanding: number;
  rows: TimelineRow[];
}

/** Beyond the longest valid run (pacing is at most 60 s); a stuck run is ended. */
export const BROWSER_RUN_TIMEOUT_MS = 90_000;

export { CancelledRun };

type Arrival = { producer: number; sequence: number; payload: string };

function createProducerWorker(): Worker {
  return new Worker(new URL('./producer.worker.ts', import.meta.url), { type: 'module', name: 'cplay-queue-producer' });
}

export async function runBrowserQueue(options: BrowserQueueOptions, signal: AbortSignal, createWorker = createProducerWorker): Promise<BrowserQueueResult> {
  const workers = Array.from({ length: options.producers }, () => createWorker());
  const ledger = new DeliveryLedger(options.producers, options.messages, options.message_bytes);
  const backlog: Arrival[] = [];
  const done = new Map<number, Extract<FromProducer, { type: 'done' }>>();
  let maxBacklog = 0;
  let origin = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const since = (): number => epochNow() - origin;
  const nudge = (): void => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const fail = (error: Error): void => {
    failure ??= error;
    nudge();
  };
  const onAbort = () => fail(new CancelledRun());
  signal.addEventListener('abort', onAbort);
  const timer = setTimeout(() => fail(new Error(`the browser run did not end within ${BROWSER_RUN_TIMEOUT_MS / 1000} s`)), BROWSER_RUN_TIMEOUT_MS);

  try {
    await workersReady(workers, signal);
    origin = epochNow();
    workers.forEach((worker, producer) => {
      worker.onerror = (event) => fail(new Error(event.message || `producer ${producer} failed`));
      worker.onmessage = (event: MessageEvent<FromProducer>) => {
        const message = event.data;
        if (message.type === 'message') {
          backlog.push(message);
          maxBacklog = Math.max(maxBacklog, backlog.length);
        } else if (message.type === 'done') done.set(message.producer, message);
        else if (message.type === 'failed') fail(new Error(`producer ${producer}: ${message.message}`));
        nudge();
      };
      const start: ToProducer = {
        type: 'start',
        producer,
        messages: options.messages,
        messageBytes: options.message_bytes,
        credits: options.capacity,
        produceMs: options.produce_ms,
        originEpochMs: origin,
      };
      worker.postMessage(start);
    });

    // The consumer: one message at a time, oldest first; idle while nothing has arrived.
    const consumer = new PageConsumer(ledger, options.consume_ms, since);
    while (done.size < workers.length || backlog.length > 0) {
      if (failure) throw failure;
      const next = backlog.shift();
      if (!next) {
        consumer.idle();
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      await consumer.take(next);
      const ack: ToProducer = { type: 'ack', count: 1 };
      workers[next.producer]?.postMessage(ack);
    }
    if (failure) throw failure;
    const wallMs = since();
    return {
      summary: ledger.summary(),
      wallMs,
      maxBacklog,
      maxOutstanding: Math.max(0, ...[...done.values()].map((d) => d.max_outstanding)),
      rows: consumer.rows(done.values(), options.messages, wallMs),
    };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
    for (const worker of workers) worker.terminate();
  }
}
