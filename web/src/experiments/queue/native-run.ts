// The native side: POST /api/queue on cplay serve, which runs the experiment in a process of its
// own (processes mode forks the producers and the hand-off's child) and answers its report.
import type { QueueReport } from '../../../../wasm/js/types';
import { runExperimentJob } from '../../native/experiment-api';

export type QueueOutcome = { report: QueueReport } | { error: string };

export { errorMessage } from '../../native/experiment-api';

/** The shape the page reads; the full contract is held by tests/web/contract-queue.test.ts. */
export function isQueueReport(value: unknown): value is QueueReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Partial<QueueReport>;
  return (
    report.experiment === 'queue' &&
    typeof report.wall_ms === 'number' &&
    typeof report.result?.exactly_once === 'boolean' &&
    Array.isArray(report.roles) &&
    Array.isArray(report.spans) &&
    Array.isArray(report.events)
  );
}

export function runNativeQueue(base: URL, request: Record<string, unknown>, signal?: AbortSignal): Promise<QueueOutcome> {
  return runExperimentJob(base, 'queue', request, isQueueReport, signal);
}
