// The semaphore experiment's report schema (docs/schema/semaphore-report.schema.json) held against
// the real thing: cplay semaphore --json in both modes, with and without a sweep; the schema
// refuses a renamed field and a report without its timeline.
import { spawnSync } from 'node:child_process';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';

import { createContractAjv, schemaId } from '../../scripts/contract/ajv';
import { CPLAY } from './e2e-support/server';

const ajv = createContractAjv();
const validateSemaphore = ajv.getSchema(schemaId('semaphore-report.schema.json')) as ValidateFunction;

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
});
