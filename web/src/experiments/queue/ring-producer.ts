// One producer of the SharedArrayBuffer ring, apart from the Worker that hosts it: it pushes its
// messages and, when the ring is full, blocks in Atomics.wait until the consumer frees a slot —
// a real blocked producer, as with the core's queue, not a producer waiting for a message.
import { queuePayload } from './ledger';
import { epochNow, type WaitSpan } from './producer-protocol';
import { SharedRing } from './shared-ring';

export interface StartRingProducer {
  type: 'start-ring';
  producer: number;
  messages: number;
  messageBytes: number;
  produceMs: number;
  originEpochMs: number;
  buffer: SharedArrayBuffer;
  capacity: number;
}

export type FromRingProducer =
  | { type: 'ready' }
  | { type: 'done'; producer: number; start_ms: number; end_ms: number; waits: WaitSpan[] }
  | { type: 'failed'; message: string };

/** A wait in one Worker must still end: a wait this long means the consumer is gone. */
const WAIT_SLICE_MS = 1000;

export function produceIntoRing(start: StartRingProducer): Extract<FromRingProducer, { type: 'done' }> {
  const ring = new SharedRing(start.buffer, start.capacity, start.messageBytes);
  const pause = new Int32Array(new SharedArrayBuffer(4)); // nobody notifies it: Atomics.wait as a sleep
  const encoder = new TextEncoder();
  const since = (): number => epochNow() - start.originEpochMs;
  const waits: WaitSpan[] = [];
  const startMs = since();
  try {
    for (let sequence = 0; sequence < start.messages; sequence += 1) {
      if (start.produceMs > 0) Atomics.wait(pause, 0, 0, start.produceMs);
      const payload = encoder.encode(queuePayload(start.producer, sequence, start.messageBytes));
      let waitStart: number | null = null;
      while (!ring.tryPush(start.producer, sequence, payload)) {
        waitStart ??= since();
        ring.waitForRoom(WAIT_SLICE_MS);
      }
      if (waitStart !== null) waits.push({ start_ms: waitStart, end_ms: since() });
    }
  } finally {
    ring.finish(); // even after a failure, so the consumer never waits for this producer for ever
  }
  return { type: 'done', producer: start.producer, start_ms: startMs, end_ms: since(), waits };
}
