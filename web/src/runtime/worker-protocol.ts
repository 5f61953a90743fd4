// Messages between the page and a playground Worker. Each call carries an id; the Worker answers
// with the same id, so several calls can be outstanding and each finds its own promise. Values
// travel as structured clones of the module's parsed JSON.

export interface LoadArgs {
  variant: 'threads' | 'single';
  /** Absolute URL of the folder holding cplay.mjs, cplay.wasm (and cplay.worker.js). */
  base: string;
  /** cplay.wasm compiled by the page already (process Workers): instantiated, not fetched again. */
  module?: WebAssembly.Module;
  /** Answer null instead of info(): a process Worker's caller needs none, and on a fresh instance it costs tens of ms. */
  noInfo?: boolean;
}

export interface ShardArgs {
  request: unknown;
  index: number;
  count: number;
  /** The run's start on the page's wall clock (performance.timeOrigin + performance.now()). */
  originEpochMs: number;
}

export interface AssembleArgs {
  request: unknown;
  shards: unknown[];
  wallMs: number;
}

export interface MethodMap {
  load: LoadArgs;
  info: Record<string, never>;
  validate: { request: unknown };
  run: { request: unknown };
  runShard: ShardArgs;
  assemble: AssembleArgs;
  /** The queue experiment's threads side (threads build). */
  queue: { request: unknown };
}

export type Method = keyof MethodMap;

export interface CallMessage<M extends Method = Method> {
  id: number;
  method: M;
  args: MethodMap[M];
}

export type ReplyMessage = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };
