// The native side: POST /api/deadlock on cplay serve, which runs the experiment in a process of
// its own (threads, or forked processes sharing robust mutexes) and answers its report.
import { runExperimentJob } from '../../native/experiment-api';
import { isDeadlockReport, type DeadlockOptions, type DeadlockOutcome } from './report';

export function runNativeDeadlock(base: URL, options: DeadlockOptions): Promise<DeadlockOutcome> {
  return runExperimentJob(base, 'deadlock', options, isDeadlockReport);
}
