// The browser side of an experiment that runs once in wasm: the core's experiment in a Worker of
// its own (wasm-experiment.worker.ts), terminated however the run ends, so neither a blocking run
// nor a stuck one holds up the page. Each experiment's browser-run.ts says which build, pool and
// time limit it needs, and checks the report's shape with its own guard.
import { errorMessage, type ExperimentOutcome } from '../native/experiment-api';

/** The wasm module's one-shot experiments: each takes its options as JSON and answers JSON. */
export type WasmExperimentEntry = 'asyncControl' | 'barrier' | 'deadlock' | 'pool' | 'semaphore';

/** What the Worker is sent. */
export interface WasmExperimentRun {
  /** The folder of the build's cplay.mjs. */
  base: string;
  variant: 'threads' | 'single';
  /** Threads build: the pthreads to start up front (the run's own threads need one each). */
  poolSize?: number;
  entry: WasmExperimentEntry;
  options: unknown;
}

export interface WasmExperiment<Report> {
  /** The experiment's name, for the Worker's: cplay-<name>. */
  name: string;
  entry: WasmExperimentEntry;
  variant: 'threads' | 'single';
  poolSize?: number;
  options: unknown;
  isReport: (value: unknown) => value is Report;
  /** Longer than any valid run: a Worker still running then is ended. */
  timeoutMs: number;
}

export function runExperimentInWorker<Report>(wasmBase: string, run: WasmExperiment<Report>): Promise<ExperimentOutcome<Report>> {
  const worker = new Worker(new URL('./wasm-experiment.worker.ts', import.meta.url), { type: 'module', name: `cplay-${run.name}` });
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<ExperimentOutcome<Report>>((resolve) => {
    timer = setTimeout(() => resolve({ error: `the browser run did not end within ${run.timeoutMs / 1000} s` }), run.timeoutMs);
    worker.onmessage = (event: MessageEvent<{ ok: boolean; value?: unknown; error?: string }>) => {
      const { ok, value, error } = event.data;
      if (!ok) resolve({ error: error ?? 'the Worker failed' });
      else if (run.isReport(value)) resolve({ report: value });
      else resolve({ error: errorMessage(value) ?? 'the browser report is malformed' });
    };
    worker.onerror = (event: ErrorEvent) => resolve({ error: event.message || 'the Worker failed to load' });
    const message: WasmExperimentRun = { base: new URL(`wasm/${run.variant}/`, wasmBase).href, variant: run.variant, poolSize: run.poolSize, entry: run.entry, options: run.options };
    worker.postMessage(message);
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}
