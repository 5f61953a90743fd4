// Mode mpi on the page. WebAssembly cannot run MPI, so the browser column runs Web Workers in
// place of the ranks and its result is checked against the native mpi report; the native column
// shows a real mpi report (made by `cplay primes --mode mpi --workers 2 --limit 100000 --json`)
// with its library, ranks, hosts and chunks. The runtime, native side and view are fakes.
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { timelineBars } from '../../web/src/charts/timeline-chart';
import { PYTHON_RUNTIME, PYTHON_VARIANT } from '../../web/src/demos/definition';
import { browserStandIn, cplayCommand, headOf, resultDifference, resultVariesByRun, sameWorkload } from '../../web/src/model/request';
import type { Report, RunRequest } from '../../web/src/model/types';
import { validateReport } from '../../web/src/model/validate-report';
import type { NativeResult } from '../../web/src/native/native-side';
import { ReferenceStore } from '../../web/src/native/reference-store';
import { parseReportFile } from '../../web/src/native/report-file';
import { CardRunner, type CardView } from '../../web/src/ui/card-runner';
import { Baselines, JobLock, type PageContext } from '../../web/src/ui/page-context';
import { mpiFacts } from '../../web/src/ui/side-panel';

const FIXTURE = readFileSync(new URL('./fixtures/mpi-primes-2-ranks.json', import.meta.url), 'utf8');

function mpiReport(): Report {
  const checked = validateReport(JSON.parse(FIXTURE));
  if (!checked.ok) throw new Error(`the fixture is not a valid report: ${checked.problems.join('; ')}`);
  return checked.report;
}

/** What the browser would report for `request`: its head, with the result given. */
function browserReport(request: RunRequest, result: Record<string, unknown>): Report {
  const { start_method: _none, ...head } = request;
  return { ...head, schema: 1, start_method: request.mode === 'processes' ? 'worker' : null, result, wall_ms: 5, spans: [], events: [], platform: { runtime: 'wasm', os: 'emscripten', cores: 2, compiler: 'clang', variant: 'threads' } };
}

function setup(native: (request: RunRequest) => NativeResult, options: { live?: boolean; browserResult?: Record<string, unknown> } = {}) {
  const fixture = mpiReport();
  const runtime = {
    run: vi.fn(async (request: RunRequest) => ({ report: browserReport(request, options.browserResult ?? fixture.result) })),
    // As the wasm core answers: it normalizes the stand-in (browser processes start as Workers).
    validate: vi.fn(async (request: RunRequest) => ({ request: { ...request, start_method: request.mode === 'processes' ? 'worker' : null } })),
    cancel: vi.fn(),
  };
  const nativeSide = { isLive: options.live ?? true, run: vi.fn(async (request: RunRequest) => native(request)), store: { find: () => null } };
  const panel = () => ({ showError: vi.fn(), showReport: vi.fn(), showIdle: vi.fn(), showMissing: vi.fn() });
  const view = {
    browser: panel(),
    native: panel(),
    progress: { start: vi.fn(), update: vi.fn(), stop: vi.fn() },
    showAgreement: vi.fn<(browser: Report | null, native: Report | null) => void>(),
    showSweep: vi.fn(),
    showModeTable: vi.fn(),
    showHistogram: vi.fn(),
    nativeShown: vi.fn(),
    showFailure: vi.fn(),
  };
  const ctx = { runtime, native: nativeSide, jobs: new JobLock(), baselines: new Baselines() } as unknown as PageContext;
  return { runner: new CardRunner(ctx, view as unknown as CardView, 'card'), runtime, nativeSide, view };
}

const live = (report: Report): NativeResult => ({ report, origin: 'live', machine: { label: 'test', cores: 2 } });

describe('the browser stand-in for MPI ranks', () => {
  it('runs processes for primes, factorial and io, and threads (Workers sharing one memory) for the race', () => {
    const primes: RunRequest = { demo: 'primes', mode: 'mpi', workers: 4, params: { limit: 1000, algorithm: 'trial' } };
    expect(browserStandIn(primes)).toEqual({ ...primes, mode: 'processes' });
    expect(browserStandIn({ ...primes, demo: 'factorial', params: { n: 20, count: 4 } }).mode).toBe('processes');
    expect(browserStandIn({ ...primes, demo: 'io', params: { tasks: 4, latency_ms: 10 } }).mode).toBe('processes');
    const race: RunRequest = { demo: 'race', mode: 'mpi', workers: 2, params: { increments: 5, sync: 'lock', shared_memory: false } };
    expect(browserStandIn(race)).toEqual({ ...race, mode: 'threads' });
  });

  it('leaves every other mode as it is', () => {
    const processes: RunRequest = { demo: 'primes', mode: 'processes', workers: 2, start_method: 'spawn', params: { limit: 10 } };
    expect(browserStandIn(processes)).toBe(processes);
  });

  it('expects the race counter in an MPI window to lose updates without sync, as shared memory does', () => {
    const race: RunRequest = { demo: 'race', mode: 'mpi', workers: 2, params: { increments: 5, sync: 'none' } };
    expect(resultVariesByRun(race)).toBe(true);
    expect(resultVariesByRun({ ...race, params: { increments: 5, sync: 'lock' } })).toBe(false);
  });

  it('shows the stand-in on the browser panel and checks its result against the native mpi report', async () => {
    const fixture = mpiReport();
    const { runner, runtime, view } = setup(() => live(fixture));
    await runner.exclusive('Run both', () => runner.both(headOf(fixture)));
    const [ran] = runtime.run.mock.calls[0] ?? [];
    expect(ran).toMatchObject({ demo: 'primes', mode: 'processes', workers: 2, params: fixture.params });
    expect(ran).not.toHaveProperty('start_method');
    expect(view.browser.showReport).toHaveBeenCalledWith(expect.objectContaining({ mode: 'processes' }), null, expect.stringMatching(/^Web Workers standing in for MPI ranks/));
    const [browser, native] = view.showAgreement.mock.calls.at(-1) ?? [];
    expect(native).toBe(fixture);
    expect(browser && native && resultDifference(browser, native)).toBeNull();
  });

  it('reports a difference when the stand-in counts other primes', async () => {
    const fixture = mpiReport();
    const { runner, view } = setup(() => live(fixture), { browserResult: { count: 9591, largest: 99991 } });
    await runner.exclusive('Run both', () => runner.both(headOf(fixture)));
    const [browser, native] = view.showAgreement.mock.calls.at(-1) ?? [];
    expect(native).toBe(fixture);
    expect(browser && native && resultDifference(browser, native)).toBe('count: 9591 vs 9592');
  });

  it('agrees on a locked race: the same final total from shared Workers and from ranks', () => {
    const race: RunRequest = { demo: 'race', mode: 'mpi', workers: 2, params: { increments: 20000, sync: 'lock', shared_memory: false, runs: 1 } };
    const result = { expected: 40000, final: 40000, increments_done: 40000, lost: 0, sync: 'lock' };
    const native = { ...browserReport(race, result), platform: { runtime: 'native', os: 'linux', cores: 2, compiler: 'gcc' } } as Report;
    const inBrowser = browserReport(browserStandIn(race), result);
    expect(sameWorkload(inBrowser, browserStandIn(headOf(native)))).toBe(true);
    expect(resultDifference(inBrowser, native)).toBeNull();
    expect(resultDifference(inBrowser, { ...native, result: { ...result, final: 39999, lost: 1 } })).toBe('final: 40000 vs 39999');
  });

  it('refuses the io http source in mpi, as cplay does, without running anything', async () => {
    const { runner, runtime, view } = setup(() => ({ missing: 'none', command: '' }));
    await runner.exclusive('Run', async () => void (await runner.browser({ demo: 'io', mode: 'mpi', workers: 2, params: { tasks: 2, latency_ms: 10, source: 'http' } })));
    expect(runtime.run).not.toHaveBeenCalled();
    expect(view.browser.showError).toHaveBeenCalledWith({ schema: 1, error: { code: 'unavailable', message: expect.stringMatching(/--source http with --mode mpi/) } });
  });

  it('looks a stored mpi report up by the inputs the core normalized for the stand-in, keeping mode mpi', async () => {
    const fixture = mpiReport();
    const { runner, runtime, nativeSide } = setup(() => live(fixture), { live: false });
    await runner.exclusive('Run natively', async () => void (await runner.native({ demo: 'primes', mode: 'mpi', workers: 2, params: fixture.params })));
    expect(runtime.validate).toHaveBeenCalledWith(expect.objectContaining({ mode: 'processes' }));
    const [lookup] = nativeSide.run.mock.calls[0] ?? [];
    expect(lookup).toEqual({ demo: 'primes', mode: 'mpi', workers: 2, params: fixture.params });
  });

  it('runs mpi in "All modes", with the stand-in on the browser side', async () => {
    const fixture = mpiReport();
    const { runner, runtime, nativeSide } = setup((request) => live({ ...fixture, mode: request.mode }));
    await runner.exclusive('All modes', () => runner.allModes(headOf(fixture)));
    expect(nativeSide.run.mock.calls.map(([r]) => r.mode)).toContain('mpi');
    expect(runtime.run.mock.calls.map(([r]) => r.mode)).not.toContain('mpi');
  });
});

describe('a native mpi report', () => {
  it('is a valid report with the mpi facts and a host on each span', () => {
    const report = mpiReport();
    expect(report.mode).toBe('mpi');
    expect(report.mpi?.hosts.length).toBeGreaterThan(0);
    for (const span of report.spans) expect(report.mpi?.hosts).toContain(span.host);
  });

  it('is said in one line: library, ranks on hosts, and the chunks rank 0 handed out', () => {
    const report = mpiReport();
    const { library, hosts, chunks } = report.mpi ?? { library: '', hosts: [''], chunks: 0 };
    expect(mpiFacts(report)).toBe(`${library}: 2 ranks on 1 host (${hosts.join(', ')}); rank 0 handed out ${chunks} chunks of work as messages`);
    expect(mpiFacts({ ...report, mpi: { library, hosts: ['a', 'b'], chunks: 0 } })).toBe(`${library}: 2 ranks on 2 hosts (a, b); no chunks handed out`);
    expect(mpiFacts({ ...report, mpi: undefined })).toBe('');
  });

  it('labels each timeline row with the rank’s host', () => {
    const report = mpiReport();
    const rows = new Set([...timelineBars(report).values()].flat().map((bar) => bar.y));
    expect(rows).toEqual(new Set(report.spans.map((s) => `worker ${s.worker} on ${s.host ?? '?'}`)));
  });

  it('is found when dropped as a file, and the command for a missing one is the one that made it', () => {
    const store = new ReferenceStore();
    store.addDropped('mpi.json', FIXTURE);
    const request: RunRequest = { demo: 'primes', mode: 'mpi', workers: 2, params: { limit: 100000, algorithm: 'trial' } };
    expect(parseReportFile(FIXTURE).reports).toHaveLength(1);
    expect(store.find(request)?.value.mpi).toEqual(mpiReport().mpi);
    expect(store.find({ ...request, mode: 'processes' })).toBeNull();
    // cplay launches mpirun itself: no mpirun on the command line.
    expect(cplayCommand(request)).toBe('cplay primes --limit 100000 --algorithm trial --workers 2 --mode mpi --json');
  });
});

describe('the Python beside mpi', () => {
  it('is the multiprocessing snippet, and says that no Python runs across MPI ranks', () => {
    expect(PYTHON_VARIANT.mpi).toBe('processes');
    expect(PYTHON_RUNTIME.mpi.note).toMatch(/runs no Python across MPI ranks/);
    expect(PYTHON_RUNTIME.mpi.note).toMatch(/multiprocessing/);
  });
});
