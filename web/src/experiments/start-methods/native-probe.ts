// The native column of "fork vs spawn": POST /api/start-methods on `cplay serve`, which runs
// `cplay start-methods` in a process of its own and answers its report.
import { runExperimentJob } from '../../native/experiment-api';

export interface NativeKindRow {
  kind: 'thread' | 'fork' | 'spawn';
  pid: number;
  variable: string;
  sees_changed_variable: boolean;
  fd_open: boolean;
  sees_open_file: boolean;
  threads: number;
  sees_parent_thread: boolean;
  start_join_ms_per_worker: number;
}

export interface NativeStartReport {
  workers: number;
  pid: number;
  cores: number;
  cpu?: string;
  parent: { variable: string; initial_variable: string; fd: number; inode: number; ticker_tid: number };
  kinds: NativeKindRow[];
}

export type NativeStartOutcome = { report: NativeStartReport } | { error: string };

const KINDS = ['thread', 'fork', 'spawn'] as const;

function isRow(value: unknown, kind: string): value is NativeKindRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    row.kind === kind &&
    typeof row.variable === 'string' &&
    typeof row.threads === 'number' &&
    ['sees_changed_variable', 'fd_open', 'sees_open_file', 'sees_parent_thread'].every((key) => typeof row[key] === 'boolean') &&
    typeof row.start_join_ms_per_worker === 'number' &&
    Number.isFinite(row.start_join_ms_per_worker)
  );
}

function isReport(value: unknown): value is NativeStartReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Record<string, unknown>;
  const kinds = report.kinds;
  return (
    typeof report.workers === 'number' &&
    typeof report.parent === 'object' &&
    report.parent !== null &&
    Array.isArray(kinds) &&
    kinds.length === KINDS.length &&
    KINDS.every((kind, i) => isRow(kinds[i], kind))
  );
}

export function runNativeStartMethods(base: URL, workers: number): Promise<NativeStartOutcome> {
  return runExperimentJob(base, 'start-methods', { workers }, isReport);
}
