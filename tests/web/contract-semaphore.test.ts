// The semaphore experiment's report schema (docs/schema/semaphore-report.schema.json) held against
// the real thing: cplay semaphore --json in both modes, with and without a sweep, and the wasm
// builds' semaphore() (async in both, threads in the threads build); bad input and threads in the
// single build answer error reports; the schema refuses a renamed field and a report without its
// timeline.
import { spawnSync } from 'node:child_process';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContractAjv, schemaId } from '../../scripts/contract/ajv';
import { loadPlayground, type Playground } from '../../wasm/js/loader';
import { CPLAY } from './e2e-support/server';

const ajv = createContractAjv();
const validateSemaphore = ajv.getSchema(schemaId('semaphore-report.schema.json')) as ValidateFunction;
const validateError = ajv.getSchema(schemaId('error-report.schema.json')) as ValidateFunction;

function expectValid(value: unknown): void {
  expect(validateSemaphore(value), `${JSON.stringify(validateSemaphore.errors)}\nin ${JSON.stringify(value).slice(0, 400)}`).toBe(true);
}

function cplaySemaphore(args: string[]): { status: number | null; report: Record<string, unknown> } {
  const out = spawnSync(CPLAY, ['semaphore', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, report: JSON.parse(out.stdout) as Record<string, unknown> };
}

describe('semaphore report schema', () => {
  it('matches cplay semaphore --json in threads and async, with a sweep and without', () => {
    for (const args of [
      ['--tasks', '4', '--limit', '2', '--latency-ms', '5'],
      ['--mode', 'async', '--tasks', '5', '--limit', '3', '--latency-ms', '5', '--sweep'],
      ['--tasks', '3', '--limit', '3', '--latency-ms', '0', '--sweep'],
    ]) {
      const { status, report } = cplaySemaphore(args);
      expect(status).toBe(0);
      expectValid(report);
      expect(report.max_in_flight as number).toBeLessThanOrEqual(report.limit as number);
    }
  });

  it('refuses a renamed field and a report without its timeline', () => {
    const { report } = cplaySemaphore(['--tasks', '2', '--limit', '1', '--latency-ms', '1']);
    const { max_in_flight, ...renamed } = report;
    expect(validateSemaphore({ ...renamed, peak_in_flight: max_in_flight })).toBe(false);
    const { per_task: _perTask, ...noTimeline } = report;
    expect(validateSemaphore(noTimeline)).toBe(false);
  });

  describe('wasm', () => {
    let threads: Playground;
    let single: Playground;
    beforeAll(async () => {
      threads = await loadPlayground('threads');
      single = await loadPlayground('single');
    });
    afterAll(() => {
      threads?.shutdown();
      single?.shutdown();
    });

    it('matches threads mode in the threads build and async mode in both', () => {
      const runs: Array<[Playground, Record<string, unknown>]> = [
        [threads, { tasks: 4, limit: 2, latency_ms: 5 }],
        [threads, { mode: 'async', tasks: 5, limit: 2, latency_ms: 5, sweep: true }],
        [single, { mode: 'async', tasks: 6, limit: 3, latency_ms: 5 }],
      ];
      for (const [module, options] of runs) {
        const report = JSON.parse(module.raw.semaphore(JSON.stringify(options))) as Record<string, unknown>;
        expectValid(report);
        expect((report.platform as Record<string, unknown>).variant).toBe(module.variant);
        expect(report.max_in_flight as number).toBeLessThanOrEqual(options.limit as number);
      }
    });

    it('answers error reports: threads need the threads build, tasks past the pool, a range named', () => {
      const needsThreads = JSON.parse(single.raw.semaphore('{}'));
      expect(validateError(needsThreads)).toBe(true);
      expect(needsThreads.error.message).toContain('needs threads');
      const pool = JSON.parse(threads.raw.semaphore('{"tasks": 64, "limit": 64, "latency_ms": 1}'));
      expect(validateError(pool)).toBe(true);
      expect(pool.error.message).toContain("the size of this module's thread pool");
      const range = JSON.parse(single.raw.semaphore('{"mode": "async", "tasks": 2, "limit": 3}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--limit must be an integer from 1 to --tasks (2) (got 3)' });
    });
  });
});
