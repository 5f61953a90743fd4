// Messages between the page and a playground Worker. Each call carries an id; the Worker answers
// with the same id, so several calls can be outstanding and each finds its own promise.

export interface LoadArgs {
  variant: 'threads' | 'single';
  /** Absolute URL of the module's ES6 factory (cplay.mjs). */
  moduleUrl: string;
  /** Compiled once by the page and shared, so each process Worker instantiates quickly. */
  wasmModule?: WebAssembly.Module;
}

export interface ShardArgs {
  requestJson: string;
  index: number;
  count: number;
  /** The run's start on the shared wall clock (performance.timeOrigin + now()) of the page. */
  originEpochMs: number;
}

export interface AssembleArgs {
  requestJson: string;
  shardsJson: string;
  wallMs: number;
}

export interface MethodMap {
  load: { args: LoadArgs; result: string };
  info: { args: Record<string, never>; result: string };
  validate: { args: { requestJson: string }; result: string };
  run: { args: { requestJson: string }; result: string };
  runShard: { args: ShardArgs; result: string };
  assemble: { args: AssembleArgs; result: string };
}

export type Method = keyof MethodMap;

export interface CallMessage<M extends Method = Method> {
  id: number;
  method: M;
  args: MethodMap[M]['args'];
}

export type ReplyMessage =
  | { id: number; ok: true; value: string }
  | { id: number; ok: false; error: string };
