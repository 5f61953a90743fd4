/// <reference lib="webworker" />
// One run of the barrier experiment in the wasm threads build: this Worker loads the module (its
// pthread pool holds one thread per worker, which a phase's joins hand back before the next
// phase starts), runs, answers once, and is terminated by the page.
import { loadPlayground } from '../../../../wasm/js/loader';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<{ base: string; options: { workers: number } }>) => {
  try {
    const playground = await loadPlayground('threads', { base: event.data.base, poolSize: event.data.options.workers });
    self.postMessage({ ok: true, value: JSON.parse(playground.raw.barrier(JSON.stringify(event.data.options))) });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
