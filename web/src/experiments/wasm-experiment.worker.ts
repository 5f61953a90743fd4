/// <reference lib="webworker" />
// One run of an experiment in wasm: this Worker loads the build it is told (the threads build
// with a pthread pool of the size asked), calls the experiment once, answers once, and is
// terminated by the page. The run's blocking joins, waits and sleeps hold up this Worker, never
// the page. runExperimentInWorker (run-in-worker.ts) sends the message.
import { loadPlayground } from '../../../wasm/js/loader';
import type { WasmExperimentRun } from './run-in-worker';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = async (event: MessageEvent<WasmExperimentRun>) => {
  try {
    const { base, variant, poolSize, entry, options } = event.data;
    const playground = await loadPlayground(variant, variant === 'threads' ? { base, poolSize } : { base });
    self.postMessage({ ok: true, value: JSON.parse(playground.raw[entry](JSON.stringify(options))) });
  } catch (error) {
    self.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) });
  }
};
