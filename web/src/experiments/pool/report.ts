// The pool experiment's report, as docs/schema/pool-report.schema.json gives it (from the wasm
// module here, from cplay serve natively), and the little the page checks of it. The browser's
// Workers side builds the same shape of strategy, so one view draws every side.
import type { PoolReport } from '../../../../wasm/js/types';

export type { PoolReport };
export type PoolStrategy = PoolReport['pool'];

export interface PoolOptions {
  mode: 'threads' | 'processes';
  start_method?: 'fork' | 'spawn';
  tasks: number;
  workers: number;
  work: number;
}

/** What a side shows: both strategies, the expected sum and the measured ratio. */
export interface PoolComparison {
  pool: PoolStrategy;
  fresh: PoolStrategy;
  expected_sum: string;
  correct: boolean;
  fresh_over_pool: number;
  workers: number;
}

export type PoolOutcome = { report: PoolComparison } | { error: string };

export function isPoolReport(value: unknown): value is PoolReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const strategy = (s: unknown) =>
    typeof s === 'object' && s !== null && Array.isArray((s as Record<string, unknown>).per_task) && Array.isArray((s as Record<string, unknown>).workers);
  return r.experiment === 'pool' && typeof r.fresh_over_pool === 'number' && strategy(r.pool) && strategy(r.fresh);
}

export { errorMessage } from '../../native/experiment-api';
