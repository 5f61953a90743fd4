// The semaphore experiment's report, as docs/schema/semaphore-report.schema.json gives it (from
// the wasm module here, from cplay serve natively), and the little the page checks of it.
import type { SemaphoreReport } from '../../../../wasm/js/types';

export type { SemaphoreReport };

export interface SemaphoreOptions {
  mode: 'threads' | 'async';
  tasks: number;
  limit: number;
  latency_ms: number;
  sweep: boolean;
}

export type SemaphoreOutcome = { report: SemaphoreReport } | { error: string };

export function isSemaphoreReport(value: unknown): value is SemaphoreReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.experiment === 'semaphore' &&
    typeof r.max_in_flight === 'number' &&
    typeof r.wall_ms === 'number' &&
    Array.isArray(r.per_task) &&
    Array.isArray(r.sweep_runs)
  );
}

export { errorMessage } from '../../native/experiment-api';
