// The barrier experiment's report schema (docs/schema/barrier-report.schema.json) held against
// the real thing: cplay barrier --json with each sync, and the wasm threads build's barrier(); the
// single build and bad input answer error reports; the schema refuses a renamed field and a
// report without its verdict.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { CPLAY } from './e2e-support/server';
import { contractSchema, cplayReport, expectErrorReport, expectRefusesMissingField, expectRefusesRenamedField, expectValid, type Json } from './contract-support';
import { loadBothBuilds } from './wasm-builds';

const validateBarrier = contractSchema('barrier-report.schema.json');

describe('barrier report schema', () => {
  it('matches cplay barrier --json with a barrier, joins per phase and no waiting', () => {
    for (const sync of ['barrier', 'join', 'none']) {
      const { status, report } = cplayReport('barrier', ['--sync', sync, '--workers', '3', '--phases', '3', '--work-ms', '1', '--skew-ms', '5']);
      expectValid(validateBarrier, report);
      expect(report.sync).toBe(sync);
      // Exit 1 exactly when the report says the answer is wrong.
      expect(status).toBe(report.correct ? 0 : 1);
      expect((report.phase_costs as unknown[]).length).toBe(sync === 'join' ? 3 : 0);
    }
  });

  it('matches cplay barrier --mode mpi: ranks as workers, MPI_Barrier between phases, the same reference', () => {
    const shape = ['--workers', '3', '--phases', '3', '--work-ms', '1', '--skew-ms', '5'];
    const threads = cplayReport('barrier', shape).report;
    for (const sync of ['barrier', 'none']) {
      const { status, report } = cplayReport('barrier', ['--mode', 'mpi', '--sync', sync, ...shape]);
      expectValid(validateBarrier, report);
      expect(status).toBe(report.correct ? 0 : 1);
      expect(report.reference_checksum).toBe(threads.reference_checksum);
      const mpi = report.mpi as { library: string; hosts: string[] };
      expect(mpi.hosts).toHaveLength(3);
      const waits = (report.events as { worker: number; state: string }[]).filter((event) => event.state === 'waiting');
      // With the barrier every rank waits once per phase; without it none ever does.
      expect(waits.length).toBe(sync === 'barrier' ? 3 * 3 : 0);
      if (sync === 'barrier') expect(report.correct).toBe(true);
    }
    expect(threads.mpi).toBeUndefined();
    const join = spawnSync(CPLAY, ['barrier', '--mode', 'mpi', '--sync', 'join'], { encoding: 'utf8' });
    expect(join.status).toBe(2);
    expect(join.stderr).toContain('--sync join is not available in mode mpi');
  });

  it('refuses a renamed field and a report without its check', () => {
    const { report } = cplayReport('barrier', ['--workers', '2', '--phases', '1', '--work-ms', '0', '--skew-ms', '0']);
    expectRefusesRenamedField(validateBarrier, report, ['stale_reads'], 'stale');
    expectRefusesMissingField(validateBarrier, report, ['correct']);
  });

  describe('wasm', () => {
    const wasm = loadBothBuilds();

    it('matches the threads build with each sync, the same answer as natively', () => {
      const options = { workers: 3, phases: 3, work_ms: 1, skew_ms: 2 };
      const native = cplayReport('barrier', ['--workers', '3', '--phases', '3', '--work-ms', '1', '--skew-ms', '2']).report;
      for (const sync of ['barrier', 'join', 'none']) {
        const report = JSON.parse(wasm.threads.raw.barrier(JSON.stringify({ ...options, sync }))) as Json;
        expectValid(validateBarrier, report);
        expect((report.platform as Json).variant).toBe('threads');
        expect(report.reference_checksum).toBe(native.reference_checksum);
        expect(report.correct).toBe(report.stale_reads === 0);
      }
    });

    it('answers error reports: threads needed, a range named, workers past the pool', () => {
      expectErrorReport(wasm.single.raw.barrier('{}'), 'needs threads');
      const range = JSON.parse(wasm.threads.raw.barrier('{"phases": 51}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--phases must be an integer from 1 to 50 (got 51)' });
      expectErrorReport(wasm.threads.raw.barrier('{"workers": 16, "skew_ms": 0}'), "the size of this module's thread pool");
    });
  });
});
