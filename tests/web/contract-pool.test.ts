// The pool experiment's report schema (docs/schema/pool-report.schema.json) held against the real
// thing: cplay pool --json in threads and in processes by fork and by spawn, and the threads build's
// pool(); the single build, processes in wasm and workers past the pool answer error reports; the
// schema refuses a renamed field, a strategy without its timeline and a value written as a number.
import { spawnSync } from 'node:child_process';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContractAjv, schemaId } from '../../scripts/contract/ajv';
import { loadPlayground, type Playground } from '../../wasm/js/loader';
import { CPLAY } from './e2e-support/server';

const ajv = createContractAjv();
const validatePool = ajv.getSchema(schemaId('pool-report.schema.json')) as ValidateFunction;
const validateError = ajv.getSchema(schemaId('error-report.schema.json')) as ValidateFunction;

function expectValid(value: unknown): void {
  expect(validatePool(value), `${JSON.stringify(validatePool.errors)}\nin ${JSON.stringify(value).slice(0, 400)}`).toBe(true);
}

function cplayPool(args: string[]): { status: number | null; report: Record<string, unknown> } {
  const out = spawnSync(CPLAY, ['pool', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, report: JSON.parse(out.stdout) as Record<string, unknown> };
}

describe('pool report schema', () => {
  it('matches cplay pool --json in threads and in processes by fork and spawn', () => {
    for (const args of [
      ['--tasks', '6', '--workers', '2', '--work', '100'],
      ['--mode', 'processes', '--start-method', 'fork', '--tasks', '5', '--workers', '3', '--work', '0'],
      ['--mode', 'processes', '--start-method', 'spawn', '--tasks', '4', '--workers', '2', '--work', '1000'],
    ]) {
      const { status, report } = cplayPool(args);
      expect(status).toBe(0);
      expectValid(report);
      expect(report.correct).toBe(true);
      expect((report.pool as { starts: number }).starts).toBe(report.workers);
      expect((report.fresh as { starts: number }).starts).toBe(report.tasks);
    }
  });

  it('refuses a renamed field, a strategy without its timeline and a value as a number', () => {
    const { report } = cplayPool(['--tasks', '2', '--workers', '1', '--work', '10']);
    const { fresh_over_pool, ...renamed } = report;
    expect(validatePool({ ...renamed, speedup: fresh_over_pool })).toBe(false);
    const { per_task: _perTask, ...noTimeline } = report.pool as Record<string, unknown>;
    expect(validatePool({ ...report, pool: noTimeline })).toBe(false);
    expect(validatePool({ ...report, expected_sum: Number(report.expected_sum) })).toBe(false);
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

    it('matches the threads build with the same values as cplay', () => {
      const report = threads.pool({ tasks: 5, workers: 2, work: 100 }) as unknown as Record<string, unknown>;
      expectValid(report);
      expect((report.platform as Record<string, unknown>).variant).toBe('threads');
      expect(report.correct).toBe(true);
      expect(report.expected_sum).toBe(cplayPool(['--tasks', '5', '--workers', '2', '--work', '100']).report.expected_sum);
    });

    it('answers error reports: the single build, processes, workers past the pool, a range named', () => {
      const needsThreads = JSON.parse(single.raw.pool('{}'));
      expect(validateError(needsThreads)).toBe(true);
      expect(needsThreads.error.message).toContain('needs threads');
      const processes = JSON.parse(threads.raw.pool('{"mode": "processes"}'));
      expect(validateError(processes)).toBe(true);
      expect(processes.error.message).toContain('cplay runs it');
      const pastPool = JSON.parse(threads.raw.pool('{"tasks": 64, "workers": 16}'));
      expect(validateError(pastPool)).toBe(true);
      expect(pastPool.error.message).toContain("the size of this module's thread pool");
      const range = JSON.parse(threads.raw.pool('{"tasks": 2, "workers": 3}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--workers must be an integer from 1 to --tasks (2) (got 3)' });
    });
  });
});
