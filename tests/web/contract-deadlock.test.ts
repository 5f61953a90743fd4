// The deadlock experiment's report schema (docs/schema/deadlock-report.schema.json) held against
// the real thing: cplay deadlock --json in both modes and strategies, and the wasm threads build's
// deadlock(); the single build and bad input answer error reports; the schema refuses a renamed
// field and a report without its cycle.
import { describe, expect, it } from 'vitest';

import { contractSchema, cplayReport, expectErrorReport, expectRefusesMissingField, expectRefusesRenamedField, expectValid, type Json } from './contract-support';
import { loadBothBuilds } from './wasm-builds';

const validateDeadlock = contractSchema('deadlock-report.schema.json');

describe('deadlock report schema', () => {
  it('matches cplay deadlock --json in threads and processes, each order and strategy', () => {
    for (const args of [
      ['--hold-ms', '40', '--rounds', '1'],
      ['--mode', 'processes', '--workers', '3', '--hold-ms', '40', '--rounds', '1'],
      ['--order', 'consistent', '--hold-ms', '2'],
      ['--mode', 'processes', '--strategy', 'try-lock', '--hold-ms', '10'],
    ]) {
      const { status, report } = cplayReport('deadlock', args);
      expectValid(validateDeadlock, report);
      // Exit 1 exactly when the report says it deadlocked.
      expect(status).toBe(report.deadlock ? 1 : 0);
    }
  });

  it('refuses a renamed field and a report without its cycle', () => {
    const { report } = cplayReport('deadlock', ['--order', 'consistent', '--hold-ms', '1', '--rounds', '1']);
    expectRefusesRenamedField(validateDeadlock, report, ['retries'], 'retry_count');
    expectRefusesMissingField(validateDeadlock, report, ['cycle']);
  });

  describe('wasm', () => {
    const wasm = loadBothBuilds();

    it('matches the threads build, deadlocked and not', () => {
      for (const options of [{ hold_ms: 40, rounds: 1 }, { strategy: 'try-lock', hold_ms: 10 }]) {
        const report = JSON.parse(wasm.threads.raw.deadlock(JSON.stringify(options))) as Json;
        expectValid(validateDeadlock, report);
        expect((report.platform as Json).variant).toBe('threads');
      }
    });

    it('answers error reports: threads needed, processes native only, a range named', () => {
      expectErrorReport(wasm.single.raw.deadlock('{}'), 'needs threads');
      expectErrorReport(wasm.threads.raw.deadlock('{"mode": "processes"}'), 'natively only');
      const range = JSON.parse(wasm.threads.raw.deadlock('{"rounds": 0}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--rounds must be an integer from 1 to 100 (got 0)' });
    });
  });
});
