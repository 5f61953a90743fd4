/// <reference lib="webworker" />
// One run of the pool experiment's threads in wasm: this Worker loads the threads build with a
// pthread pool of W, runs, answers once, and is terminated by the page. Its joins hold up this
// Worker, never the page.
import { loadPlayground } from '../../../../wasm/js/loader';

declare const self: DedicatedWorkerGlobalScope;

interface RunMessage {
  base: string;
  options: { workers: number };
}

self.onmessage = async (event: MessageEvent<RunMessage>) => {
  try {
    const { base, options } = event.data;
    const playground = await loadPlayground('threads', { base, poolSize: options.workers });
    self.postMessage({ ok: true, value: JSON.parse(playground.raw.pool(JSON.stringify(options))) });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
