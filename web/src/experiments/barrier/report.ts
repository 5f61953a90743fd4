// The barrier experiment's report, as docs/schema/barrier-report.schema.json gives it (from the
// wasm threads build here, from cplay serve natively), and the little the page checks of it.
export type BarrierSync = 'barrier' | 'join' | 'none';

export interface BarrierWorkerRow {
  worker: number;
  work_ms: number;
  stale_reads: number;
  waited_ms: number;
}

export interface BarrierEvent {
  worker: number;
  phase: number;
  state: 'running' | 'waiting';
  start_ms: number;
  end_ms: number;
}

export interface BarrierReport {
  experiment: 'barrier';
  sync: BarrierSync;
  workers: number;
  phases: number;
  work_ms: number;
  skew_ms: number;
  correct: boolean;
  checksum: number;
  reference_checksum: number;
  wrong_cells: number;
  stale_reads: number;
  per_worker: BarrierWorkerRow[];
  phase_costs: { phase: number; start_ms: number; join_ms: number }[];
  events: BarrierEvent[];
  wall_ms: number;
}

export interface BarrierOptions {
  sync: BarrierSync;
  workers: number;
  phases: number;
  work_ms: number;
  skew_ms: number;
}

export type BarrierOutcome = { report: BarrierReport } | { error: string };

export function isBarrierReport(value: unknown): value is BarrierReport {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    r.experiment === 'barrier' &&
    typeof r.correct === 'boolean' &&
    Array.isArray(r.per_worker) &&
    Array.isArray(r.events) &&
    Array.isArray(r.phase_costs) &&
    typeof r.wall_ms === 'number'
  );
}

export { errorMessage } from '../../native/experiment-api';
