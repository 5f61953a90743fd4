// The browser side: the core's threads experiment in the wasm pthreads build, in a Worker of its
// own that is terminated however the run ends.
import { runExperimentInWorker } from '../run-in-worker';
import { isBarrierReport, type BarrierOptions, type BarrierOutcome } from './report';

/** Longer than any valid run (the slowest worker's work is at most 20 s); a stuck Worker is ended. */
const RUN_TIMEOUT_MS = 60_000;

export function runBrowserBarrier(wasmBase: string, options: BarrierOptions): Promise<BarrierOutcome> {
  return runExperimentInWorker(wasmBase, {
    name: 'barrier',
    entry: 'barrier',
    variant: 'threads',
    // One pthread per worker, which a phase's joins hand back before the next phase starts.
    poolSize: options.workers,
    options,
    isReport: isBarrierReport,
    timeoutMs: RUN_TIMEOUT_MS,
  });
}
