// The SharedArrayBuffer ring of the queue experiment: FIFO order, full and empty, laps around the
// ring, intact payloads, waits that end; and the real producer code (bundled from
// ring-producer.ts) in node worker threads, several pushing into one small ring at once while this
// thread consumes slowly: every message arrives exactly once and the producers really blocked.
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

import { DeliveryLedger, queuePayload } from '../../web/src/experiments/queue/ledger';
import { epochNow } from '../../web/src/experiments/queue/producer-protocol';
import type { FromRingProducer, StartRingProducer } from '../../web/src/experiments/queue/ring-producer';
import { SharedRing } from '../../web/src/experiments/queue/shared-ring';

const encode = (text: string) => new TextEncoder().encode(text);

describe('SharedRing', () => {
  it('hands messages back oldest first, refuses a push when full and a pop when empty, lap after lap', () => {
    const ring = SharedRing.create(3, 8);
    expect(ring.tryPop()).toBeNull();
    for (let lap = 0; lap < 4; lap += 1) {
      for (let i = 0; i < 3; i += 1) expect(ring.tryPush(lap, i, encode(`m${lap}.${i}`))).toBe(true);
      expect(ring.tryPush(lap, 3, encode('extra'))).toBe(false);
      for (let i = 0; i < 3; i += 1) expect(ring.tryPop()).toEqual({ producer: lap, sequence: i, payload: `m${lap}.${i}` });
      expect(ring.tryPop()).toBeNull();
    }
    expect(ring.mostHeld()).toBe(3);
  });

  it('keeps a ring of one slot full until its message is taken', () => {
    const ring = SharedRing.create(1, 4);
    for (let i = 0; i < 3; i += 1) {
      expect(ring.tryPush(0, i, encode(`m${i}`))).toBe(true);
      expect(ring.tryPush(0, i + 1, encode('over'))).toBe(false); // a second push would overwrite it
      expect(ring.tryPop()).toEqual({ producer: 0, sequence: i, payload: `m${i}` });
      expect(ring.tryPop()).toBeNull();
    }
  });

  it('refuses a payload larger than its slot and a ring of no slots', () => {
    expect(() => SharedRing.create(2, 4).tryPush(0, 0, encode('12345'))).toThrow('5 bytes does not fit a 4-byte slot');
    expect(() => SharedRing.create(0, 4)).toThrow('at least 1 slot (got 0)');
  });

  it('keeps every message once under any interleaving of pushes and pops', () => {
    // A fixed pseudo-random schedule of two producers and the consumer over a ring of 2 slots.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const ring = SharedRing.create(2, 16);
    const ledger = new DeliveryLedger(2, 50, 16);
    const sent = [0, 0];
    let full = 0;
    while (sent[0]! < 50 || sent[1]! < 50 || ring.hasMessage()) {
      const pick = next();
      const producer = pick < 0.35 ? 0 : pick < 0.7 ? 1 : -1;
      if (producer >= 0 && sent[producer]! < 50) {
        if (ring.tryPush(producer, sent[producer]!, encode(queuePayload(producer, sent[producer]!, 16)))) sent[producer]! += 1;
        else full += 1;
      } else {
        const message = ring.tryPop();
        if (message) ledger.record(message.producer, message.sequence, message.payload);
      }
    }
    expect(ledger.summary()).toMatchObject({ messagesReceived: 100, duplicates: 0, missing: 0, damaged: 0, exactlyOnce: true });
    expect(full).toBeGreaterThan(0);
  });

  it('ends a wait for a message when one is pushed; a wait for room waits only while the ring is full', async () => {
    const ring = SharedRing.create(1, 4);
    const waiting = ring.waitForMessage(10_000);
    setTimeout(() => ring.tryPush(0, 0, encode('a')), 20);
    await waiting;
    expect(ring.hasMessage()).toBe(true);
    expect(ring.waitForRoom(1)).toBe('timed-out'); // full, and nobody frees a slot
    ring.tryPop();
    expect(ring.waitForRoom(10_000)).toBe('room'); // not full: returns without waiting
  });
});

describe('ring producers in worker threads', () => {
  it('deliver every message exactly once into a ring smaller than their output, blocking while it is full', async () => {
    // The page's producer module, bundled so that a node worker thread runs the very same code.
    const bundle = await build({
      stdin: {
        contents: `import { produceIntoRing } from './ring-producer';
          const { parentPort, workerData } = require('node:worker_threads');
          parentPort.postMessage(produceIntoRing(workerData));`,
        resolveDir: new URL('../../web/src/experiments/queue/', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'node',
    });
    const code = bundle.outputFiles[0]!.text;
    const producers = 3;
    const messages = 40;
    const capacity = 4;
    const bytes = 24;
    const ring = SharedRing.create(capacity, bytes);
    const origin = epochNow();
    const finished = Array.from({ length: producers }, (_, producer) => {
      const start: StartRingProducer = { type: 'start-ring', producer, messages, messageBytes: bytes, produceMs: 0, originEpochMs: origin, buffer: ring.buffer, capacity };
      const worker = new Worker(code, { eval: true, workerData: start });
      return new Promise<Extract<FromRingProducer, { type: 'done' }>>((resolve, reject) => {
        worker.once('message', (done) => void worker.terminate().then(() => resolve(done)));
        worker.once('error', reject);
      });
    });
    const ledger = new DeliveryLedger(producers, messages, bytes);
    while (ring.producersDone() < producers || ring.hasMessage()) {
      const message = ring.tryPop();
      if (!message) {
        await ring.waitForMessage(100);
        continue;
      }
      ledger.record(message.producer, message.sequence, message.payload);
      await new Promise((resolve) => setTimeout(resolve, 1)); // a slow consumer: the ring fills
    }
    const done = await Promise.all(finished);
    expect(ledger.summary()).toMatchObject({ messagesReceived: producers * messages, duplicates: 0, missing: 0, damaged: 0, exactlyOnce: true });
    expect(ring.mostHeld()).toBe(capacity);
    expect(done.reduce((waits, d) => waits + d.waits.length, 0)).toBeGreaterThan(0);
  });
});
