// The report contract of DESIGN.md, as TypeScript. Every side (native CLI, `cplay serve`, the
// WASM module in a Worker) speaks these shapes, so the page never needs to know which one ran.

export const DEMOS = ['io', 'primes', 'factorial', 'race'] as const;
export type Demo = (typeof DEMOS)[number];

export const MODES = ['sequential', 'threads', 'gil-threads', 'async', 'processes'] as const;
export type Mode = (typeof MODES)[number];

export type StartMethod = 'fork' | 'spawn' | 'worker';
export type WorkerState = 'running' | 'waiting' | 'gil-wait';

/** Request parameters: keys are the CLI flags in snake_case. */
export type Params = Record<string, number | string | boolean>;

export interface RunRequest {
  demo: Demo;
  mode: Mode;
  workers: number;
  start_method?: StartMethod | null;
  params: Params;
}

export interface Span {
  worker: number;
  pid: number;
  tid: number;
  start_ms: number;
  end_ms: number;
  items: number;
}

export interface TimelineEvent {
  worker: number;
  state: WorkerState;
  start_ms: number;
  end_ms: number;
}

export interface Platform {
  runtime: 'native' | 'wasm';
  os?: string;
  cores?: number;
  compiler?: string;
  cross_origin_isolated?: boolean;
  [extra: string]: unknown;
}

export interface Report {
  schema: 1;
  demo: Demo;
  mode: Mode;
  start_method: StartMethod | null;
  workers: number;
  params: Params;
  result: Record<string, unknown>;
  wall_ms: number;
  spans: Span[];
  events?: TimelineEvent[];
  events_truncated?: boolean;
  platform: Platform;
  [extra: string]: unknown;
}

export interface ErrorReport {
  schema: 1;
  error: { code: string; message: string };
}

export function isErrorReport(value: unknown): value is ErrorReport {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** What the WASM module says about itself (`info()`). */
export interface WasmInfo {
  runtime: string;
  variant: 'threads' | 'single';
  cores: number;
  max_workers: number;
  compiler: string;
}

/** What `GET /api/info` says about the native side. */
export interface NativeInfo {
  pid?: number;
  cores?: number;
  /** The CPU's model name (`cpu` in cplay serve's answer; `cpu_model` accepted too). */
  cpu?: string;
  cpu_model?: string;
  start_methods?: string[];
  version?: string;
  platform?: Record<string, unknown>;
  [extra: string]: unknown;
}
