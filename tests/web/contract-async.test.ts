// The async control experiment's report schema (docs/schema/async-report.schema.json) held against
// the real thing: cplay async --json for each scenario and both syncs; the schema refuses a
// renamed outcome field and a run without its timeline. Both wasm builds' asyncControl() give
// the same deterministic outcomes (wasm parity), and error reports for bad input.
import { spawnSync } from 'node:child_process';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContractAjv, schemaId } from '../../scripts/contract/ajv';
import { loadPlayground, type Playground } from '../../wasm/js/loader';
import { CPLAY } from './e2e-support/server';

const ajv = createContractAjv();
const validateAsync = ajv.getSchema(schemaId('async-report.schema.json')) as ValidateFunction;
const validateError = ajv.getSchema(schemaId('error-report.schema.json')) as ValidateFunction;

function expectValid(value: unknown): void {
  expect(validateAsync(value), `${JSON.stringify(validateAsync.errors)}\nin ${JSON.stringify(value).slice(0, 400)}`).toBe(true);
}

function cplayAsync(args: string[]): { status: number | null; report: Record<string, unknown> } {
  const out = spawnSync(CPLAY, ['async', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, report: JSON.parse(out.stdout) as Record<string, unknown> };
}

type Run = { scenario: string; events: unknown[]; outcome: Record<string, unknown> };

describe('async report schema', () => {
  it('matches cplay async --json for every scenario, losing updates (exit 1) and with a lock (exit 0)', () => {
    const lossy = cplayAsync(['--tasks', '3', '--latency-ms', '6', '--timeout-ms', '2', '--increments', '2']);
    expect(lossy.status).toBe(1);
    expectValid(lossy.report);
    const runs = lossy.report.runs as Run[];
    expect(runs.map((run) => run.scenario)).toEqual(['gather', 'cancel', 'timeout', 'race']);
    expect(runs[3]?.outcome).toEqual({ sync: 'none', expected: 6, final: 2, lost: 4 });
    const locked = cplayAsync(['--scenario', 'race', '--sync', 'lock', '--tasks', '3', '--increments', '2']);
    expect(locked.status).toBe(0);
    expectValid(locked.report);
    expect((locked.report.runs as Run[])[0]?.outcome).toEqual({ sync: 'lock', expected: 6, final: 6, lost: 0 });
    const inTime = cplayAsync(['--scenario', 'timeout', '--latency-ms', '0', '--timeout-ms', '500']);
    expect(inTime.status).toBe(0);
    expectValid(inTime.report);
    expect((inTime.report.runs as Run[])[0]?.outcome.timed_out_at_ms).toBeNull();
  });

  it('refuses a renamed outcome field and a run without its timeline', () => {
    const { report } = cplayAsync(['--scenario', 'race', '--tasks', '2', '--increments', '1']);
    const run = (report.runs as Run[])[0] as Run;
    const { final, ...renamed } = run.outcome;
    expect(validateAsync({ ...report, runs: [{ ...run, outcome: { ...renamed, total: final } }] })).toBe(false);
    const { events: _events, ...noTimeline } = run;
    expect(validateAsync({ ...report, runs: [noTimeline] })).toBe(false);
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

    it('gives the native outcomes in both builds', () => {
      const options = { tasks: 3, latency_ms: 6, timeout_ms: 2, increments: 2 };
      const native = cplayAsync(['--tasks', '3', '--latency-ms', '6', '--timeout-ms', '2', '--increments', '2']).report;
      // What does not depend on the clock: results, order, cleanup, the race's counts.
      const deterministic = (report: Record<string, unknown>) =>
        (report.runs as Run[]).map((run) => {
          const { cancelled_at_ms: _c, timed_out_at_ms: _t, ...outcome } = run.outcome;
          return { scenario: run.scenario, outcome, kinds: run.events.map((e) => (e as { kind: string }).kind).join(' ') };
        });
      for (const module of [threads, single]) {
        const report = JSON.parse(module.raw.asyncControl(JSON.stringify(options))) as Record<string, unknown>;
        expectValid(report);
        expect((report.platform as Record<string, unknown>).variant).toBe(module.variant);
        expect(deterministic(report)).toEqual(deterministic(native));
      }
    });

    it('answers an error report naming the range', () => {
      const range = JSON.parse(single.raw.asyncControl('{"tasks": 9}'));
      expect(validateError(range)).toBe(true);
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--tasks must be an integer from 1 to 8 (got 9)' });
      const typed = threads.asyncControl({ scenario: 'race', sync: 'lock', tasks: 2, increments: 3 });
      expect('runs' in typed && typed.runs[0]?.outcome).toEqual({ sync: 'lock', expected: 6, final: 6, lost: 0 });
    });
  });
});
