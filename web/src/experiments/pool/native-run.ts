// The native side: POST /api/pool on cplay serve, which runs the experiment in a process of its
// own (threads, or child processes by fork or spawn) and answers its report.
import { runExperimentJob } from '../../native/experiment-api';
import { isPoolReport, type PoolOptions, type PoolOutcome } from './report';

export async function runNativePool(base: URL, options: PoolOptions): Promise<PoolOutcome> {
  const outcome = await runExperimentJob(base, 'pool', options, isPoolReport);
  return 'report' in outcome ? { report: outcome.report } : outcome;
}
