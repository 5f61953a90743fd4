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
