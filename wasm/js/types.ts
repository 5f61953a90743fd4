// The JSON shapes of DESIGN.md ("The report"), shared by the loader, the tests and the page.
// Reports may carry more fields than these (never fewer, never renamed).

export type Demo = 'primes' | 'factorial' | 'race' | 'io';
export type Mode = 'sequential' | 'threads' | 'gil-threads' | 'async' | 'processes';
export type StartMethod = 'fork' | 'spawn' | 'worker';
export type Sync = 'none' | 'lock' | 'atomic';
export type WorkerState = 'running' | 'waiting' | 'gil-wait';
export type Variant = 'threads' | 'single';

/** Inputs after defaults; keys are the CLI flags in snake_case. Numbers may also be digit strings. */
export interface Params {
  limit?: number;
  algorithm?: 'trial' | 'sieve';
  n?: number;
  count?: number;
  print?: boolean;
  increments?: number;
  sync?: Sync;
  shared_memory?: boolean;
  runs?: number;
  tasks?: number;
  latency_ms?: number;
  switch_interval_ms?: number;
}

/** A request: the head of a report. Missing fields take the CLI's defaults. */
export interface Request {
  demo: Demo;
  mode?: Mode;
  workers?: number;
  start_method?: StartMethod | null;
  params?: Params;
}

/** A request as validate() returns it: every field present. */
export interface NormalizedRequest {
  demo: Demo;
  mode: Mode;
  workers: number;
  start_method: StartMethod | null;
  params: Params;
}

/** What one worker (thread, coroutine, Worker) did, in ms from the run's start. */
export interface Span {
  worker: number;
  pid: number;
  tid: number;
  start_ms: number;
  end_ms: number;
  items: number;
}

/** One stretch of a worker in one state (coalesced, capped per worker). */
export interface Event {
  worker: number;
  state: WorkerState;
  start_ms: number;
  end_ms: number;
}

export interface PrimesResult {
  count: number;
  largest: number;
}

export interface FactorialResult {
  n: number;
  count: number;
  digits: number;
  /** The first 20 decimal digits (all of them below 20). */
  leading: string;
  trailing_zeros: number;
  bits: number;
  /** Only when params.print is true. */
  decimal?: string;
}

export interface RaceResult {
  expected: number;
  final: number;
  lost: number;
  sync: Sync;
  increments_done: number;
  shared_memory?: boolean;
  child_finals?: number[];
}

export interface IoResult {
  tasks: number;
  completed: number;
}

export type Result = PrimesResult | FactorialResult | RaceResult | IoResult;

export interface Platform {
  runtime: 'native' | 'wasm';
  os: string;
  cores: number;
  compiler: string;
  /** wasm builds only. */
  variant?: Variant;
  /** Set by the page in the browser. */
  cross_origin_isolated?: boolean;
}

export interface Report extends NormalizedRequest {
  schema: 1;
  result: Result;
  wall_ms: number;
  spans: Span[];
  events: Event[];
  events_truncated?: boolean;
  /** gil-threads only: how often the simulated GIL changed hands. */
  gil?: { switches: number };
  platform: Platform;
}

export interface ErrorReport {
  schema: 1;
  error: { code: string; message: string };
}

/** What one "process" (a Worker running the single build) hands to assemble(). */
export interface Shard {
  partial: Record<string, unknown>;
  span: Span;
}

/** What a module says about itself. */
export interface Info {
  runtime: 'wasm';
  variant: Variant;
  /** The machine's logical cores. */
  cores: number;
  /** The pthread pool: the most thread workers a run may use (0 in the single build). */
  max_workers: number;
  /** The most Workers a processes request may ask for. */
  max_processes: number;
  /** Modes this build can run (processes: through runShard() in Workers and assemble()). */
  modes: Mode[];
  compiler: string;
  os: string;
  /** cpp_int's limb width in this build. */
  limb_bits: 32 | 64;
}

export function isErrorReport(value: unknown): value is ErrorReport {
  return typeof value === 'object' && value !== null && 'error' in value;
}
