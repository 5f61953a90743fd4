// The async control experiment's report schema (docs/schema/async-report.schema.json) held against
// the real thing: cplay async --json for each scenario and both syncs; the schema refuses a
// renamed outcome field and a run without its timeline. Both wasm builds' asyncControl() give
// the same deterministic outcomes (wasm parity), and error reports for bad input.
import { describe, expect, it } from 'vitest';

import { contractSchema, cplayReport, expectRefusesMissingField, expectRefusesRenamedField, expectValid, type Json } from './contract-support';
import { loadBothBuilds } from './wasm-builds';

const validateAsync = contractSchema('async-report.schema.json');
const validateError = contractSchema('error-report.schema.json');

type Run = { scenario: string; events: unknown[]; outcome: Record<string, unknown> };

describe('async report schema', () => {
  it('matches cplay async --json for every scenario, losing updates (exit 1) and with a lock (exit 0)', () => {
    const lossy = cplayReport('async', ['--tasks', '3', '--latency-ms', '6', '--timeout-ms', '2', '--increments', '2']);
    expect(lossy.status).toBe(1);
    expectValid(validateAsync, lossy.report);
    const runs = lossy.report.runs as Run[];
    expect(runs.map((run) => run.scenario)).toEqual(['gather', 'cancel', 'timeout', 'race']);
    expect(runs[3]?.outcome).toEqual({ sync: 'none', expected: 6, final: 2, lost: 4 });
    const locked = cplayReport('async', ['--scenario', 'race', '--sync', 'lock', '--tasks', '3', '--increments', '2']);
    expect(locked.status).toBe(0);
    expectValid(validateAsync, locked.report);
    expect((locked.report.runs as Run[])[0]?.outcome).toEqual({ sync: 'lock', expected: 6, final: 6, lost: 0 });
    const inTime = cplayReport('async', ['--scenario', 'timeout', '--latency-ms', '0', '--timeout-ms', '500']);
    expect(inTime.status).toBe(0);
    expectValid(validateAsync, inTime.report);
    expect((inTime.report.runs as Run[])[0]?.outcome.timed_out_at_ms).toBeNull();
  });

  it('refuses a renamed outcome field and a run without its timeline', () => {
    const { report } = cplayReport('async', ['--scenario', 'race', '--tasks', '2', '--increments', '1']);
    // --scenario race gives one run: the one the edits below change.
    expect(report.runs).toHaveLength(1);
    expectRefusesRenamedField(validateAsync, report, ['runs', 0, 'outcome', 'final'], 'total');
    expectRefusesMissingField(validateAsync, report, ['runs', 0, 'events']);
  });

  describe('wasm', () => {
    const wasm = loadBothBuilds();

    it('gives the native outcomes in both builds', () => {
      const options = { tasks: 3, latency_ms: 6, timeout_ms: 2, increments: 2 };
      const native = cplayReport('async', ['--tasks', '3', '--latency-ms', '6', '--timeout-ms', '2', '--increments', '2']).report;
      // What does not depend on the clock: results, order, cleanup, the race's counts.
      const deterministic = (report: Record<string, unknown>) =>
        (report.runs as Run[]).map((run) => {
          const { cancelled_at_ms: _c, timed_out_at_ms: _t, ...outcome } = run.outcome;
          return { scenario: run.scenario, outcome, kinds: run.events.map((e) => (e as { kind: string }).kind).join(' ') };
        });
      for (const module of [wasm.threads, wasm.single]) {
        const report = JSON.parse(module.raw.asyncControl(JSON.stringify(options))) as Json;
        expectValid(validateAsync, report);
        expect((report.platform as Json).variant).toBe(module.variant);
        expect(deterministic(report)).toEqual(deterministic(native));
      }
    });

    it('answers an error report naming the range', () => {
      const range = JSON.parse(wasm.single.raw.asyncControl('{"tasks": 9}'));
      expectValid(validateError, range);
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--tasks must be an integer from 1 to 8 (got 9)' });
      const typed = wasm.threads.asyncControl({ scenario: 'race', sync: 'lock', tasks: 2, increments: 3 });
      expect('runs' in typed && typed.runs[0]?.outcome).toEqual({ sync: 'lock', expected: 6, final: 6, lost: 0 });
    });
  });
});
