// Bad requests come back as error reports, with the code and the message the CLI gives for the
// same input (the CLI prints the message and exits 2), and the module stays usable afterwards.
import { describe, expect, it } from 'vitest';

import type { ErrorReport, Request } from '../../wasm/js/types';
import { isErrorReport } from '../../wasm/js/types';
import { loadBothBuilds } from './wasm-builds';
import { cliArgs, expectReport, runNative } from './wasm-support';

// Requests the CLI can express too: both sides must refuse them with the same words.
const REFUSED: Request[] = [
  { demo: 'primes', params: { limit: 0 } },
  { demo: 'primes', params: { limit: 1_000_000_001 } },
  { demo: 'primes', params: { limit: 'abc' as unknown as number } },
  { demo: 'primes', params: { limit: '99999999999999999999999' as unknown as number } },
  { demo: 'primes', mode: 'bogus' as never },
  { demo: 'primes', params: { algorithm: 'magic' as never } },
  { demo: 'primes', workers: 0 },
  { demo: 'primes', workers: 300 },
  { demo: 'primes', mode: 'threads', start_method: 'fork' },
  { demo: 'factorial', params: { n: 1_000_001 } },
  { demo: 'factorial', params: { count: 65 } },
  // async: 20 coroutines fit in both builds, where 20 threads would exceed the module's pool first.
  { demo: 'race', mode: 'async', workers: 20, params: { increments: 100_000_000 } },
  { demo: 'race', mode: 'threads', params: { shared_memory: true } },
  { demo: 'race', params: { sync: 'maybe' as never } },
  { demo: 'io', params: { tasks: 1000, latency_ms: 60_000 } },
  { demo: 'io', mode: 'gil-threads', params: { switch_interval_ms: 0 } },
];

function expectError(value: unknown, code = 'invalid-argument'): ErrorReport {
  expect(value).toMatchObject({ schema: 1, error: { code } });
  return value as ErrorReport;
}

describe('bad requests', () => {
  const builds = loadBothBuilds();

  describe.each(REFUSED.map((request) => [cliArgs(request).join(' '), request] as const))(
    'cplay %s',
    (_, request) => {
      it('gets the CLI message in run(), validate() and in both builds', () => {
        const native = runNative(request);
        expect(native.status).toBe(2);
        for (const value of [builds.threads.run(request), builds.threads.validate(request), builds.single.validate(request)])
          expect(expectError(value).error.message).toBe(native.message);
      });
    },
  );

  it('malformed JSON is invalid-json, in every function', () => {
    for (const value of [
      builds.threads.run('{"demo": "primes",'),
      builds.threads.validate('not json'),
      builds.single.runShard('[1, 2', 0, 1, 0),
      builds.single.assemble('', [], 0),
    ])
      expect(expectError(value, 'invalid-json').error.message).toMatch(/^the request is not valid JSON: /);
  });

  it('a request must be an object with known fields', () => {
    expect(expectError(builds.threads.run('[]')).error.message).toBe('a request must be a JSON object');
    expect(expectError(builds.threads.run('{"mode": "threads"}')).error.message).toMatch(/^demo is required/);
    expect(expectError(builds.threads.run({ demo: 'bogus' as never })).error.message).toBe(
      "demo must be one of primes|factorial|race|io (got 'bogus')",
    );
    expect(expectError(builds.threads.run('{"demo": "io", "colour": "red"}')).error.message).toMatch(
      /^unknown request field 'colour'/,
    );
    expect(expectError(builds.threads.run({ demo: 'io', params: { limit: 5 } } as never)).error.message).toMatch(
      /^unknown option --limit for io in mode threads/,
    );
    expect(expectError(builds.threads.run({ demo: 'primes', params: { limit: -5 } })).error.message).toBe(
      '--limit must be an integer from 1 to 1000000000 (got -5)',
    );
  });

  it('more thread workers than the pool holds is an error report, never a hang', () => {
    const pool = builds.threads.info().max_workers;
    for (const mode of ['threads', 'gil-threads'] as const) {
      const report = expectError(builds.threads.run({ demo: 'io', mode, workers: pool + 1, params: { tasks: 8, latency_ms: 1 } }));
      expect(report.error.message).toBe(
        `--workers must be an integer from 1 to ${pool} in mode ${mode} here (got ${pool + 1})`,
      );
    }
    // Coroutines are not threads: async takes as many workers as the CLI does.
    const async = expectReport(builds.threads.run({ demo: 'io', mode: 'async', workers: 64, params: { tasks: 64, latency_ms: 1 } }));
    expect(async.spans).toHaveLength(64);
  });

  it('the single build has no threads modes', () => {
    for (const mode of ['threads', 'gil-threads'] as const)
      expect(expectError(builds.single.run({ demo: 'primes', mode, workers: 2 })).error.message).toMatch(
        new RegExp(`^--mode ${mode} needs shared-memory threads`),
      );
  });

  it('processes: Workers only, at most 16, no shared memory', () => {
    expect(expectError(builds.single.validate({ demo: 'primes', mode: 'processes', workers: 17 })).error.message).toBe(
      '--workers must be an integer from 1 to 16 in mode processes (got 17)',
    );
    expect(expectError(builds.single.validate({ demo: 'primes', mode: 'processes', start_method: 'fork' })).error.message).toBe(
      "--start-method must be one of worker here (got 'fork')",
    );
    expect(
      expectError(builds.single.validate({ demo: 'race', mode: 'processes', params: { shared_memory: true } })).error.message,
    ).toMatch(/^--shared-memory is not available with Workers/);
    expect(builds.single.validate({ demo: 'primes', mode: 'processes', workers: 16 })).toMatchObject({
      mode: 'processes',
      start_method: 'worker',
      workers: 16,
    });
  });

  it('runShard() and assemble() check their arguments', () => {
    const request: Request = { demo: 'primes', mode: 'processes', workers: 2, params: { limit: 100 } };
    expect(expectError(builds.single.runShard({ ...request, mode: 'async' }, 0, 2, 0)).error.message).toBe(
      'runShard() takes a --mode processes request (got --mode async)',
    );
    expect(expectError(builds.single.runShard(request, 2, 2, 0)).error.message).toBe(
      'runShard() index must be an integer from 0 to 1 (got 2)',
    );
    expect(expectError(builds.single.runShard(request, 0.5, 2, 0)).error.message).toMatch(/^runShard\(\) index must be/);
    expect(expectError(builds.single.runShard(request, 0, 3, 0)).error.message).toMatch(/^runShard\(\) count must equal/);
    const shard = builds.single.runShard(request, 0, 2, 0);
    expect(isErrorReport(shard)).toBe(false);
    expect(expectError(builds.single.assemble(request, [shard as never], 1)).error.message).toBe(
      'assemble() needs an array of 2 shards, one per worker',
    );
    expect(expectError(JSON.parse(builds.single.raw.assemble(JSON.stringify(request), '[{}, {}]', 1))).error.message).toMatch(
      /^assemble\(\) got a shard that runShard\(\) did not make/,
    );
  });

  it('the modules stay usable after all of that', () => {
    for (const playground of [builds.threads, builds.single]) {
      const report = expectReport(playground.run({ demo: 'primes', mode: 'async', workers: 2, params: { limit: 1000 } }));
      expect(report.result).toEqual({ count: 168, largest: 997 });
    }
    const report = expectReport(builds.threads.run({ demo: 'primes', mode: 'threads', workers: 4, params: { limit: 1000 } }));
    expect(report.result).toEqual({ count: 168, largest: 997 });
  });
});
