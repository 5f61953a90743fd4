// The native side: POST /api/semaphore on cplay serve, which runs the experiment in a process of
// its own and answers its report.
import { runExperimentJob } from '../../native/experiment-api';
import { isSemaphoreReport, type SemaphoreOptions, type SemaphoreOutcome } from './report';

export function runNativeSemaphore(base: URL, options: SemaphoreOptions): Promise<SemaphoreOutcome> {
  return runExperimentJob(base, 'semaphore', options, isSemaphoreReport);
}
