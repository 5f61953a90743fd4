// What a card's buttons do: run one side or both, sweep the worker count, run every mode, or
// repeat the race for its histogram. Sides never run at the same time (they share the cores),
// and everything stops at once on Cancel.
import { fitSerialFraction, speedupsOverOneWorker, type SweepPoint } from '../analysis/amdahl';
import type { LostSeries } from '../charts/race-chart';
import { demoById } from '../demos/catalog';
import { workersFor } from '../demos/definition';
import { browserFetchView } from '../experiments/io-http/fetch-view';
import { runFetches, type BrowserFetchRun } from '../experiments/io-http/fetch-runner';
import { browserStandIn, headOf, sameWorkload } from '../model/request';
import { MODES, type ErrorReport, type Report, type RunRequest } from '../model/types';
import type { NativeResult } from '../native/native-side';
import type { RunProgress } from '../runtime/browser-runtime';
import type { ProcessStart } from '../runtime/process-workers';
import { CancelledError } from '../runtime/worker-client';
import { failureReport, messageOf } from './failure';
import type { ModeRow } from './mode-table';
import type { PageContext } from './page-context';
import type { Progress } from './progress';
import type { SidePanel } from './side-panel';

export interface SweepSeries {
  side: 'browser' | 'native';
  points: SweepPoint[];
  note: string | null;
}

/** Why a histogram's side stopped early or has no runs; null when it ran every run. */
export interface HistogramNotes {
  browser: string | null;
  native: string | null;
}

export interface CardView {
  browser: SidePanel;
  native: SidePanel;
  progress: Progress;
  showAgreement(browser: Report | null, native: Report | null): void;
  showSweep(series: SweepSeries[], upto: number, mode: string): void;
  showModeTable(rows: ModeRow[]): void;
  showHistogram(browser: LostSeries[], native: LostSeries[], notes: HistogramNotes): void;
  nativeShown(result: NativeResult): void;
  /** A failure no side panel took (drawing a chart, say); null clears it. */
  showFailure(message: string | null): void;
}

const NOTHING_SHARED = 'Without shared memory each process counts its own copy: no counter is shared, so no update can be lost and there is nothing to count.';

type BrowserResult = { report: Report } | { error: ErrorReport } | { cancelled: true } | { fetched: BrowserFetchRun };

/** What the browser panel says when it ran Web Workers in place of MPI ranks (browserStandIn). */
export function standInNote(request: RunRequest): string | null {
  if (request.mode !== 'mpi') return null;
  return request.demo === 'race'
    ? 'Web Workers standing in for MPI ranks: WebAssembly cannot run MPI, so this ran the threads mode, whose threads are Web Workers sharing one WebAssembly memory, as the ranks share the counter through one MPI window.'
    : 'Web Workers standing in for MPI ranks: WebAssembly cannot run MPI, so this ran the processes mode, one Worker with its own memory per rank. Each Worker takes a share fixed in advance; no chunks are handed out as messages.';
}

export const MPI_NO_HTTP = 'Mode mpi has no http source (cplay refuses --source http with --mode mpi), so the browser has nothing to stand in for: choose source sleep.';

const NEEDS_SERVE = 'The http source needs the page served by cplay serve: in the browser it fetches cplay serve’s GET /api/payload (WebAssembly cannot open sockets). Start cplay serve and open the page it serves.';

export class CardRunner {
  private abort: AbortController | null = null;
  private cancelled = false;

  constructor(
    private readonly ctx: PageContext,
    private readonly view: CardView,
    private readonly owner: string,
    /** How the browser's processes get their Workers, read at each run. */
    private readonly processStart: () => ProcessStart = () => 'fresh',
  ) {}

  /**
   * Runs `job` while holding the page's one-job lock; false when another card is busy. Never
   * rejects: a failure is shown on the card, and only a Cancel ends a job without a word.
   */
  async exclusive(label: string, job: () => Promise<void>): Promise<boolean> {
    if (!this.ctx.jobs.acquire(this.owner)) return false;
    this.cancelled = false;
    this.abort = new AbortController();
    this.view.showFailure(null);
    this.view.progress.start(label);
    try {
      await job();
    } catch (error) {
      if (!(error instanceof CancelledError) && !this.cancelled) this.view.showFailure(messageOf(error));
    } finally {
      this.view.progress.stop();
      this.abort = null;
      this.ctx.jobs.release(this.owner);
    }
    return true;
  }

  cancel(): void {
    if (this.ctx.jobs.busyWith !== this.owner) return;
    this.cancelled = true;
    this.abort?.abort();
    this.ctx.runtime.cancel();
    this.view.browser.showIdle('Cancelled. The Worker was stopped and a fresh one is ready for the next run.');
  }

  private checkCancelled(): void {
    if (this.cancelled) throw new CancelledError();
  }

  async browser(request: RunRequest, label = 'Running in this browser'): Promise<BrowserResult> {
    this.checkCancelled();
    this.view.progress.update(label);
    const http = request.demo === 'io' && request.params.source === 'http';
    if (http && request.mode === 'mpi') {
      const refused: ErrorReport = { schema: 1, error: { code: 'unavailable', message: MPI_NO_HTTP } };
      this.view.browser.showError(refused);
      return { error: refused };
    }
    if (http) return this.browserHttp(request);
    try {
      // Browser processes are always Web Workers: the card's start method is for the native side.
      const { start_method: _nativeOnly, ...inBrowser } = browserStandIn(request);
      const outcome = await this.ctx.runtime.run(
        inBrowser,
        (p: RunProgress) => {
          if (p.total) this.view.progress.update(`${label}: ${p.done ?? 0} of ${p.total} processes done`, (p.done ?? 0) / p.total);
        },
        { processStart: this.processStart() },
      );
      if ('error' in outcome) {
        this.view.browser.showError(outcome.error);
        return outcome;
      }
      this.ctx.baselines.remember('browser', outcome.report);
      this.view.browser.showReport(outcome.report, this.ctx.baselines.find('browser', request), standInNote(request) ?? undefined);
      return outcome;
    } catch (error) {
      if (error instanceof CancelledError || this.cancelled) return { cancelled: true };
      // As an error result, so that a sweep or histogram stops with this reason.
      const failure = { error: failureReport(error) };
      this.view.browser.showError(failure.error);
      return failure;
    }
  }

  /** The io demo's http source: real fetch() calls to cplay serve, since the core here has no sockets. */
  private async browserHttp(request: RunRequest): Promise<BrowserResult> {
    const base = this.ctx.native.live?.base;
    try {
      if (!base) throw new Error(NEEDS_SERVE);
      // sequential: one after another; every other mode: all at once on the page's event loop.
      const run = await runFetches(
        base,
        { tasks: Number(request.params.tasks), latencyMs: Number(request.params.latency_ms), bytes: Number(request.params.bytes), concurrent: request.mode !== 'sequential' },
        this.abort?.signal,
      );
      this.view.browser.showContent(...browserFetchView(run));
      return { fetched: run };
    } catch (error) {
      if (this.stoppedByCancel()) return { cancelled: true };
      const failure = { error: failureReport(error) };
      this.view.browser.showError(failure.error);
      return failure;
    }
  }

  /** The request as the core normalizes it, for looking up stored native reports. */
  private async normalized(request: RunRequest): Promise<RunRequest> {
    try {
      // The wasm core refuses mode mpi; its stand-in takes the same inputs, so it normalizes them.
      const checked = await this.ctx.runtime.validate(browserStandIn(request));
      if (!('request' in checked)) return request;
      if (request.mode !== 'mpi') return checked.request;
      const { start_method: _processesOnly, ...inputs } = checked.request;
      return { ...inputs, mode: 'mpi' };
    } catch {
      return request;
    }
  }

  async native(request: RunRequest, label = 'Running natively'): Promise<NativeResult | null> {
    this.checkCancelled();
    this.view.progress.update(label);
    const lookup = this.ctx.native.isLive ? request : await this.normalized(request);
    let result: NativeResult;
    try {
      result = await this.ctx.native.run(lookup, this.abort?.signal);
    } catch (error) {
      if (this.stoppedByCancel()) return null;
      result = { error: failureReport(error) };
    }
    this.show(result, request);
    return result;
  }

  private stoppedByCancel(): boolean {
    return this.cancelled || (this.abort?.signal.aborted ?? false);
  }

  private show(result: NativeResult, request: RunRequest): void {
    if ('report' in result) {
      this.ctx.baselines.remember('native', result.report);
      const baseline = this.ctx.baselines.find('native', request) ?? this.storedNativeBaseline(request);
      const note = result.origin === 'live' ? undefined : `Not run now: ${result.origin === 'reference' ? 'the stored reference, measured when it was last refreshed' : 'from a file you loaded'}.`;
      this.view.native.showReport(result.report, baseline, note);
    } else if ('error' in result) {
      this.view.native.showError(result.error);
    } else {
      this.view.native.showMissing(result.missing, result.command);
    }
    this.view.nativeShown(result);
  }

  private storedNativeBaseline(request: RunRequest): Report | null {
    const workers = workersFor(demoById(request.demo), 'sequential', request.workers);
    const found = this.ctx.native.store.find({ ...request, mode: 'sequential', workers });
    return found?.value ?? null;
  }

  async both(request: RunRequest): Promise<void> {
    const browser = await this.browser(request);
    if ('cancelled' in browser) return;
    const native = await this.native(request);
    const nativeReport = native && 'report' in native ? native.report : null;
    const browserReport = 'report' in browser ? browser.report : null;
    // For mpi the browser ran a stand-in: its result is checked against the native mpi report.
    const comparable = nativeReport && browserReport && sameWorkload(browserReport, browserStandIn(headOf(nativeReport)));
    this.view.showAgreement(browserReport, comparable ? nativeReport : null);
  }

  async sweep(base: RunRequest, upto: number): Promise<void> {
    const browser: SweepSeries = { side: 'browser', points: [], note: null };
    const native: SweepSeries = { side: 'native', points: [], note: null };
    const redraw = () => this.view.showSweep([browser, native], upto, base.mode);
    for (let workers = 1; workers <= upto; workers++) {
      const request = { ...base, workers };
      const step = `Sweep: ${workers} of ${upto} workers`;
      if (browser.note === null) {
        const result = await this.browser(request, `${step}, in this browser`);
        if ('cancelled' in result) return;
        if ('error' in result) browser.note = `stopped at ${workers} workers: ${result.error.error.message}`;
        else if ('fetched' in result) browser.points.push({ workers, wallMs: result.fetched.wall_ms });
        else browser.points.push({ workers, wallMs: result.report.wall_ms });
      }
      if (native.note === null) {
        const result = await this.native(request, `${step}, natively`);
        if (result === null) return;
        if ('report' in result) native.points.push({ workers, wallMs: result.report.wall_ms });
        else native.note = 'error' in result ? `stopped at ${workers} workers: ${result.error.error.message}` : `no stored native report for ${workers} workers`;
      }
      this.view.progress.update(step, workers / upto);
      redraw();
    }
  }

  async allModes(base: RunRequest): Promise<void> {
    const rows: ModeRow[] = MODES.map((mode) => ({ mode, browser: null, native: null }));
    this.view.showModeTable(rows);
    for (const row of rows) {
      // The native start method chosen on the card applies to the processes row only.
      const { start_method: startMethod, ...rest } = base;
      const request: RunRequest = {
        ...rest,
        mode: row.mode,
        workers: workersFor(demoById(base.demo), row.mode, base.workers),
        ...(row.mode === 'processes' && startMethod ? { start_method: startMethod } : {}),
      };
      const browser = await this.browser(request, `All modes: ${row.mode}, in this browser`);
      if ('cancelled' in browser) return;
      row.browser = 'report' in browser ? browser.report : 'fetched' in browser ? `${browser.fetched.wall_ms.toFixed(0)} ms of fetch()` : browser.error.error.message;
      this.view.showModeTable(rows);
      const native = await this.native(request, `All modes: ${row.mode}, natively`);
      if (native === null) return;
      row.native = 'report' in native ? native.report : 'error' in native ? native.error.error.message : 'no stored native report';
      this.view.showModeTable(rows);
    }
  }

  async histogram(base: RunRequest, runs: number): Promise<void> {
    const browser: LostSeries[] = [];
    const native: LostSeries[] = [];
    const notes: HistogramNotes = { browser: null, native: null };
    // A side that failed stops there (its panel and the note say why); the other side goes on.
    let browserStopped = false;
    let nativeStopped = false;
    for (const sync of ['none', 'lock', 'atomic']) {
      const request = { ...base, params: { ...base.params, sync } };
      const lost: number[] = [];
      for (let run = 1; run <= runs && !browserStopped; run++) {
        const result = await this.browser(request, `Histogram: sync = ${sync}, browser run ${run} of ${runs}`);
        if ('cancelled' in result) return;
        if ('error' in result) {
          browserStopped = true;
          notes.browser = `In this browser: stopped at sync = ${sync}, run ${run}: ${result.error.error.message}`;
        } else if (!('report' in result) || typeof result.report.result.lost !== 'number') {
          browserStopped = true;
          notes.browser = NOTHING_SHARED;
        } else lost.push(result.report.result.lost);
      }
      if (lost.length > 0) browser.push({ sync, lost });
      this.checkCancelled();
      if (!nativeStopped) {
        const results = await this.nativeRuns(request, runs, `Histogram: sync = ${sync}, natively`);
        if (results === null) return;
        const reports = results.flatMap((r) => ('report' in r ? [r.report] : []));
        const last = results.at(-1);
        if (last) this.show(last, request);
        const counted = reports.flatMap((r) => (typeof r.result.lost === 'number' ? [r.result.lost] : []));
        if (counted.length > 0) native.push({ sync, lost: counted });
        if (reports.length > counted.length) {
          nativeStopped = true;
          notes.native = NOTHING_SHARED;
        } else if (last && 'error' in last) {
          nativeStopped = true;
          notes.native = `Natively: stopped at sync = ${sync}: ${last.error.error.message}`;
        } else {
          notes.native = native.length > 0 ? null : 'No native runs for these settings: run the commands shown in the native column and drop their output here.';
        }
      }
      this.view.showHistogram(browser, native, notes);
      if (browserStopped && nativeStopped) return;
    }
  }

  /** `runs` native runs of one workload; null when Cancel stopped them. */
  private async nativeRuns(request: RunRequest, runs: number, label: string): Promise<NativeResult[] | null> {
    this.view.progress.update(label);
    const lookup = this.ctx.native.isLive ? request : await this.normalized(request);
    try {
      return await this.ctx.native.runMany(lookup, runs, this.abort?.signal);
    } catch (error) {
      return this.stoppedByCancel() ? null : [{ error: failureReport(error) }];
    }
  }
}

/** Builds the sweep chart's series from measured points (exported for the card). */
export function speedupSeries(series: SweepSeries) {
  const points = speedupsOverOneWorker(series.points) ?? [];
  return { points, serialFraction: fitSerialFraction(points) };
}
