// The browser side: the core's threads experiment in the wasm pthreads build, in a Worker of its
// own that is terminated however the run ends. The watchdog blocks that Worker, never the page.
import { runExperimentInWorker } from '../run-in-worker';
import { isDeadlockReport, type DeadlockOptions, type DeadlockOutcome } from './report';

/** Longer than any valid run (the core cancels its own at 60 s); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 90_000;

export function runBrowserDeadlock(wasmBase: string, options: DeadlockOptions): Promise<DeadlockOutcome> {
  return runExperimentInWorker(wasmBase, {
    name: 'deadlock',
    entry: 'deadlock',
    variant: 'threads',
    poolSize: options.workers,
    options: { ...options, mode: 'threads' },
    isReport: isDeadlockReport,
    timeoutMs: RUN_TIMEOUT_MS,
  });
}
