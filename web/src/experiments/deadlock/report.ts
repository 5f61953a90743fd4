// The deadlock experiment's report, as docs/schema/deadlock-report.schema.json gives it (from the
// wasm threads build here, from cplay serve natively), and the little the page checks of it.
export interface WaitLink {
  worker: number;
  holds: number;
  waits_for: number;
  held_by: number;
}

export interface DeadlockWorkerRow {
  worker: number;
  first_lock: number;
  second_lock: number;
  rounds_completed: number;
  retries: number;
  gave_up: boolean;
}

export interface DeadlockReport {
  experiment: 'deadlock';
  mode: 'threads' | 'processes';
  workers: number;
  order: 'opposite' | 'consistent';
  strategy: 'block' | 'try-lock';
  rounds: number;
  hold_ms: number;
  deadlock: boolean;
  detected_ms: number | null;
  cycle: WaitLink[];
  per_worker: DeadlockWorkerRow[];
  retries: number;
  wall_ms: number;
  detection: { samples: number; sample_ms: number; lock_attempt_ms: number };
  spans: { worker: number; pid: number; tid: number }[];
}

export interface DeadlockOptions {
  mode?: 'threads' | 'processes';
  workers: number;
  order: 'opposite' | 'consistent';
  strategy: 'block' | 'try-lock';
  rounds: number;
  hold_ms: number;
}

export type DeadlockOutcome = { report: DeadlockReport } | { error: string };

export function isDeadlockReport(value: unknown): value is DeadlockReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.experiment === 'deadlock' &&
    typeof r.deadlock === 'boolean' &&
    Array.isArray(r.cycle) &&
    Array.isArray(r.per_worker) &&
    Array.isArray(r.spans) &&
    typeof r.wall_ms === 'number'
  );
}

export { errorMessage } from '../../native/experiment-api';

/** Locks are A, B, C… on the page, as in the CLI. */
export function lockName(lock: number): string {
  return `lock ${String.fromCharCode(65 + lock)}`;
}
