// The page's view of the report contract (docs/schema, described in docs/design.md). Every side
// (native CLI, `cplay serve`, the WASM module in a Worker) speaks these shapes, so the page never
// needs to know which one ran. wasm/js/types.ts holds the types generated from the schemas; this
// file re-exports them and loosens only what the page handles generically.
import type {
  Demo,
  ErrorCode,
  ErrorReport,
  Info,
  MachineInfo,
  Mode,
  NormalizedRequest,
  Report as ContractReport,
  Span,
  StartMethod,
  Event as TimelineEvent,
  WorkerState,
} from '../../../wasm/js/types';

// Exactly the contract's shapes. Event goes by TimelineEvent so that it never hides the DOM's Event.
export type { Demo, ErrorCode, ErrorReport, Mode, Span, StartMethod, TimelineEvent, WorkerState };
export { isErrorReport } from '../../../wasm/js/types';

// The demos and modes by name, from the core's catalog.
export { DEMOS, MODES } from './catalog';

/**
 * Request parameters, indexed by name: the page handles every demo's parameters generically
 * (URL state, forms, command lines), where the contract lists each one.
 */
export type Params = Record<string, number | string | boolean>;

export interface RunRequest extends Pick<NormalizedRequest, 'demo' | 'mode' | 'workers'>, Partial<Pick<NormalizedRequest, 'start_method'>> {
  params: Params;
}

// The page reads a report's params and result by name (the demos list them), so its view
// indexes those two; every other field is the contract's. validateReport() checks a report
// against the schema before the page takes it.
export interface Report
  extends Pick<
    ContractReport,
    'schema' | 'demo' | 'mode' | 'start_method' | 'workers' | 'wall_ms' | 'spans' | 'events' | 'events_truncated' | 'gil' | 'mpi' | 'startup_ms' | 'platform'
  > {
  params: Params;
  result: Record<string, unknown>;
}

/** What the page reads of the WASM module's `info()`. */
export type WasmInfo = Pick<Info, 'runtime' | 'variant' | 'cores' | 'max_workers' | 'compiler'>;

/** What `GET /api/info` says about the native side: the contract's, though another cplay's may lack fields. */
export type NativeInfo = Partial<MachineInfo>;
