// The async control experiment's report, as docs/schema/async-report.schema.json gives it (from
// the wasm module here, from cplay serve natively), and the little the page checks of it.
import type { AsyncReport } from '../../../../wasm/js/types';

export type { AsyncReport };
export type AsyncRun = AsyncReport['runs'][number];

export interface AsyncOptions {
  scenario: 'gather' | 'cancel' | 'timeout' | 'race' | 'all';
  tasks: number;
  latency_ms: number;
  timeout_ms: number;
  sync: 'none' | 'lock';
  increments: number;
}

export type AsyncOutcome = { report: AsyncReport } | { error: string };

export function isAsyncReport(value: unknown): value is AsyncReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return r.experiment === 'async' && typeof r.exact === 'boolean' && Array.isArray(r.runs);
}

export { errorMessage } from '../../native/experiment-api';
