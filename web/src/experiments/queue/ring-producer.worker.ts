/// <reference lib="webworker" />
// Hosts one producer of the SharedArrayBuffer ring (ring-producer.ts); it blocks this Worker while
// the ring is full, never the page. The page terminates it however the run ends.
import { produceIntoRing, type FromRingProducer, type StartRingProducer } from './ring-producer';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromRingProducer): void => self.postMessage(message);
self.onmessage = (event: MessageEvent<StartRingProducer>) => {
  try {
    post(produceIntoRing(event.data));
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
post({ type: 'ready' });
