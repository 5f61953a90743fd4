// The core's threads in wasm: the pthreads build in a Worker of its own that is terminated however
// the run ends. The single build cannot start a thread, so the page says threads are needed.
import { runExperimentInWorker } from '../run-in-worker';
import { isPoolReport, type PoolOptions, type PoolOutcome } from './report';

/** Longer than any valid run (under a second of work per strategy); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 60_000;

export function runWasmPool(wasmBase: string, options: PoolOptions): Promise<PoolOutcome> {
  return runExperimentInWorker(wasmBase, {
    name: 'pool',
    entry: 'pool',
    variant: 'threads',
    // A pthread pool of W: the pool strategy's workers, and the fresh threads, at most W alive.
    poolSize: options.workers,
    options: { ...options, mode: 'threads', start_method: undefined },
    isReport: isPoolReport,
    timeoutMs: RUN_TIMEOUT_MS,
  });
}
