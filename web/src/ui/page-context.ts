// What every card shares: the browser runtime, the native side, the one-job-at-a-time rule,
// and the sequential baselines each side has measured.
import { demoById } from '../demos/catalog';
import type { NativeSide } from '../native/native-side';
import type { Demo, Params, Report, RunRequest, WasmInfo } from '../model/types';
import type { BrowserRuntime } from '../runtime/browser-runtime';
import type { IsolationStatus } from '../runtime/isolation';

/**
 * Only one run at a time on the whole page: both sides share this machine's cores, and two runs
 * at once would slow each other and make every number on the page wrong.
 */
export class JobLock {
  private owner: string | null = null;
  private readonly listeners = new Set<(owner: string | null) => void>();

  get busyWith(): string | null {
    return this.owner;
  }

  acquire(owner: string): boolean {
    if (this.owner !== null) return false;
    this.owner = owner;
    this.notify();
    return true;
  }

  release(owner: string): void {
    if (this.owner !== owner) return;
    this.owner = null;
    this.notify();
  }

  subscribe(listener: (owner: string | null) => void): void {
    this.listeners.add(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener(this.owner);
  }
}

const IGNORED_FOR_BASELINE = new Set(['switch_interval_ms', 'runs', 'print', 'shared_memory']);

/** Where the work is per worker (the race), the worker count is part of the workload. */
function workloadKey(demo: Demo, params: Params, workers: number): string {
  const kept = Object.entries(params)
    .filter(([key]) => !IGNORED_FOR_BASELINE.has(key))
    .sort(([a], [b]) => a.localeCompare(b));
  const perWorker = demoById(demo).workPerWorker ? `×${workers}` : '';
  return `${demo}${perWorker}:${JSON.stringify(kept)}`;
}

/** The latest sequential run of each workload, per side: the denominator of "speedup". */
export class Baselines {
  private readonly bySide = { browser: new Map<string, Report>(), native: new Map<string, Report>() };

  remember(side: 'browser' | 'native', report: Report): void {
    if (report.mode === 'sequential') this.bySide[side].set(workloadKey(report.demo, report.params, report.workers), report);
  }

  find(side: 'browser' | 'native', request: RunRequest): Report | null {
    return this.bySide[side].get(workloadKey(request.demo, request.params, request.workers)) ?? null;
  }
}

export interface PageContext {
  runtime: BrowserRuntime;
  /** Resolves when the module is loaded; null when it could not be (the wasm build is missing). */
  wasmInfo: Promise<WasmInfo | null>;
  isolation: IsolationStatus;
  native: NativeSide;
  jobs: JobLock;
  baselines: Baselines;
  /** Called after any input changes, to keep the address bar in step. */
  stateChanged(): void;
  pageUrl(): string;
}
