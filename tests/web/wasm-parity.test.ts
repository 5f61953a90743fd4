// Parity: the same request gives the same `result` in WebAssembly and in the native CLI
// (build/native/cplay --json), for every demo, several sizes and worker counts, and every mode
// both sides support. Processes: the wasm side runs shards as the page's Workers would.
import { describe, expect, it } from 'vitest';

import type { Mode, RaceResult, Request } from '../../wasm/js/types';
import { loadBothBuilds } from './wasm-builds';
import { expectReport, nativeBuilt, nativeReport, runAsWorkers } from './wasm-support';

const IN_PROCESS: Mode[] = ['sequential', 'threads', 'gil-threads', 'async'];

// Workloads whose results do not depend on scheduling. (Race without a lock is checked apart.)
const WORKLOADS: Request[] = [
  { demo: 'primes', params: { limit: 1 } },
  { demo: 'primes', params: { limit: 1000 } },
  { demo: 'primes', params: { limit: 123457 } },
  { demo: 'primes', params: { limit: 300000, algorithm: 'sieve' } },
  { demo: 'factorial', params: { n: 0, count: 1 } },
  { demo: 'factorial', params: { n: 25, count: 3 } },
  { demo: 'factorial', params: { n: 5000, count: 4 } },
  { demo: 'factorial', params: { n: 300, count: 2, print: true } },
  // Big enough for the number-theoretic transform on both sides (its thresholds differ: 500
  // digits in wasm, 3500 natively) and, printed, for divisions by Newton reciprocals.
  { demo: 'factorial', params: { n: 30000, count: 1 } },
  { demo: 'factorial', params: { n: 3000, count: 1, print: true } },
  { demo: 'race', params: { increments: 5000, sync: 'lock' } },
  { demo: 'race', params: { increments: 20000, sync: 'atomic' } },
  { demo: 'io', params: { tasks: 4, latency_ms: 5 } },
];
const WORKER_COUNTS = [1, 2, 4];

const label = (request: Request): string =>
  `${request.demo} ${request.mode} x${request.workers ?? '-'} ${JSON.stringify(request.params)}`;

function table(modes: Mode[], workloads: Request[]): Request[] {
  const requests: Request[] = [];
  for (const mode of modes)
    for (const workload of workloads)
      for (const workers of mode === 'sequential' ? [1] : WORKER_COUNTS) requests.push({ ...workload, mode, workers });
  return requests;
}

describe.skipIf(!nativeBuilt)('parity with the native CLI', () => {
  const builds = loadBothBuilds();

  it.each(table(IN_PROCESS, WORKLOADS).map((request) => [label(request), request] as const))(
    '%s',
    (_, request) => {
      const wasm = expectReport(builds.threads.run(request));
      const native = nativeReport(request);
      expect(wasm.result).toEqual(native.result);
      // The echoed request agrees too: same defaults, same normalization.
      expect([wasm.demo, wasm.mode, wasm.workers, wasm.params]).toEqual([
        native.demo,
        native.mode,
        native.workers,
        native.params,
      ]);
    },
  );

  it.each(
    table(['sequential', 'async'], WORKLOADS).map((request) => [label(request), request] as const),
  )('single build: %s', (_, request) => {
    expect(expectReport(builds.single.run(request)).result).toEqual(nativeReport(request).result);
  });

  it.each(
    table(
      ['processes'],
      [...WORKLOADS, { demo: 'race', params: { increments: 3000, sync: 'none' } }],
    ).map((request) => [label(request), request] as const),
  )('Workers vs fork: %s', (_, request) => {
    const wasm = expectReport(runAsWorkers(builds.single, request));
    const native = nativeReport({ ...request, start_method: 'fork' });
    expect(wasm.result).toEqual(native.result);
    expect(wasm.start_method).toBe('worker');
    expect(wasm.spans.map((span) => span.items)).toEqual(native.spans.map((span) => span.items));
  });

  it('defaults: a request with only a demo gets the CLI defaults (sizes the seed uses)', () => {
    for (const demo of ['primes', 'race'] as const) {
      const request: Request = { demo, mode: 'sequential' };
      const wasm = expectReport(builds.threads.run(request));
      expect(wasm.params).toEqual(nativeReport(request).params);
    }
  });

  it.each(['threads', 'gil-threads'] as const)('race without a lock in %s: same bookkeeping, never a gain', (mode) => {
    const request: Request = { demo: 'race', mode, workers: 4, params: { increments: 50000, sync: 'none' } };
    for (const result of [expectReport(builds.threads.run(request)).result, nativeReport(request).result] as RaceResult[]) {
      expect(result).toMatchObject({ expected: 200000, sync: 'none', increments_done: 200000 });
      expect(result.final).toBeLessThanOrEqual(200000);
      expect(result.lost).toBe(200000 - result.final);
    }
  });
});

it('has the native CLI to compare with', () => {
  expect(nativeBuilt, 'build/native/cplay is missing (npm run build): parity was not checked').toBe(true);
});
