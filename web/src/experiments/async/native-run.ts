// The native side: POST /api/async on cplay serve, which runs the experiment in a process of its
// own and answers its report.
import { runExperimentJob } from '../../native/experiment-api';
import { isAsyncReport, type AsyncOptions, type AsyncOutcome } from './report';

export function runNativeAsync(base: URL, options: AsyncOptions): Promise<AsyncOutcome> {
  return runExperimentJob(base, 'async', options, isAsyncReport);
}
