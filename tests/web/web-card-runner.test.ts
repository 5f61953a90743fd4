// CardRunner never swallows an error: an exception that is not a Cancel ends up in a panel with
// its message, sweeps and histograms stop with the reason, and a job never rejects. The runtime,
// the native side and the view are fakes that record what the card would show.
import { describe, expect, it, vi } from 'vitest';
import type { Report, RunRequest } from '../../web/src/model/types';
import type { NativeResult } from '../../web/src/native/native-side';
import { CancelledError } from '../../web/src/runtime/worker-client';
import { CardRunner, type CardView, type HistogramNotes, type SweepSeries } from '../../web/src/ui/card-runner';
import { Baselines, JobLock, type PageContext } from '../../web/src/ui/page-context';
import type { SidePanel } from '../../web/src/ui/side-panel';

function report(request: RunRequest, result: Record<string, unknown>): Report {
  return { ...request, schema: 1, start_method: null, result, wall_ms: 10 / request.workers, spans: [], events: [], platform: { runtime: 'wasm', os: 'emscripten', cores: 2, compiler: 'clang', variant: 'threads' } };
}

function fakePanel() {
  return { showError: vi.fn(), showReport: vi.fn(), showIdle: vi.fn(), showMissing: vi.fn() } as unknown as SidePanel & {
    showError: ReturnType<typeof vi.fn>;
  };
}

function fakeView() {
  const view = {
    browser: fakePanel(),
    native: fakePanel(),
    progress: { element: null, start: vi.fn(), update: vi.fn(), stop: vi.fn() },
    showAgreement: vi.fn(),
    showSweep: vi.fn<(series: SweepSeries[], upto: number, mode: string) => void>(),
    showModeTable: vi.fn(),
    showHistogram: vi.fn<(browser: unknown, native: unknown, notes: HistogramNotes) => void>(),
    nativeShown: vi.fn(),
    showFailure: vi.fn<(message: string | null) => void>(),
  };
  return view;
}

type BrowserRun = (request: RunRequest, call: number) => Promise<{ report: Report }>;
type NativeRun = (request: RunRequest) => Promise<NativeResult>;

function runnerWith(browserRun: BrowserRun, nativeRun: NativeRun = async (r) => ({ error: { schema: 1, error: { code: 'unreachable', message: `no native ${r.demo}` } } })) {
  let calls = 0;
  const runtime = { run: vi.fn((request: RunRequest) => browserRun(request, ++calls)), cancel: vi.fn() };
  const native = {
    isLive: true,
    run: vi.fn(nativeRun),
    runMany: vi.fn(async (request: RunRequest, count: number) => {
      const results: NativeResult[] = [];
      for (let i = 0; i < count; i++) results.push(await nativeRun(request));
      return results;
    }),
    store: { find: () => null },
  };
  const ctx = { runtime, native, jobs: new JobLock(), baselines: new Baselines() } as unknown as PageContext;
  const view = fakeView();
  return { runner: new CardRunner(ctx, view as unknown as CardView, 'primes'), view, runtime, native, ctx };
}

const PRIMES: RunRequest = { demo: 'primes', mode: 'threads', workers: 1, params: { limit: 1000 } };
const RACE: RunRequest = { demo: 'race', mode: 'threads', workers: 2, params: { increments: 1000 } };
const liveReport = (r: RunRequest): NativeResult => ({ report: report(r, { lost: 0 }), origin: 'live', machine: { label: 'test', cores: 2 } });

describe('CardRunner shows every failure', () => {
  it('puts a thrown browser-side error in the browser panel and ends the job', async () => {
    const { runner, view, ctx } = runnerWith(async () => {
      throw new Error('injected failure');
    });
    await expect(runner.exclusive('Run', async () => void (await runner.browser(PRIMES)))).resolves.toBe(true);
    expect(view.browser.showError).toHaveBeenCalledWith({ schema: 1, error: { code: 'page-error', message: 'injected failure' } });
    expect(view.showFailure).not.toHaveBeenCalledWith(expect.any(String));
    expect(ctx.jobs.busyWith).toBeNull();
  });

  it('stops a sweep with the reason', async () => {
    const { runner, view, runtime } = runnerWith(async (request, call) => {
      if (call === 2) throw new TypeError('the report has no spans');
      return { report: report(request, { count: 168, largest: 997 }) };
    });
    await runner.exclusive('Sweep', () => runner.sweep(PRIMES, 4));
    const last = view.showSweep.mock.calls.at(-1)?.[0];
    expect(last?.find((s) => s.side === 'browser')).toMatchObject({ note: 'stopped at 2 workers: the report has no spans', points: [{ workers: 1 }] });
    expect(runtime.run).toHaveBeenCalledTimes(2);
  });

  it('puts a native-side error that is not a Cancel in the native panel', async () => {
    const { runner, view } = runnerWith(
      async (request) => ({ report: report(request, {}) }),
      async () => {
        throw new Error('the connection was reset');
      },
    );
    await runner.exclusive('Native', async () => void (await runner.native(PRIMES)));
    expect(view.native.showError).toHaveBeenCalledWith({ schema: 1, error: { code: 'page-error', message: 'the connection was reset' } });
  });

  it('stops the browser side of a histogram with the reason; the native side goes on', async () => {
    const { runner, view, runtime, native } = runnerWith(async (request, call) => {
      if (call === 2) throw new Error('injected failure');
      return { report: report(request, { lost: 3 }) };
    }, async (request) => liveReport(request));
    await runner.exclusive('Histogram', () => runner.histogram(RACE, 3));
    const [browserSeries, nativeSeries, notes] = view.showHistogram.mock.calls.at(-1) ?? [];
    expect(notes).toEqual({ browser: 'In this browser: stopped at sync = none, run 2: injected failure', native: null });
    expect(browserSeries).toEqual([{ sync: 'none', lost: [3] }]);
    expect(nativeSeries).toHaveLength(3);
    expect(runtime.run).toHaveBeenCalledTimes(2);
    expect(native.runMany).toHaveBeenCalledTimes(3);
  });

  it('stops a histogram of processes without shared memory: nothing can be lost there', async () => {
    const processes: RunRequest = { ...RACE, mode: 'processes' };
    const copies = (r: RunRequest) => report(r, { expected: 2000, final: 0, child_finals: [1000, 1000] });
    const { runner, view, runtime } = runnerWith(async (request) => ({ report: copies(request) }), async (request) => ({
      report: copies(request),
      origin: 'live',
      machine: { label: 'test', cores: 2 },
    }));
    await runner.exclusive('Histogram', () => runner.histogram(processes, 3));
    const [browserSeries, nativeSeries, notes] = view.showHistogram.mock.calls.at(-1) ?? [];
    expect(browserSeries).toEqual([]);
    expect(nativeSeries).toEqual([]);
    expect(notes?.browser).toMatch(/no counter is shared/);
    expect(notes?.native).toMatch(/no counter is shared/);
    expect(runtime.run).toHaveBeenCalledTimes(1);
  });

  it('runs every mode on the same work: the race keeps its loops in sequential, the start method goes to processes only', async () => {
    const seen: RunRequest[] = [];
    const { runner, runtime } = runnerWith(async (request) => ({ report: report(request, { lost: 0 }) }), async (request) => {
      seen.push(request);
      return liveReport(request);
    });
    await runner.exclusive('All modes', () => runner.allModes({ ...RACE, mode: 'processes', start_method: 'spawn' }));
    expect(seen.map((r) => [r.mode, r.workers, r.start_method])).toEqual([
      ['sequential', 2, undefined],
      ['threads', 2, undefined],
      ['gil-threads', 2, undefined],
      ['async', 2, undefined],
      ['processes', 2, 'spawn'],
      ['mpi', 2, undefined],
    ]);
    // The browser never gets a native start method: its processes are Workers.
    for (const [request] of runtime.run.mock.calls) expect(request).not.toHaveProperty('start_method');
  });

  it('stops the native side of a histogram with the reason', async () => {
    const { runner, view } = runnerWith(async (request) => ({ report: report(request, { lost: 0 }) }), async () => {
      throw new Error('the connection was reset');
    });
    await runner.exclusive('Histogram', () => runner.histogram(RACE, 2));
    const notes = view.showHistogram.mock.calls.at(-1)?.[2];
    expect(notes).toEqual({ browser: null, native: 'Natively: stopped at sync = none: the connection was reset' });
  });

  it('shows a failure outside the panels (drawing a chart) on the card, and the next job clears it', async () => {
    const { runner, view } = runnerWith(async (request) => ({ report: report(request, { count: 168, largest: 997 }) }));
    view.showSweep.mockImplementationOnce(() => {
      throw new Error('the chart could not be drawn');
    });
    await expect(runner.exclusive('Sweep', () => runner.sweep(PRIMES, 2))).resolves.toBe(true);
    expect(view.showFailure).toHaveBeenLastCalledWith('the chart could not be drawn');
    await runner.exclusive('Run', async () => void (await runner.browser(PRIMES)));
    expect(view.showFailure).toHaveBeenLastCalledWith(null);
  });

  it('stays silent on a Cancel', async () => {
    const { runner, view } = runnerWith(async () => {
      throw new CancelledError();
    });
    await runner.exclusive('Sweep', () => runner.sweep(PRIMES, 3));
    expect(view.browser.showError).not.toHaveBeenCalled();
    expect(view.showFailure).not.toHaveBeenCalledWith(expect.any(String));
  });
});

describe('CardRunner and the io card’s http source', () => {
  it('says the page must be served by cplay serve, and never asks the WebAssembly core', async () => {
    const { runner, view, runtime } = runnerWith(async (request) => ({ report: report(request, {}) }));
    const request: RunRequest = { demo: 'io', mode: 'async', workers: 3, params: { tasks: 3, latency_ms: 10, source: 'http', bytes: 16 } };
    await runner.exclusive('Run', async () => void (await runner.browser(request)));
    expect(runtime.run).not.toHaveBeenCalled();
    expect(view.browser.showError).toHaveBeenCalledWith({ schema: 1, error: { code: 'page-error', message: expect.stringMatching(/needs the page served by cplay serve/) } });
  });
});
