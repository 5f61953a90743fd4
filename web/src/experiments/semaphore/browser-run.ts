// The browser side: the core's experiment in wasm, in a Worker of its own that is terminated
// however the run ends. Threads mode needs the pthreads build; async runs in either.
import { runExperimentInWorker } from '../run-in-worker';
import { isSemaphoreReport, type SemaphoreOptions, type SemaphoreOutcome } from './report';

/** Longer than any valid run (its ideal time is capped at 20 s, a sweep's too); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 90_000;

export function runBrowserSemaphore(wasmBase: string, threads: boolean, options: SemaphoreOptions): Promise<SemaphoreOutcome> {
  return runExperimentInWorker(wasmBase, {
    name: 'semaphore',
    entry: 'semaphore',
    variant: threads ? 'threads' : 'single',
    // A pthread per download.
    poolSize: options.tasks,
    options,
    isReport: isSemaphoreReport,
    timeoutMs: RUN_TIMEOUT_MS,
  });
}
