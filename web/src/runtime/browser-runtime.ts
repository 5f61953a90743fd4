// Runs requests in this browser. In-process modes (sequential, threads, gil-threads, async) go to
// one Worker holding the best build available; `processes` runs one Worker per process (fresh
// ones, or a warm pool: process-workers.ts), each with its own single-threaded instance, gives
// each a share of the tasks, and merges the shares with assemble() — message passing, as
// separate processes would do.
import { isErrorReport, type ErrorCode, type ErrorReport, type Report, type RunRequest, type WasmInfo } from '../model/types';
import { validateReport } from '../model/validate-report';
import type { Variant } from './isolation';
import { ProcessWorkers, type ProcessStart, type RunWorker } from './process-workers';
import { compiledModule } from './single-module';
import type { MethodMap } from './worker-protocol';
import { CancelledError, WorkerClient, WorkerFailedError } from './worker-client';

export interface RunProgress {
  /** Processes finished so far, for `processes` runs. */
  done?: number;
  total?: number;
}

export interface RuntimeOptions {
  variant: Variant;
  isolated: boolean;
  /** Folder that holds wasm/threads and wasm/single (absolute URL ending in '/'). */
  wasmBase: string;
}

export type Outcome = { report: Report } | { error: ErrorReport };

function createPlaygroundWorker(): Worker {
  return new Worker(new URL('./playground.worker.ts', import.meta.url), { type: 'module', name: 'cplay' });
}

/** The code core/src/report.cpp gives std::bad_alloc. */
export const OUT_OF_MEMORY = 'out-of-memory';

function errorOutcome(code: ErrorCode, message: string): Outcome {
  return { error: { schema: 1, error: { code, message } } };
}

function toOutcome(value: unknown): Outcome {
  if (isErrorReport(value)) return { error: value };
  const checked = validateReport(value);
  if (!checked.ok) return errorOutcome('bad-report', `the module returned an unexpected report: ${checked.problems.join('; ')}`);
  return { report: checked.report };
}

export interface RunOptions {
  /** How `processes` gets its Workers: fresh for this run (the default) or from the warm pool. */
  processStart?: ProcessStart;
}

/**
 * The timeline's "starting" stretches: each Worker this run started, from when it was asked for
 * until its instance was loaded (a Worker warm from the pool has none).
 */
function startingEvents(workers: readonly RunWorker[], started: number): Report['events'] {
  const ms = (at: number) => Math.round((at - started) * 1000) / 1000;
  return workers.flatMap((w, worker) => (w.reused ? [] : [{ worker, state: 'starting' as const, start_ms: ms(w.askedAt), end_ms: ms(w.readyAt) }]));
}

export class BrowserRuntime {
  private readonly main = new WorkerClient(createPlaygroundWorker);
  private readonly processes: ProcessWorkers;
  private mainInfo: Promise<WasmInfo> | null = null;

  constructor(private readonly options: RuntimeOptions) {
    this.processes = new ProcessWorkers(createPlaygroundWorker, async () => {
      const base = this.moduleFolder('single');
      return { variant: 'single', base, module: await compiledModule(new URL('cplay.wasm', base).href), noInfo: true };
    });
  }

  /** Warm Workers waiting for the next pooled processes run. */
  get pooledWorkers(): number {
    return this.processes.pooled;
  }

  get variant(): Variant {
    return this.options.variant;
  }

  private moduleFolder(variant: Variant): string {
    return new URL(`wasm/${variant}/`, this.options.wasmBase).href;
  }

  /** Loads the main build (again, after a cancel). Resolves with what the module says about itself. */
  ready(): Promise<WasmInfo> {
    if (!this.mainInfo) {
      this.mainInfo = this.main
        .call('load', { variant: this.options.variant, base: this.moduleFolder(this.options.variant) })
        .then((info) => info as WasmInfo);
      // Then the process Workers' module, compiled once for the page, so that a processes run
      // starts its Workers without compiling anything.
      this.mainInfo.then(() => compiledModule(new URL('cplay.wasm', this.moduleFolder('single')).href)).catch(() => undefined);
    }
    return this.mainInfo;
  }

  /** The core's own validation: the normalized request, or an error report naming the input. */
  async validate(request: RunRequest): Promise<{ request: RunRequest } | { error: ErrorReport }> {
    await this.ready();
    const value = await this.callMain('validate', { request });
    if (isErrorReport(value)) return { error: value };
    return { request: value as RunRequest };
  }

  /** Why a mode cannot run here, or null. */
  unavailableReason(request: RunRequest): string | null {
    const needsThreads = request.mode === 'threads' || request.mode === 'gil-threads';
    if (needsThreads && this.options.variant !== 'threads') {
      return `${request.mode} needs WebAssembly threads, which need SharedArrayBuffer, which the browser gives only to cross-origin isolated pages.`;
    }
    if (request.mode === 'processes' && request.params.shared_memory === true) {
      return 'Each browser Worker has its own WebAssembly memory, so the processes here cannot share one counter.';
    }
    return null;
  }

  async run(request: RunRequest, onProgress: (p: RunProgress) => void = () => {}, options: RunOptions = {}): Promise<Outcome> {
    const unavailable = this.unavailableReason(request);
    if (unavailable) return errorOutcome('unavailable', unavailable);
    try {
      // An in-process run goes to the module once: run() validates, and the report's head is the
      // request as the core normalized it. Processes need that normalized request first (how many
      // Workers to start); each Worker then reads its own copy, as a child process would.
      let outcome: Outcome;
      if (request.mode === 'processes') {
        const checked = await this.validate(request);
        if ('error' in checked) return checked;
        outcome = await this.runProcesses(checked.request, onProgress, options.processStart ?? 'fresh');
      } else {
        await this.ready();
        outcome = toOutcome(await this.callMain('run', { request }));
      }
      if ('report' in outcome) outcome.report.platform.cross_origin_isolated = this.options.isolated;
      return outcome;
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      return errorOutcome('worker-failed', error instanceof Error ? error.message : String(error));
    }
  }

  /**
   * The queue experiment's threads side in the main Worker's threads build: its report, or an
   * error report (this page has only the single build; input out of range).
   */
  async runQueue(request: Record<string, unknown>): Promise<unknown> {
    if (this.options.variant !== 'threads') {
      const report: ErrorReport = { schema: 1, error: { code: 'unavailable', message: 'the queue in threads needs WebAssembly threads, which need a cross-origin isolated page' } };
      return report;
    }
    await this.ready();
    return this.callMain('queue', { request });
  }

  /** Stops every run now. The main Worker is reloaded in the background for the next run. */
  cancel(): void {
    this.stopProcesses();
    this.replaceMain(new CancelledError());
  }

  /**
   * A call to the main Worker that retires the Worker when its instance can no longer be
   * trusted: after an out-of-memory report (the big-number code is built without exception
   * cleanup, so the failed run's temporaries stay in the heap), and after the Worker crashed or
   * its module threw (a trap leaves the instance unusable; a crashed Worker is gone).
   */
  private async callMain<M extends 'validate' | 'run' | 'queue'>(method: M, args: MethodMap[M]): Promise<unknown> {
    let value: unknown;
    try {
      value = await this.main.call(method, args);
    } catch (error) {
      if (!(error instanceof CancelledError)) this.replaceMain(new WorkerFailedError('the Worker was replaced'));
      throw error;
    }
    if (isErrorReport(value) && value.error.code === OUT_OF_MEMORY) this.replaceMain(new WorkerFailedError('the Worker was replaced'));
    return value;
  }

  /** Terminates the main Worker (its pending calls reject with `reason`) and loads a fresh one. */
  private replaceMain(reason: Error): void {
    this.main.terminate(reason);
    this.mainInfo = null;
    void this.ready().catch(() => undefined);
  }

  private stopProcesses(): void {
    this.processes.stopAll();
  }

  private async runProcesses(request: RunRequest, onProgress: (p: RunProgress) => void, start: ProcessStart): Promise<Outcome> {
    const count = request.workers;
    // Fresh Workers' start-up is part of the wall time, as a fresh process's is; the timeline
    // shows it as each Worker's "starting" stretch.
    const started = performance.now();
    const originEpochMs = performance.timeOrigin + started;
    let done = 0;
    onProgress({ done, total: count });
    // A start line: every Worker is loaded first, then all begin together, as native children wait
    // for their siblings (a Worker that ran as soon as it loaded would be done before the last
    // one had started).
    const workers = await this.processes.take(count, start);
    let sound = false;
    try {
      const shards = await Promise.all(
        workers.map(async ({ client }, index) => {
          const shard = await client.call('runShard', { request, index, count, originEpochMs });
          if (isErrorReport(shard)) throw Object.assign(new Error(shard.error.message), { report: shard });
          onProgress({ done: ++done, total: count });
          return shard;
        }),
      );
      const wallMs = performance.now() - started;
      const first = workers[0];
      if (!first) return errorOutcome('invalid-argument', 'processes needs at least one worker');
      const outcome = toOutcome(await first.client.call('assemble', { request, shards, wallMs }));
      if ('report' in outcome) {
        const lastReady = Math.max(started, ...workers.map((w) => w.readyAt));
        outcome.report.startup_ms = Math.round((lastReady - started) * 1000) / 1000;
        outcome.report.events = [...startingEvents(workers, started), ...(outcome.report.events ?? [])];
      }
      sound = 'report' in outcome;
      return outcome;
    } catch (error) {
      const report = (error as { report?: ErrorReport }).report;
      if (report) return { error: report };
      throw error;
    } finally {
      // A Worker whose run failed (out of memory, say) may hold a broken instance: it leaves the pool.
      this.processes.release(workers, start, sound);
    }
  }
}
