// The browser side: the core's experiment in wasm, in a Worker of its own that is terminated
// however the run ends. Threads mode needs the pthreads build; async runs in either.
import { errorMessage, isSemaphoreReport, type SemaphoreOptions, type SemaphoreOutcome } from './report';

/** Longer than any valid run (its ideal time is capped at 20 s, a sweep's too); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 90_000;

export function runBrowserSemaphore(wasmBase: string, threads: boolean, options: SemaphoreOptions): Promise<SemaphoreOutcome> {
  const variant = threads ? 'threads' : 'single';
  const worker = new Worker(new URL('./semaphore.worker.ts', import.meta.url), { type: 'module', name: 'cplay-semaphore' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<SemaphoreOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ error: `the browser run did not end within ${RUN_TIMEOUT_MS / 1000} s` }), RUN_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<{ ok: boolean; value?: unknown; error?: string }>) => {
      const { ok, value, error } = event.data;
      if (!ok) resolve({ error: error ?? 'the Worker failed' });
      else if (isSemaphoreReport(value)) resolve({ report: value });
      else resolve({ error: errorMessage(value) ?? 'the browser report is malformed' });
    };
    worker.onerror = (event: ErrorEvent) => resolve({ error: event.message || 'the Worker failed to load' });
    worker.postMessage({ base: new URL(`wasm/${variant}/`, wasmBase).href, variant, options });
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}
