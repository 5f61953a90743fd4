/// <reference lib="webworker" />
// One run of the async control experiment in wasm: this Worker loads the module (either build:
// the event loop is one thread), runs, answers once, and is terminated by the page. The loop's
// sleeps hold up this Worker, never the page.
import { loadPlayground } from '../../../../wasm/js/loader';

declare const self: DedicatedWorkerGlobalScope;

interface RunMessage {
  base: string;
  variant: 'threads' | 'single';
  options: Record<string, unknown>;
}

self.onmessage = async (event: MessageEvent<RunMessage>) => {
  try {
    const { base, variant, options } = event.data;
    const playground = await loadPlayground(variant, variant === 'threads' ? { base, poolSize: 1 } : { base });
    self.postMessage({ ok: true, value: JSON.parse(playground.raw.asyncControl(JSON.stringify(options))) });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
