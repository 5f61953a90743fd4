/// <reference lib="webworker" />
// One monitor worker in the browser: it says when it starts, waits its duration, says when it
// ends. The page samples who is alive and terminates every Worker however the run ends.
declare const self: DedicatedWorkerGlobalScope;
export {};

self.onmessage = (event: MessageEvent<{ durationMs: number }>) => {
  self.postMessage({ event: 'started', at: performance.timeOrigin + performance.now() });
  setTimeout(() => self.postMessage({ event: 'ended', at: performance.timeOrigin + performance.now() }), event.data.durationMs);
};
