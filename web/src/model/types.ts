// The page's view of the report contract of DESIGN.md. Every side (native CLI, `cplay serve`, the
// WASM module in a Worker) speaks these shapes, so the page never needs to know which one ran.
// wasm/js/types.ts defines the contract; this file re-exports it and loosens only what the page
// must treat generically or cannot trust.
import type {
  Demo,
  ErrorReport,
  Info,
  Mode,
  NormalizedRequest,
  Platform as ContractPlatform,
  Report as ContractReport,
  Span,
  StartMethod,
  Event as TimelineEvent,
  WorkerState,
} from '../../../wasm/js/types';

// Exactly the contract's shapes. Event goes by TimelineEvent so that it never hides the DOM's Event.
export type { Demo, ErrorReport, Mode, Span, StartMethod, TimelineEvent, WorkerState };

/** The demos in the page's order (cards, URL checks). */
export const DEMOS = ['io', 'primes', 'factorial', 'race'] as const satisfies readonly Demo[];

/** The modes in the page's order (radio buttons, "All modes"). */
export const MODES = ['sequential', 'threads', 'gil-threads', 'async', 'processes'] as const satisfies readonly Mode[];

/**
 * Request parameters, indexed by name: the page handles every demo's parameters generically
 * (URL state, forms, command lines), where the contract lists each one.
 */
export type Params = Record<string, number | string | boolean>;

export interface RunRequest extends Pick<NormalizedRequest, 'demo' | 'mode' | 'workers'>, Partial<Pick<NormalizedRequest, 'start_method'>> {
  params: Params;
}

// Reports reach the page from places it does not control (a dropped file, another build of
// `cplay`): validateReport() guarantees only some fields, so the page's view is looser than the
// contract there, and keeps whatever else a report carries.

export interface Platform extends Pick<ContractPlatform, 'runtime'>, Partial<Omit<ContractPlatform, 'runtime'>> {
  [extra: string]: unknown;
}

export interface Report
  extends Pick<ContractReport, 'schema' | 'demo' | 'mode' | 'start_method' | 'workers' | 'wall_ms' | 'spans' | 'events_truncated'> {
  params: Params;
  result: Record<string, unknown>;
  events?: TimelineEvent[];
  platform: Platform;
  [extra: string]: unknown;
}

/** Stricter than the module's own check: the page shows `error.message` of any JSON it is given. */
export function isErrorReport(value: unknown): value is ErrorReport {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** What the page reads of the WASM module's `info()`. */
export type WasmInfo = Pick<Info, 'runtime' | 'variant' | 'cores' | 'max_workers' | 'compiler'>;

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
