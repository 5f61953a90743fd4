// The browser side: the core's threads experiment in the wasm pthreads build, in a Worker of its
// own that is terminated however the run ends.
import { errorMessage, isBarrierReport, type BarrierOptions, type BarrierOutcome } from './report';

/** Longer than any valid run (the slowest worker's work is at most 20 s); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 60_000;

export function runBrowserBarrier(wasmBase: string, options: BarrierOptions): Promise<BarrierOutcome> {
  const worker = new Worker(new URL('./barrier.worker.ts', import.meta.url), { type: 'module', name: 'cplay-barrier' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<BarrierOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ error: `the browser run did not end within ${RUN_TIMEOUT_MS / 1000} s` }), RUN_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent<{ ok: boolean; value?: unknown; error?: string }>) => {
      const { ok, value, error } = event.data;
      if (!ok) resolve({ error: error ?? 'the Worker failed' });
      else if (isBarrierReport(value)) resolve({ report: value });
      else resolve({ error: errorMessage(value) ?? 'the browser report is malformed' });
    };
    worker.onerror = (event: ErrorEvent) => resolve({ error: event.message || 'the Worker failed to load' });
    worker.postMessage({ base: new URL('wasm/threads/', wasmBase).href, options });
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}
