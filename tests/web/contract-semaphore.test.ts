// The semaphore experiment's report schema (docs/schema/semaphore-report.schema.json) held against
// the real thing: cplay semaphore --json in both modes, with and without a sweep, and the wasm
// builds' semaphore() (async in both, threads in the threads build); bad input and threads in the
// single build answer error reports; the schema refuses a renamed field and a report without its
// timeline.
import { describe, expect, it } from 'vitest';

import type { Playground } from '../../wasm/js/loader';
import { contractSchema, cplayReport, expectErrorReport, expectRefusesMissingField, expectRefusesRenamedField, expectValid, type Json } from './contract-support';
import { loadBothBuilds } from './wasm-builds';

const validateSemaphore = contractSchema('semaphore-report.schema.json');

describe('semaphore report schema', () => {
  it('matches cplay semaphore --json in threads and async, with a sweep and without', () => {
    for (const args of [
      ['--tasks', '4', '--limit', '2', '--latency-ms', '5'],
      ['--mode', 'async', '--tasks', '5', '--limit', '3', '--latency-ms', '5', '--sweep'],
      ['--tasks', '3', '--limit', '3', '--latency-ms', '0', '--sweep'],
    ]) {
      const { status, report } = cplayReport('semaphore', args);
      expect(status).toBe(0);
      expectValid(validateSemaphore, report);
      expect(report.max_in_flight as number).toBeLessThanOrEqual(report.limit as number);
    }
  });

  it('refuses a renamed field and a report without its timeline', () => {
    const { report } = cplayReport('semaphore', ['--tasks', '2', '--limit', '1', '--latency-ms', '1']);
    expectRefusesRenamedField(validateSemaphore, report, ['max_in_flight'], 'peak_in_flight');
    expectRefusesMissingField(validateSemaphore, report, ['per_task']);
  });

  describe('wasm', () => {
    const wasm = loadBothBuilds();

    it('matches threads mode in the threads build and async mode in both', () => {
      const runs: Array<[Playground, Json]> = [
        [wasm.threads, { tasks: 4, limit: 2, latency_ms: 5 }],
        [wasm.threads, { mode: 'async', tasks: 5, limit: 2, latency_ms: 5, sweep: true }],
        [wasm.single, { mode: 'async', tasks: 6, limit: 3, latency_ms: 5 }],
      ];
      for (const [module, options] of runs) {
        const report = JSON.parse(module.raw.semaphore(JSON.stringify(options))) as Json;
        expectValid(validateSemaphore, report);
        expect((report.platform as Json).variant).toBe(module.variant);
        expect(report.max_in_flight as number).toBeLessThanOrEqual(options.limit as number);
      }
    });

    it('answers error reports: threads need the threads build, tasks past the pool, a range named', () => {
      expectErrorReport(wasm.single.raw.semaphore('{}'), 'needs threads');
      expectErrorReport(wasm.threads.raw.semaphore('{"tasks": 64, "limit": 64, "latency_ms": 1}'), "the size of this module's thread pool");
      const range = JSON.parse(wasm.single.raw.semaphore('{"mode": "async", "tasks": 2, "limit": 3}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--limit must be an integer from 1 to --tasks (2) (got 3)' });
    });
  });
});
