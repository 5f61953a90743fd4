// io --source http against the contract: the native reports of every mode and start method match
// report.schema.json, and its branches are tight: an http report must carry fetches, total_bytes
// and intact, a sleeping one none of them, and bytes comes only with the http source.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { contractSchema, expectRefusesMissingField, expectValid } from './contract-support';
import { CPLAY } from './e2e-support/server';

const validateReport = contractSchema('report.schema.json');
const validateRequest = contractSchema('request.schema.json');

function cplayJson(args: string[]): Record<string, unknown> {
  const run = spawnSync(CPLAY, args, { encoding: 'utf8', timeout: 30_000 });
  expect(run.status, run.stderr + run.stdout).toBe(0);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('io --source http and the report schema', () => {
  const MODES = [['sequential'], ['threads'], ['gil-threads'], ['async'], ['processes', '--start-method', 'fork'], ['processes', '--start-method', 'spawn']];

  it.each(MODES.map((mode) => [mode.join(' '), mode] as const))('cplay io --source http --mode %s matches it', (_, mode) => {
    const report = cplayJson(['io', '--source', 'http', '--tasks', '2', '--latency-ms', '5', '--bytes', '3000', '--json', '--mode', ...mode]);
    expectValid(validateReport, report);
    expect(report.result).toMatchObject({ tasks: 2, completed: 2, total_bytes: 6000, intact: true });
  });

  it('is tight: fetches only and always with the http source', () => {
    const http = cplayJson(['io', '--source', 'http', '--tasks', '1', '--latency-ms', '0', '--bytes', '10', '--json']);
    const sleeping = cplayJson(['io', '--tasks', '1', '--latency-ms', '0', '--json']);
    expectValid(validateReport, sleeping);
    expectRefusesMissingField(validateReport, http, ['result', 'fetches']);
    expect(validateReport({ ...sleeping, result: { ...(sleeping.result as object), total_bytes: 0 } })).toBe(false);
    expectRefusesMissingField(validateReport, http, ['params', 'bytes']);
    expect(validateRequest({ demo: 'io', params: { bytes: 10 } })).toBe(false);
    expect(validateRequest({ demo: 'io', params: { source: 'http', bytes: 10 } })).toBe(true);
    expect(validateRequest({ demo: 'io', params: { source: 'http', bytes: 1_048_577 } })).toBe(false);
  });
});
