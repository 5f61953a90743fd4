// The core's threads in wasm: the pthreads build in a Worker of its own that is terminated however
// the run ends. The single build cannot start a thread, so the page says threads are needed.
import { errorMessage, isPoolReport, type PoolOptions, type PoolOutcome } from './report';

/** Longer than any valid run (under a second of work per strategy); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 60_000;

export function runWasmPool(wasmBase: string, options: PoolOptions): Promise<PoolOutcome> {
  const worker = new Worker(new URL('./pool.worker.ts', import.meta.url), { type: 'module', name: 'cplay-pool' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<PoolOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ error: `the browser run did not end within ${RUN_TIMEOUT_MS / 1000} s` }), RUN_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<{ ok: boolean; value?: unknown; error?: string }>) => {
      const { ok, value, error } = event.data;
      if (!ok) resolve({ error: error ?? 'the Worker failed' });
      else if (isPoolReport(value)) resolve({ report: value });
      else resolve({ error: errorMessage(value) ?? 'the browser report is malformed' });
    };
    worker.onerror = (event: ErrorEvent) => resolve({ error: event.message || 'the Worker failed to load' });
    worker.postMessage({ base: new URL('wasm/threads/', wasmBase).href, options: { ...options, mode: 'threads', start_method: undefined } });
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}
