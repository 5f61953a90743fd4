/// <reference lib="webworker" />
// One run of the semaphore experiment in wasm: this Worker loads the module (threads build with a
// pthread per download, or the single build for async), runs, answers once, and is terminated by
// the page. Its blocking joins and sleeps hold up this Worker, never the page.
import { loadPlayground } from '../../../../wasm/js/loader';

declare const self: DedicatedWorkerGlobalScope;

interface RunMessage {
  base: string;
  variant: 'threads' | 'single';
  options: { tasks: number };
}

self.onmessage = async (event: MessageEvent<RunMessage>) => {
  try {
    const { base, variant, options } = event.data;
    const playground = await loadPlayground(variant, variant === 'threads' ? { base, poolSize: options.tasks } : { base });
    self.postMessage({ ok: true, value: JSON.parse(playground.raw.semaphore(JSON.stringify(options))) });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
