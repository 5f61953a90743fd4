/// <reference lib="webworker" />
// A browser Worker of the pool experiment: it says it runs as soon as its module has loaded, then
// answers every task it is sent. The page decides whether it gets one task (fresh) or many (pool).
import { poolTaskValue } from './task';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ task: number; work: number }>) => {
  const { task, work } = event.data;
  const started = performance.now();
  const value = poolTaskValue(task, work).toString();
  self.postMessage({ kind: 'result', task, value, ms: performance.now() - started });
};
self.postMessage({ kind: 'running' });
