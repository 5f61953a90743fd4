// Helpers over requests and reports that every part of the page shares: "is this the same
// workload?", "do these two results agree?", and the `cplay` command line for a request.
import { flagOf, NATIVE_START_METHODS } from './catalog';
import type { Params, Report, RunRequest } from './types';
import { RESULT_FIELDS } from './validate-report';

/** Inputs that change how results are printed or repeated, not the workload of one run. */
const NOT_WORKLOAD = new Set(['runs', 'print']);

function sameParams(a: Params, b: Params): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (NOT_WORKLOAD.has(key)) continue;
    if (String(a[key]) !== String(b[key])) return false;
  }
  return true;
}

/** Same demo, mode, worker count and (normalized) parameters; the start method may differ. */
export function sameWorkload(a: RunRequest, b: RunRequest): boolean {
  return a.demo === b.demo && a.mode === b.mode && a.workers === b.workers && sameParams(a.params, b.params);
}

/** Same workload apart from the worker count: the points of one sweep. */
export function sameSweepSeries(a: RunRequest, b: RunRequest): boolean {
  return a.demo === b.demo && a.mode === b.mode && sameParams(a.params, b.params);
}

/**
 * An unsynchronized counter shared by real threads loses a different number of updates each
 * time, so those fields cannot be expected to agree between two runs (or two machines).
 */
export function resultVariesByRun(request: RunRequest): boolean {
  // Only processes may count copies of their own; MPI ranks share one counter through a window.
  const shared = request.mode !== 'processes' || request.params.shared_memory === true;
  return request.demo === 'race' && request.params.sync === 'none' && shared;
}

/**
 * What the browser runs for a request. WebAssembly cannot run MPI, so for mode mpi Web Workers
 * stand in for the ranks: processes (a Worker each, with memory of its own, as a rank has), except
 * in the race, whose counter every rank reaches through one MPI window; there it is the threads
 * mode, whose threads are Web Workers sharing one WebAssembly memory (the browser's processes
 * cannot share a counter). Every other request runs as it is.
 */
export function browserStandIn(request: RunRequest): RunRequest {
  if (request.mode !== 'mpi') return request;
  const { start_method: _nativeOnly, ...rest } = request;
  return { ...rest, mode: request.demo === 'race' ? 'threads' : 'processes' };
}

export function comparedResultFields(request: RunRequest): readonly string[] {
  const fields = RESULT_FIELDS[request.demo];
  if (request.demo !== 'race') return fields;
  return resultVariesByRun(request) ? fields.filter((f) => f !== 'final') : [...fields, 'lost', 'child_finals'];
}

/** Null when the results agree, else the first field that differs. */
export function resultDifference(a: Report, b: Report): string | null {
  for (const field of comparedResultFields(a)) {
    if (JSON.stringify(a.result[field]) !== JSON.stringify(b.result[field])) {
      return `${field}: ${JSON.stringify(a.result[field])} vs ${JSON.stringify(b.result[field])}`;
    }
  }
  return null;
}

export function headOf(report: Report): RunRequest {
  return { demo: report.demo, mode: report.mode, workers: report.workers, params: report.params };
}

/** The command that runs the same request natively, so a reader can reproduce any number. */
export function cplayCommand(request: RunRequest): string {
  const parts = ['cplay', request.demo];
  for (const [key, value] of Object.entries(request.params)) {
    const flag = flagOf(key);
    if (typeof value === 'boolean') {
      if (value) parts.push(flag);
    } else {
      parts.push(flag, String(value));
    }
  }
  // A sequential run has one worker, except where the work is per worker (the race's loops).
  if (request.mode !== 'sequential' || request.workers !== 1) parts.push(flagOf('workers'), String(request.workers));
  parts.push(flagOf('mode'), request.mode);
  if (request.mode === 'processes' && request.start_method && NATIVE_START_METHODS.includes(request.start_method)) {
    parts.push(flagOf('start_method'), request.start_method);
  }
  parts.push('--json');
  return parts.join(' ');
}
