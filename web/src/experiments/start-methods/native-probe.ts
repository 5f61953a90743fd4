// The native column of "fork vs spawn": POST /api/start-methods on `cplay serve`, which runs
// `cplay start-methods` in a process of its own and answers its report.
import { newJobId } from '../../native/live-api';

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

function errorMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: { message?: unknown } }).error;
  return typeof error?.message === 'string' ? error.message : null;
}

export async function runNativeStartMethods(base: URL, workers: number): Promise<NativeStartOutcome> {
  const url = new URL('api/start-methods', base);
  url.searchParams.set('job', newJobId());
  let response: Response;
  try {
    // JSON only: the server refuses anything a cross-site form could send.
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ workers }) });
  } catch {
    return { error: 'the native server did not answer (is cplay serve still running?)' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { error: `the native server answered ${response.status} without JSON` };
  }
  if (!response.ok) return { error: errorMessage(body) ?? `the native server answered ${response.status}` };
  if (!isReport(body)) return { error: 'the native report is malformed' };
  return { report: body };
}
