// The schedule explorer's report schema (docs/schema/explore-report.schema.json) held against the
// real thing: cplay explore --json for every scenario, explored and replayed; the schema refuses
// a renamed field, an exploration without its counts, and a document that is both kinds at once.
import { describe, expect, it } from 'vitest';

import { contractSchema, cplayReport, expectRefusesMissingField, expectRefusesRenamedField, expectValid, type Json } from './contract-support';

const validateExplore = contractSchema('explore-report.schema.json');

const SCENARIOS: [string, string[]][] = [
  ['race', ['--workers', '2', '--increments', '2', '--sync', 'none']],
  ['race', ['--workers', '3', '--increments', '1', '--sync', 'atomic']],
  ['async-race', ['--workers', '2', '--increments', '2', '--sync', 'lock']],
  ['deadlock', ['--workers', '3', '--order', 'opposite', '--strategy', 'try-lock', '--attempts', '2']],
  ['barrier', ['--workers', '2', '--phases', '2', '--sync', 'none']],
];

describe('explore report schema', () => {
  it('matches every scenario explored, and each witness replayed', () => {
    for (const [scenario, args] of SCENARIOS) {
      const { status, report } = cplayReport('explore', [scenario, ...args]);
      expect(status).toBe(0);
      expectValid(validateExplore, report);
      expect(report.scenario).toBe(scenario);
      for (const outcome of report.outcomes as { label: string; witness: number[] }[]) {
        const replayed = cplayReport('explore', [scenario, ...args, '--schedule', outcome.witness.join(',')]);
        expect(replayed.status).toBe(0);
        expectValid(validateExplore, replayed.report);
        expect(replayed.report.outcome).toBe(outcome.label);
      }
    }
  });

  it('matches a replay that stops half-way', () => {
    const { report } = cplayReport('explore', ['deadlock', '--schedule', '0']);
    expectValid(validateExplore, report);
    expect(report.outcome).toBeNull();
    expect(report.can_still_move).toEqual([0, 1]);
  });

  it('refuses a renamed field, missing counts, and both kinds in one document', () => {
    const { report } = cplayReport('explore', ['race', '--workers', '2', '--increments', '1']);
    expectRefusesRenamedField(validateExplore, report, ['outcomes', 0, 'witness'], 'schedule');
    expectRefusesMissingField(validateExplore, report, ['states']);
    const replayed = cplayReport('explore', ['race', '--workers', '2', '--increments', '1', '--schedule', '0,1,0,1']).report;
    expect(validateExplore({ ...report, ...replayed } as Json)).toBe(false);
  });
});
