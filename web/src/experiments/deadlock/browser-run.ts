// The browser side: the core's threads experiment in the wasm pthreads build, in a Worker of its
// own that is terminated however the run ends.
import { errorMessage, isDeadlockReport, type DeadlockOptions, type DeadlockOutcome } from './report';

/** Longer than any valid run (the core cancels its own at 60 s); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 90_000;

export function runBrowserDeadlock(wasmBase: string, options: DeadlockOptions): Promise<DeadlockOutcome> {
  const worker = new Worker(new URL('./deadlock.worker.ts', import.meta.url), { type: 'module', name: 'cplay-deadlock' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<DeadlockOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ error: `the browser run did not end within ${RUN_TIMEOUT_MS / 1000} s` }), RUN_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<{ ok: boolean; value?: unknown; error?: string }>) => {
      const { ok, value, error } = event.data;
      if (!ok) resolve({ error: error ?? 'the Worker failed' });
      else if (isDeadlockReport(value)) resolve({ report: value });
      else resolve({ error: errorMessage(value) ?? 'the browser report is malformed' });
    };
    worker.onerror = (event: ErrorEvent) => resolve({ error: event.message || 'the Worker failed to load' });
    worker.postMessage({ base: new URL('wasm/threads/', wasmBase).href, options: { ...options, mode: 'threads' } });
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}
