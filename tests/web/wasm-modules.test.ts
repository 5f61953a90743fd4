// Both WebAssembly builds in node: loading, every demo in every mode each build supports,
// the golden values the C++ suite also checks, and a clean exit.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadPlayground, type Playground } from '../../wasm/js/loader';
import type { FactorialResult, IoResult, Mode, PrimesResult, RaceResult, Request } from '../../wasm/js/types';
import { isErrorReport } from '../../wasm/js/types';
import { expectReport, runAsWorkers } from './wasm-support';

// One request per demo, small enough for every mode.
const DEMO_REQUESTS: Request[] = [
  { demo: 'primes', params: { limit: 20000 } },
  { demo: 'factorial', params: { n: 2000, count: 4 } },
  { demo: 'race', params: { increments: 20000, sync: 'atomic' } },
  { demo: 'io', params: { tasks: 3, latency_ms: 20 } },
];
// A race task is one worker's loop: the expected total grows with the workers.
const expectedResult = (demo: string, workers: number): object =>
  ({
    primes: { count: 2262, largest: 19997 },
    factorial: { n: 2000, count: 4, digits: 5736, leading: '33162750924506332411', trailing_zeros: 499 },
    race: { expected: 20000 * workers, final: 20000 * workers, lost: 0 },
    io: { tasks: 3, completed: 3 },
  })[demo]!;

describe.each([
  { variant: 'threads' as const, modes: ['sequential', 'threads', 'gil-threads', 'async'] as Mode[] },
  { variant: 'single' as const, modes: ['sequential', 'async'] as Mode[] },
])('the $variant build', ({ variant, modes }) => {
  let playground: Playground;
  beforeAll(async () => {
    playground = await loadPlayground(variant);
  });
  afterAll(() => playground?.shutdown());

  it('describes itself', () => {
    const info = playground.info();
    expect(info).toMatchObject({ runtime: 'wasm', variant, max_processes: 16, limb_bits: 32 });
    expect(info.cores).toBeGreaterThanOrEqual(1);
    // node has no navigator.hardwareConcurrency: the pool falls back to 4 threads.
    expect(info.max_workers).toBe(variant === 'threads' ? 4 : 0);
    expect(info.modes).toEqual([...modes, 'processes']);
  });

  describe.each(modes)('mode %s', (mode) => {
    it.each(DEMO_REQUESTS)('$demo', (request) => {
        const workers = mode === 'sequential' ? 1 : 2;
        const expected = expectedResult(request.demo, workers);
        const report = expectReport(playground.run({ ...request, mode, workers }));
        expect(report).toMatchObject({ schema: 1, demo: request.demo, mode, workers, start_method: null });
        expect(report.platform).toMatchObject({ runtime: 'wasm', os: 'emscripten', variant });
        expect(report.result).toMatchObject(expected);
        expect(report.spans).toHaveLength(workers);
        expect(report.wall_ms).toBeGreaterThanOrEqual(0);
    });
  });

  it('runs processes as Workers would: runShard() per worker, then assemble()', () => {
    for (const request of DEMO_REQUESTS) {
      const report = expectReport(runAsWorkers(playground, { ...request, mode: 'processes', workers: 3 }));
      expect(report).toMatchObject({ mode: 'processes', start_method: 'worker', workers: 3 });
      expect(report.spans.map((span) => span.worker)).toEqual([0, 1, 2]);
      if (request.demo === 'race') {
        // Isolated memories: every Worker counted on its own copy, so nothing was shared or lost.
        expect(report.result).toMatchObject({ expected: 60000, final: 0, child_finals: [20000, 20000, 20000] });
        expect(report.result).not.toHaveProperty('lost');
      } else {
        expect(report.result).toMatchObject(expectedResult(request.demo, 3));
      }
    }
  });

  it('refuses processes in run(), naming the Worker route', () => {
    const report = playground.run({ demo: 'primes', mode: 'processes', workers: 2 });
    expect(report).toMatchObject({ error: { code: 'invalid-argument' } });
    expect(isErrorReport(report) && report.error.message).toMatch(/Web Worker.*runShard\(\).*assemble\(\)/);
  });
});

describe('golden values', () => {
  let playground: Playground;
  beforeAll(async () => {
    playground = await loadPlayground('threads');
  });
  afterAll(() => playground?.shutdown());

  it.each([
    [10, 4, 7],
    [100, 25, 97],
    [1000, 168, 997],
    [10_000, 1229, 9973],
    [100_000, 9592, 99991],
    [1_000_000, 78498, 999983],
  ])('π(%i) = %i by trial division on 4 threads', (limit, count, largest) => {
    const report = expectReport(playground.run({ demo: 'primes', mode: 'threads', workers: 4, params: { limit } }));
    expect(report.result as PrimesResult).toEqual({ count, largest });
  });

  it('π(10^7) = 664579 by the segmented sieve', () => {
    const request: Request = { demo: 'primes', mode: 'threads', workers: 4, params: { limit: 10_000_000, algorithm: 'sieve' } };
    expect(expectReport(playground.run(request)).result).toEqual({ count: 664579, largest: 9999991 });
  });

  it('100000! has 456574 digits, leading 28242294079603478742', () => {
    const request: Request = { demo: 'factorial', mode: 'threads', workers: 2, params: { n: 100000, count: 2 } };
    const result = expectReport(playground.run(request)).result as FactorialResult;
    expect(result).toEqual({
      n: 100000,
      count: 2,
      digits: 456574,
      leading: '28242294079603478742',
      trailing_zeros: 24999,
      bits: 1516705,
    });
  });

  it('prints 100! in full', () => {
    const request: Request = { demo: 'factorial', mode: 'sequential', params: { n: 100, count: 1, print: true } };
    const result = expectReport(playground.run(request)).result as FactorialResult;
    expect(result.decimal).toBe(
      '93326215443944152681699238856266700490715968264381621468592963895217599993229915608941463976156518286253697920827223758251185210916864000000000000000000000000',
    );
  });

  it('0! and 1! are 1', () => {
    for (const n of [0, 1]) {
      const result = expectReport(playground.run({ demo: 'factorial', mode: 'sequential', params: { n, count: 1 } }))
        .result as FactorialResult;
      expect(result).toMatchObject({ digits: 1, leading: '1', trailing_zeros: 0 });
    }
  });

  it('race: lock and atomic are exact on real threads, none never gains', () => {
    for (const sync of ['lock', 'atomic', 'none'] as const) {
      const request: Request = { demo: 'race', mode: 'threads', workers: 4, params: { increments: 100000, sync } };
      const result = expectReport(playground.run(request)).result as RaceResult;
      expect(result.expected).toBe(400000);
      expect(result.increments_done).toBe(400000);
      expect(result.lost).toBe(result.expected - result.final);
      if (sync === 'none') expect(result.final).toBeLessThanOrEqual(400000);
      else expect(result.final).toBe(400000);
    }
  });

  it('io: waits overlap in async and gil-threads', () => {
    for (const mode of ['async', 'gil-threads', 'threads'] as const) {
      const request: Request = { demo: 'io', mode, workers: 3, params: { tasks: 3, latency_ms: 200 } };
      const report = expectReport(playground.run(request));
      expect(report.result as IoResult).toEqual({ tasks: 3, completed: 3 });
      // The three waits overlap in time (an order, not a duration): each began before any ended.
      const waits = report.events.filter((event) => event.state === 'waiting');
      expect(new Set(waits.map((event) => event.worker)).size, mode).toBe(3);
      const lastStart = Math.max(...waits.map((event) => event.start_ms));
      const firstEnd = Math.min(...waits.map((event) => event.end_ms));
      expect(lastStart, mode).toBeLessThan(firstEnd);
    }
  });

  it('gil-threads reports its hand-overs', () => {
    // Tens of ms of work against a 1 ms switch interval: the waiting worker must get a turn.
    const request: Request = { demo: 'primes', mode: 'gil-threads', workers: 2, params: { limit: 300000, switch_interval_ms: 1 } };
    const report = expectReport(playground.run(request));
    expect(report.gil?.switches).toBeGreaterThan(0);
    expect(report.spans.every((span) => span.items > 0)).toBe(true);
  });
});

describe('loader', () => {
  it('takes a pool size and caps thread workers at it', async () => {
    const playground = await loadPlayground('threads', { poolSize: 2 });
    try {
      expect(playground.info().max_workers).toBe(2);
      expect(expectReport(playground.run({ demo: 'primes', mode: 'threads', workers: 2, params: { limit: 1000 } })).result)
        .toEqual({ count: 168, largest: 997 });
      expect(playground.run({ demo: 'primes', mode: 'threads', workers: 3 })).toEqual({
        schema: 1,
        error: { code: 'invalid-argument', message: '--workers must be an integer from 1 to 2 in mode threads here (got 3)' },
      });
    } finally {
      playground.shutdown();
    }
  });

  it('refuses calls after shutdown()', async () => {
    const playground = await loadPlayground('single');
    playground.shutdown();
    expect(() => playground.info()).toThrow(/shut down/);
  });

  it('lets node exit by itself after shutdown()', () => {
    // A separate node process: if the pthread pool were left running, it would never exit.
    const script = fileURLToPath(new URL('./fixtures/wasm-exit.ts', import.meta.url));
    const viteNode = fileURLToPath(new URL('../../node_modules/vite-node/vite-node.mjs', import.meta.url));
    const out = spawnSync(process.execPath, [viteNode, script], { encoding: 'utf8', timeout: 60_000 });
    expect(out.signal, 'node did not exit within 60 s').toBeNull();
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout.trim()).toBe('9592 9592');
  });
});
