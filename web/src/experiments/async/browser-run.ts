// The browser side: the core's experiment in wasm, in a Worker of its own that is terminated
// however the run ends. One event loop on one thread, so either build runs it.
import { errorMessage, isAsyncReport, type AsyncOptions, type AsyncOutcome } from './report';

/** Longer than any valid run (four scenarios of at most 2000 ms of waiting); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 60_000;

export function runBrowserAsync(wasmBase: string, threads: boolean, options: AsyncOptions): Promise<AsyncOutcome> {
  const variant = threads ? 'threads' : 'single';
  const worker = new Worker(new URL('./async.worker.ts', import.meta.url), { type: 'module', name: 'cplay-async' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<AsyncOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ error: `the browser run did not end within ${RUN_TIMEOUT_MS / 1000} s` }), RUN_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<{ ok: boolean; value?: unknown; error?: string }>) => {
      const { ok, value, error } = event.data;
      if (!ok) resolve({ error: error ?? 'the Worker failed' });
      else if (isAsyncReport(value)) resolve({ report: value });
      else resolve({ error: errorMessage(value) ?? 'the browser report is malformed' });
    };
    worker.onerror = (event: ErrorEvent) => resolve({ error: event.message || 'the Worker failed to load' });
    worker.postMessage({ base: new URL(`wasm/${variant}/`, wasmBase).href, variant, options });
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}
