// Hand-written types for build/wasm/{threads,single}/cplay.mjs (copied beside each as cplay.d.mts).
// Emscripten 3.1.6, -sMODULARIZE -sEXPORT_ES6 -sEXPORT_NAME=createPlayground, Embind.
// Every function takes and returns JSON text; wasm/js/types.ts has the shapes.

/** The Embind functions. None of them throws: failures come back as error reports. */
export interface PlaygroundModule {
  /**
   * Runs a request in this module: sequential, threads, gil-threads, async (threads build);
   * sequential, async (single build). Returns the report, platform.runtime "wasm", or an error
   * report (processes: run them as Workers with runShard(); more thread workers than the pool).
   */
  run(requestJson: string): string;

  /**
   * The request after defaults and validation, or an error report. Accepts processes requests
   * (start_method "worker", at most 16 Workers); thread workers are capped at the pool size.
   */
  validate(requestJson: string): string;

  /**
   * One "process" of a processes request: the tasks i with i % count == index, run here.
   * count must equal the request's workers. originMs is the run's start on this module's clock
   * (performance.now() of this realm in a browser; nowMs() tells the current reading).
   * Returns the shard (give it to assemble()) or an error report.
   */
  runShard(requestJson: string, index: number, count: number, originMs: number): string;

  /** Merges the shards (a JSON array, one per worker) into the processes report. */
  assemble(requestJson: string, shardsJson: string, wallMs: number): string;

  /** {runtime, variant, cores, max_workers, max_processes, modes, compiler, os, limb_bits} */
  info(): string;

  /**
   * The deadlock experiment in threads (threads build; the single build and --mode processes
   * answer an error report): options {mode?, workers?, order?, strategy?, rounds?, hold_ms?},
   * returns docs/schema/deadlock-report.schema.json's report or an error report.
   */
  deadlock(optionsJson: string): string;

  /**
   * The barrier experiment in threads (threads build; the single build answers an error report):
   * options {sync?, workers?, phases?, work_ms?, skew_ms?} with workers at most the pool, returns
   * docs/schema/barrier-report.schema.json's report or an error report.
   */
  barrier(optionsJson: string): string;

  /**
   * The semaphore experiment: options {mode?, tasks?, limit?, latency_ms?, sweep?}; async mode in
   * both builds, threads mode in the threads build with tasks at most the pool; returns
   * docs/schema/semaphore-report.schema.json's report or an error report.
   */
  semaphore(optionsJson: string): string;

  /**
   * The pool experiment in threads (threads build; the single build and --mode processes answer an
   * error report): options {tasks?, workers?, work?} with workers at most the pool; returns
   * docs/schema/pool-report.schema.json's report or an error report.
   */
  pool(optionsJson: string): string;

  /**
   * The async control experiment on one event loop, in both builds: options {scenario?, tasks?,
   * latency_ms?, timeout_ms?, sync?, increments?}; returns docs/schema/async-report.schema.json's
   * report (lost updates are a report with exact false) or an error report.
   */
  asyncControl(optionsJson: string): string;

  /**
   * The queue experiment in threads (threads build; the single build and --mode processes answer
   * an error report): the request as POST /api/queue takes it {producers?, consumers?, capacity?,
   * messages?, message_bytes?, produce_ms?, consume_ms?}, producers + consumers at most the pool;
   * returns docs/schema/queue-report.schema.json's report or an error report.
   */
  queue(requestJson: string): string;

  /**
   * The schedule explorer, in both builds: {scenario?, workers?, increments?, sync?, ...} (the
   * options of `cplay explore`) returns every schedule's outcome with counts and a witness each;
   * with "schedule" (worker indexes, e.g. [0, 1, 1, 0]) the replay of that one schedule, step by
   * step, with the final state. Bad input, an oversized exploration or a worker asked to move that
   * cannot: an error report naming the problem.
   */
  explore(requestJson: string): string;

  /** This module's clock in ms, the one runShard()'s originMs is read on. */
  nowMs(): number;

  /** Threads build only: the pthread pool. terminateAllThreads() lets node exit. */
  PThread?: { terminateAllThreads(): void };
}

export interface PlaygroundModuleOptions {
  /** Threads build: pthreads spawned up front (1..64); default min(cores, 16), 4 in node. */
  poolSize?: number;
  /** The module's bytes (node: read from disk, since 3.1.6 would fetch() a file path). */
  wasmBinary?: ArrayBuffer | Uint8Array;
  /** Where cplay.wasm and cplay.worker.js are: by default beside cplay.mjs. */
  locateFile?: (path: string, prefix: string) => string;
  /** Instantiate from an already compiled module (e.g. one shared by several Workers). */
  instantiateWasm?: (
    imports: WebAssembly.Imports,
    receive: (instance: WebAssembly.Instance, module?: WebAssembly.Module) => void,
  ) => object;
  print?: (text: string) => void;
  printErr?: (text: string) => void;
}

declare function createPlayground(options?: PlaygroundModuleOptions): Promise<PlaygroundModule>;
export default createPlayground;
