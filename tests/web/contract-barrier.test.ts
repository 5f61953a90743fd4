// The barrier experiment's report schema (docs/schema/barrier-report.schema.json) held against
// the real thing: cplay barrier --json with each sync, and the wasm threads build's barrier(); the
// single build and bad input answer error reports; the schema refuses a renamed field and a
// report without its verdict.
import { spawnSync } from 'node:child_process';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContractAjv, schemaId } from '../../scripts/contract/ajv';
import { loadPlayground, type Playground } from '../../wasm/js/loader';
import { CPLAY } from './e2e-support/server';

const ajv = createContractAjv();
const validateBarrier = ajv.getSchema(schemaId('barrier-report.schema.json')) as ValidateFunction;
const validateError = ajv.getSchema(schemaId('error-report.schema.json')) as ValidateFunction;

function expectValid(validate: ValidateFunction, value: unknown): void {
  expect(validate(value), `${JSON.stringify(validate.errors)}\nin ${JSON.stringify(value).slice(0, 400)}`).toBe(true);
}

function cplayBarrier(args: string[]): { status: number | null; report: Record<string, unknown> } {
  const out = spawnSync(CPLAY, ['barrier', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, report: JSON.parse(out.stdout) as Record<string, unknown> };
}

describe('barrier report schema', () => {
  it('matches cplay barrier --json with a barrier, joins per phase and no waiting', () => {
    for (const sync of ['barrier', 'join', 'none']) {
      const { status, report } = cplayBarrier(['--sync', sync, '--workers', '3', '--phases', '3', '--work-ms', '1', '--skew-ms', '5']);
      expectValid(validateBarrier, report);
      expect(report.sync).toBe(sync);
      // Exit 1 exactly when the report says the answer is wrong.
      expect(status).toBe(report.correct ? 0 : 1);
      expect((report.phase_costs as unknown[]).length).toBe(sync === 'join' ? 3 : 0);
    }
  });

  it('refuses a renamed field and a report without its check', () => {
    const { report } = cplayBarrier(['--workers', '2', '--phases', '1', '--work-ms', '0', '--skew-ms', '0']);
    const { stale_reads, ...renamed } = report;
    expect(validateBarrier({ ...renamed, stale: stale_reads })).toBe(false);
    const { correct: _correct, ...noVerdict } = report;
    expect(validateBarrier(noVerdict)).toBe(false);
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

    it('matches the threads build with each sync, the same answer as natively', () => {
      const options = { workers: 3, phases: 3, work_ms: 1, skew_ms: 2 };
      const native = cplayBarrier(['--workers', '3', '--phases', '3', '--work-ms', '1', '--skew-ms', '2']).report;
      for (const sync of ['barrier', 'join', 'none']) {
        const report = JSON.parse(threads.raw.barrier(JSON.stringify({ ...options, sync }))) as Record<string, unknown>;
        expectValid(validateBarrier, report);
        expect((report.platform as Record<string, unknown>).variant).toBe('threads');
        expect(report.reference_checksum).toBe(native.reference_checksum);
        expect(report.correct).toBe(report.stale_reads === 0);
      }
    });

    it('answers error reports: threads needed, a range named, workers past the pool', () => {
      const needsThreads = JSON.parse(single.raw.barrier('{}'));
      expectValid(validateError, needsThreads);
      expect(needsThreads.error.message).toContain('needs threads');
      const range = JSON.parse(threads.raw.barrier('{"phases": 51}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--phases must be an integer from 1 to 50 (got 51)' });
      const pool = JSON.parse(threads.raw.barrier('{"workers": 16, "skew_ms": 0}'));
      expectValid(validateError, pool);
      expect(pool.error.message).toContain("the size of this module's thread pool");
    });
  });
});
