// The pool experiment's report schema (docs/schema/pool-report.schema.json) held against the real
// thing: cplay pool --json in threads and in processes by fork and by spawn, and the threads build's
// pool(); the single build, processes in wasm and workers past the pool answer error reports; the
// schema refuses a renamed field, a strategy without its timeline and a value written as a number.
import { describe, expect, it } from 'vitest';

import { contractSchema, cplayReport, expectErrorReport, expectRefusesMissingField, expectRefusesRenamedField, expectValid, type Json } from './contract-support';
import { loadBothBuilds } from './wasm-builds';

const validatePool = contractSchema('pool-report.schema.json');

describe('pool report schema', () => {
  it('matches cplay pool --json in threads and in processes by fork and spawn', () => {
    for (const args of [
      ['--tasks', '6', '--workers', '2', '--work', '100'],
      ['--mode', 'processes', '--start-method', 'fork', '--tasks', '5', '--workers', '3', '--work', '0'],
      ['--mode', 'processes', '--start-method', 'spawn', '--tasks', '4', '--workers', '2', '--work', '1000'],
    ]) {
      const { status, report } = cplayReport('pool', args);
      expect(status).toBe(0);
      expectValid(validatePool, report);
      expect(report.correct).toBe(true);
      expect((report.pool as { starts: number }).starts).toBe(report.workers);
      expect((report.fresh as { starts: number }).starts).toBe(report.tasks);
    }
  });

  it('refuses a renamed field, a strategy without its timeline and a value as a number', () => {
    const { report } = cplayReport('pool', ['--tasks', '2', '--workers', '1', '--work', '10']);
    expectRefusesRenamedField(validatePool, report, ['fresh_over_pool'], 'speedup');
    expectRefusesMissingField(validatePool, report, ['pool', 'per_task']);
    expect(validatePool({ ...report, expected_sum: Number(report.expected_sum) })).toBe(false);
  });

  describe('wasm', () => {
    const wasm = loadBothBuilds();

    it('matches the threads build with the same values as cplay', () => {
      const report = wasm.threads.pool({ tasks: 5, workers: 2, work: 100 }) as unknown as Json;
      expectValid(validatePool, report);
      expect((report.platform as Json).variant).toBe('threads');
      expect(report.correct).toBe(true);
      expect(report.expected_sum).toBe(cplayReport('pool', ['--tasks', '5', '--workers', '2', '--work', '100']).report.expected_sum);
    });

    it('answers error reports: the single build, processes, workers past the pool, a range named', () => {
      expectErrorReport(wasm.single.raw.pool('{}'), 'needs threads');
      expectErrorReport(wasm.threads.raw.pool('{"mode": "processes"}'), 'cplay runs it');
      expectErrorReport(wasm.threads.raw.pool('{"tasks": 64, "workers": 16}'), "the size of this module's thread pool");
      const range = JSON.parse(wasm.threads.raw.pool('{"tasks": 2, "workers": 3}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--workers must be an integer from 1 to --tasks (2) (got 3)' });
    });
  });
});
