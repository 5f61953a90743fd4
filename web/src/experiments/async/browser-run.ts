// The browser side: the core's experiment in wasm, in a Worker of its own that is terminated
// however the run ends. One event loop on one thread, so either build runs it.
import { runExperimentInWorker } from '../run-in-worker';
import { isAsyncReport, type AsyncOptions, type AsyncOutcome } from './report';

/** Longer than any valid run (four scenarios of at most 2000 ms of waiting); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 60_000;

export function runBrowserAsync(wasmBase: string, threads: boolean, options: AsyncOptions): Promise<AsyncOutcome> {
  return runExperimentInWorker(wasmBase, {
    name: 'async',
    entry: 'asyncControl',
    variant: threads ? 'threads' : 'single',
    // The loop is one thread: the threads build needs no pthread beyond the one it starts with.
    poolSize: 1,
    options,
    isReport: isAsyncReport,
    timeoutMs: RUN_TIMEOUT_MS,
  });
}
