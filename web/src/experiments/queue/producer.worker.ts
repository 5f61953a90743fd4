/// <reference lib="webworker" />
// Hosts one producer of the browser queue (producer.ts). The page terminates this Worker however
// the run ends.
import { createProducer } from './producer';
import type { FromProducer, ToProducer } from './producer-protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (message: FromProducer): void => self.postMessage(message);
const receive = createProducer(post);
self.onmessage = (event: MessageEvent<ToProducer>) => receive(event.data);
post({ type: 'ready' });
