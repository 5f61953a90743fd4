// BrowserRuntime's main Worker is replaced when its instance can no longer be trusted: after an
// out-of-memory report (the wasm big-number code leaks the failed run's temporaries) and after a
// crash. The Workers are fakes (node has no Worker), answering like playground.worker.ts.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserRuntime } from '../../web/src/runtime/browser-runtime';
import type { CallMessage, ReplyMessage } from '../../web/src/runtime/worker-protocol';
import { FakeWorker } from './fake-worker';

const REQUEST = { demo: 'primes', mode: 'threads', workers: 2, params: { limit: 1000 } } as const;

const REPORT = {
  schema: 1,
  demo: 'primes',
  mode: 'threads',
  start_method: null,
  workers: 2,
  params: { limit: 1000, algorithm: 'trial' },
  result: { count: 168, largest: 997 },
  wall_ms: 1.5,
  spans: [{ worker: 0, pid: 42, tid: 1, start_ms: 0, end_ms: 1, items: 500 }],
  events: [],
  platform: { runtime: 'wasm', os: 'emscripten', cores: 2, compiler: 'clang', variant: 'threads' },
};

function errorReport(code: string, message: string) {
  return { schema: 1, error: { code, message } };
}

/** What the `index`-th Worker answers to `run` (null: it answers nothing, having crashed, say). */
type RunAnswer = (index: number, worker: FakeWorker) => unknown;

function runtimeWith(runAnswer: RunAnswer) {
  const workers: FakeWorker[] = [];
  const answer = (message: CallMessage, worker: FakeWorker): ReplyMessage | null => {
    const { id } = message;
    switch (message.method) {
      case 'load':
        return { id, ok: true, value: { runtime: 'wasm', variant: 'threads', cores: 2, max_workers: 16 } };
      case 'validate':
        return { id, ok: true, value: (message.args as { request: unknown }).request };
      case 'run': {
        const value = runAnswer(workers.indexOf(worker), worker);
        return value === null ? null : { id, ok: true, value };
      }
      default:
        return { id, ok: false, error: `unexpected ${message.method}` };
    }
  };
  // A plain function, so that `new Worker(url, options)` returns the fake.
  vi.stubGlobal('Worker', function FakeWorkerConstructor() {
    const worker = new FakeWorker(answer);
    workers.push(worker);
    return worker;
  });
  const runtime = new BrowserRuntime({ variant: 'threads', isolated: true, wasmBase: 'http://127.0.0.1/' });
  return { runtime, workers };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('BrowserRuntime replaces its main Worker', () => {
  it('after an out-of-memory report, before the next run', async () => {
    const { runtime, workers } = runtimeWith((index) =>
      index === 0 ? errorReport('out-of-memory', 'the run needed more memory than is available') : REPORT,
    );
    const first = await runtime.run(REQUEST);
    expect(first).toEqual({ error: errorReport('out-of-memory', 'the run needed more memory than is available') });
    expect(workers[0]?.terminated).toBe(true);
    // The fresh Worker is loading already, before anyone asks for the next run.
    expect(workers).toHaveLength(2);
    expect(workers[1]?.methods).toEqual(['load']);

    const second = await runtime.run(REQUEST);
    expect(second).toMatchObject({ report: { result: { count: 168, largest: 997 } } });
    expect(workers[1]?.methods).toEqual(['load', 'run']);
    expect(workers[0]?.methods).toEqual(['load', 'run']);
  });

  it('not after other error reports: the instance is still sound', async () => {
    const { runtime, workers } = runtimeWith(() => errorReport('invalid-argument', '--limit must be at least 1'));
    await expect(runtime.run(REQUEST)).resolves.toMatchObject({ error: { error: { code: 'invalid-argument' } } });
    await runtime.run(REQUEST);
    expect(workers).toHaveLength(1);
    expect(workers[0]?.terminated).toBe(false);
    expect(workers[0]?.methods).toEqual(['load', 'run', 'run']);
  });

  it('after a crash, with the module loaded again before the next run', async () => {
    const { runtime, workers } = runtimeWith((index, worker) => {
      if (index > 0) return REPORT;
      worker.crash('Uncaught RangeError: Maximum call stack size exceeded');
      return null;
    });
    const first = await runtime.run(REQUEST);
    expect(first).toEqual({ error: errorReport('worker-failed', 'Uncaught RangeError: Maximum call stack size exceeded') });

    const second = await runtime.run(REQUEST);
    expect(second).toHaveProperty('report');
    expect(workers).toHaveLength(2);
    expect(workers[1]?.methods).toEqual(['load', 'run']);
  });
});

// A processes run: every Worker answers load, runShard and assemble as playground.worker.ts does.
const PROCESSES = { demo: 'factorial', mode: 'processes', workers: 2, params: { n: 20, count: 2 } } as const;
const ASSEMBLED = {
  schema: 1,
  demo: 'factorial',
  mode: 'processes',
  start_method: 'worker',
  workers: 2,
  params: { n: 20, count: 2, print: false },
  result: { n: 20, count: 2, digits: 19, leading: '2432902008176640000', trailing_zeros: 4, bits: 62 },
  wall_ms: 3,
  spans: [
    { worker: 0, pid: 42, tid: 1, start_ms: 1, end_ms: 2, items: 1 },
    { worker: 1, pid: 42, tid: 1, start_ms: 1, end_ms: 2.5, items: 1 },
  ],
  events: [],
  platform: { runtime: 'wasm', os: 'emscripten', cores: 2, compiler: 'clang', variant: 'single' },
};

/** `wasmBase` differs per test: the page's compiled module is cached per address. */
function processesRuntime(wasmBase: string) {
  const workers: FakeWorker[] = [];
  const answer = (message: CallMessage): ReplyMessage | null => {
    const { id } = message;
    switch (message.method) {
      case 'load':
        return { id, ok: true, value: { runtime: 'wasm', variant: 'single', cores: 2, max_workers: 1 } };
      case 'validate':
        return { id, ok: true, value: { ...(message.args as { request: object }).request, start_method: 'worker' } };
      case 'runShard':
        return { id, ok: true, value: { partial: {}, span: ASSEMBLED.spans[(message.args as { index: number }).index] } };
      case 'assemble':
        return { id, ok: true, value: structuredClone(ASSEMBLED) };
      default:
        return { id, ok: false, error: `unexpected ${message.method}` };
    }
  };
  vi.stubGlobal('Worker', function FakeWorkerConstructor() {
    const worker = new FakeWorker(answer);
    workers.push(worker);
    return worker;
  });
  // The single build's .wasm, compiled once for the page: the smallest valid module stands in.
  const fetched: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    return new Response(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]), { headers: { 'content-type': 'application/wasm' } });
  });
  const runtime = new BrowserRuntime({ variant: 'single', isolated: false, wasmBase });
  return { runtime, workers, fetched };
}

/** The Workers that ran shards (the main Worker only loads and validates). */
const processWorkers = (workers: FakeWorker[]) => workers.filter((w) => w.methods.includes('runShard'));

describe('BrowserRuntime processes', () => {
  it('fresh: new Workers every run, each handed the compiled module, each shown starting, all stopped after', async () => {
    const { runtime, workers, fetched } = processesRuntime('http://127.0.0.2/fresh/');
    const first = await runtime.run(PROCESSES);
    const second = await runtime.run(PROCESSES, () => {}, { processStart: 'fresh' });
    for (const outcome of [first, second]) {
      if (!('report' in outcome)) throw new Error(JSON.stringify(outcome));
      expect(outcome.report.result).toEqual(ASSEMBLED.result);
      const starting = (outcome.report.events ?? []).filter((e) => e.state === 'starting');
      expect(starting.map((e) => e.worker)).toEqual([0, 1]);
      for (const e of starting) expect(e.end_ms).toBeGreaterThanOrEqual(e.start_ms);
      expect(outcome.report.startup_ms).toBeGreaterThanOrEqual(0);
    }
    const ran = processWorkers(workers);
    expect(ran).toHaveLength(4);
    expect(ran.every((w) => w.terminated)).toBe(true);
    for (const w of ran) {
      const load = w.posted.find((m) => m.method === 'load');
      expect(load?.args).toMatchObject({ variant: 'single', base: 'http://127.0.0.2/fresh/wasm/single/' });
      expect((load?.args as { module?: unknown }).module).toBeInstanceOf(WebAssembly.Module);
    }
    // Compiled once for the page, not once per Worker.
    expect(fetched).toEqual(['http://127.0.0.2/fresh/wasm/single/cplay.wasm']);
  });

  it('pool: the Workers started by the first run are reused by the next, with the same results and nothing to start', async () => {
    const { runtime, workers } = processesRuntime('http://127.0.0.2/pool/');
    const first = await runtime.run(PROCESSES, () => {}, { processStart: 'pool' });
    const second = await runtime.run(PROCESSES, () => {}, { processStart: 'pool' });
    if (!('report' in first) || !('report' in second)) throw new Error('a run failed');
    expect(second.report.result).toEqual(first.report.result);
    expect((first.report.events ?? []).filter((e) => e.state === 'starting')).toHaveLength(2);
    expect((second.report.events ?? []).filter((e) => e.state === 'starting')).toHaveLength(0);
    const ran = processWorkers(workers);
    expect(ran).toHaveLength(2);
    for (const w of ran) {
      expect(w.terminated).toBe(false);
      expect(w.methods.filter((m) => m === 'load')).toHaveLength(1);
      expect(w.methods.filter((m) => m === 'runShard')).toHaveLength(2);
    }
    expect(runtime.pooledWorkers).toBe(2);
    // A bigger run takes the two warm Workers and starts one more.
    const third = await runtime.run({ ...PROCESSES, workers: 3 }, () => {}, { processStart: 'pool' });
    expect('report' in third || 'error' in third).toBe(true);
    expect(processWorkers(workers)).toHaveLength(3);
    // Cancel stops the pool too.
    runtime.cancel();
    expect(processWorkers(workers).every((w) => w.terminated)).toBe(true);
    expect(runtime.pooledWorkers).toBe(0);
  });

  it('pool: a Worker whose run failed leaves the pool', async () => {
    const { runtime, workers } = processesRuntime('http://127.0.0.2/failed/');
    await runtime.run(PROCESSES, () => {}, { processStart: 'pool' });
    const [broken] = processWorkers(workers);
    if (!broken) throw new Error('no process Worker');
    const original = broken.postMessage.bind(broken);
    broken.postMessage = (message: CallMessage) => {
      if (message.method !== 'runShard') return original(message);
      broken.posted.push(message);
      queueMicrotask(() => broken.reply({ id: message.id, ok: true, value: errorReport('out-of-memory', 'the run needed more memory than is available') }));
    };
    const failed = await runtime.run(PROCESSES, () => {}, { processStart: 'pool' });
    expect(failed).toMatchObject({ error: { error: { code: 'out-of-memory' } } });
    expect(processWorkers(workers).every((w) => w.terminated)).toBe(true);
    expect(runtime.pooledWorkers).toBe(0);
  });
});
