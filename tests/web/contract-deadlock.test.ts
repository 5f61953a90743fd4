// The deadlock experiment's report schema (docs/schema/deadlock-report.schema.json) held against
// the real thing: cplay deadlock --json in both modes and strategies, and the wasm threads build's
// deadlock(); the single build and bad input answer error reports; the schema refuses a renamed
// field and a report without its cycle.
import { spawnSync } from 'node:child_process';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createContractAjv, schemaId } from '../../scripts/contract/ajv';
import { loadPlayground, type Playground } from '../../wasm/js/loader';
import { CPLAY } from './e2e-support/server';

const ajv = createContractAjv();
const validateDeadlock = ajv.getSchema(schemaId('deadlock-report.schema.json')) as ValidateFunction;
const validateError = ajv.getSchema(schemaId('error-report.schema.json')) as ValidateFunction;

function expectValid(validate: ValidateFunction, value: unknown): void {
  expect(validate(value), `${JSON.stringify(validate.errors)}\nin ${JSON.stringify(value).slice(0, 400)}`).toBe(true);
}

function cplayDeadlock(args: string[]): { status: number | null; report: Record<string, unknown> } {
  const out = spawnSync(CPLAY, ['deadlock', ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, report: JSON.parse(out.stdout) as Record<string, unknown> };
}

describe('deadlock report schema', () => {
  it('matches cplay deadlock --json in threads and processes, each order and strategy', () => {
    for (const args of [
      ['--hold-ms', '40', '--rounds', '1'],
      ['--mode', 'processes', '--workers', '3', '--hold-ms', '40', '--rounds', '1'],
      ['--order', 'consistent', '--hold-ms', '2'],
      ['--mode', 'processes', '--strategy', 'try-lock', '--hold-ms', '10'],
    ]) {
      const { status, report } = cplayDeadlock(args);
      expectValid(validateDeadlock, report);
      // Exit 1 exactly when the report says it deadlocked.
      expect(status).toBe(report.deadlock ? 1 : 0);
    }
  });

  it('refuses a renamed field and a report without its cycle', () => {
    const { report } = cplayDeadlock(['--order', 'consistent', '--hold-ms', '1', '--rounds', '1']);
    const { retries, ...renamed } = report;
    expect(validateDeadlock({ ...renamed, retry_count: retries })).toBe(false);
    const { cycle: _cycle, ...noCycle } = report;
    expect(validateDeadlock(noCycle)).toBe(false);
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

    it('matches the threads build, deadlocked and not', () => {
      for (const options of [{ hold_ms: 40, rounds: 1 }, { strategy: 'try-lock', hold_ms: 10 }]) {
        const report = JSON.parse(threads.raw.deadlock(JSON.stringify(options))) as Record<string, unknown>;
        expectValid(validateDeadlock, report);
        expect((report.platform as Record<string, unknown>).variant).toBe('threads');
      }
    });

    it('answers error reports: threads needed, processes native only, a range named', () => {
      const needsThreads = JSON.parse(single.raw.deadlock('{}'));
      expectValid(validateError, needsThreads);
      expect(needsThreads.error.message).toContain('needs threads');
      const processes = JSON.parse(threads.raw.deadlock('{"mode": "processes"}'));
      expectValid(validateError, processes);
      expect(processes.error.message).toContain('natively only');
      const range = JSON.parse(threads.raw.deadlock('{"rounds": 0}'));
      expect(range.error).toEqual({ code: 'invalid-argument', message: '--rounds must be an integer from 1 to 100 (got 0)' });
    });
  });
});
