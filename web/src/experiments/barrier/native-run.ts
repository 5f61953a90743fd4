// The native side: POST /api/barrier on cplay serve, which runs the experiment's threads in a
// process of its own and answers its report.
import { runExperimentJob } from '../../native/experiment-api';
import { isBarrierReport, type BarrierOptions, type BarrierOutcome } from './report';

export function runNativeBarrier(base: URL, options: BarrierOptions): Promise<BarrierOutcome> {
  return runExperimentJob(base, 'barrier', options, isBarrierReport);
}
