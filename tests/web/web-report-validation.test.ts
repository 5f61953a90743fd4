import { describe, expect, it } from 'vitest';
import { resultDifference, sameWorkload } from '../../web/src/model/request';
import type { Report } from '../../web/src/model/types';
import { validateReport } from '../../web/src/model/validate-report';
import { parseReportFile } from '../../web/src/native/report-file';
import { ReferenceStore } from '../../web/src/native/reference-store';

function primesReport(overrides: Partial<Report> = {}): Report {
  return {
    schema: 1,
    demo: 'primes',
    mode: 'threads',
    start_method: null,
    workers: 2,
    params: { limit: 100000, algorithm: 'trial' },
    result: { count: 9592, largest: 99991 },
    wall_ms: 12.5,
    spans: [{ worker: 0, pid: 10, tid: 11, start_ms: 0.1, end_ms: 5, items: 50000 }],
    events: [{ worker: 0, state: 'running', start_ms: 0.1, end_ms: 5 }],
    platform: { runtime: 'native', os: 'linux', cores: 2, compiler: 'gcc 12.2.0' },
    ...overrides,
  };
}

describe('report validation', () => {
  it('accepts a well-formed report', () => {
    expect(validateReport(primesReport())).toEqual({ ok: true, report: primesReport() });
  });

  it('names each problem it finds', () => {
    const bad = { ...primesReport(), schema: 2, mode: 'fibers', wall_ms: -1, result: { count: 1 } };
    const checked = validateReport(bad);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems).toEqual(
      expect.arrayContaining(['schema must be 1', expect.stringMatching(/^mode must be one of/), 'wall_ms must be >= 0', 'result.largest is missing']),
    );
  });

  it('rejects spans that end before they start and events in unknown states', () => {
    const checked = validateReport(
      primesReport({
        spans: [{ worker: 0, pid: 1, tid: 1, start_ms: 5, end_ms: 1, items: 0 }],
        events: [{ worker: 0, state: 'sleeping' as never, start_ms: 0, end_ms: 1 }],
      }),
    );
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems).toEqual(['events[0].state must be one of running, waiting, gil-wait, starting', 'spans[0] ends before it starts']);
  });

  it('treats an error report as not a report, with its message', () => {
    const checked = validateReport({ schema: 1, error: { code: 'invalid-argument', message: '--limit must be …' } });
    expect(checked).toEqual({ ok: false, problems: ['this is an error report: --limit must be …'] });
  });
});

describe('report files', () => {
  it('reads one report, an array, JSON Lines and a reference bundle', () => {
    const one = JSON.stringify(primesReport());
    expect(parseReportFile(one).reports).toHaveLength(1);
    expect(parseReportFile(`[${one},${one}]`).reports).toHaveLength(2);
    expect(parseReportFile(`${one}\n\n${one}\n`).reports).toHaveLength(2);
    const bundle = parseReportFile(JSON.stringify({ machine: { cpu_model: 'Test CPU', cores: 8 }, reports: [primesReport()] }));
    expect(bundle.machine).toMatchObject({ cpu_model: 'Test CPU', cores: 8 });
    expect(bundle.reports).toHaveLength(1);
  });

  it('keeps the valid entries and says which ones it skipped', () => {
    const file = parseReportFile(`${JSON.stringify(primesReport())}\n{"schema":1}`);
    expect(file.reports).toHaveLength(1);
    expect(file.rejected[0]?.where).toBe('line 2');
  });

  it('refuses text that is not JSON', () => {
    expect(() => parseReportFile('not json\n')).toThrow(/line 1 is not JSON/);
    expect(() => parseReportFile('  ')).toThrow(/empty/);
  });

  it('finds stored reports only for the same workload, dropped files first', () => {
    const store = new ReferenceStore();
    store.addDropped('mine.json', JSON.stringify([primesReport({ wall_ms: 1 }), primesReport({ workers: 1, wall_ms: 2 })]));
    const request = { demo: 'primes' as const, mode: 'threads' as const, workers: 2, params: { limit: 100000, algorithm: 'trial' } };
    expect(store.find(request)?.value.wall_ms).toBe(1);
    expect(store.find({ ...request, params: { limit: 100001, algorithm: 'trial' } })).toBeNull();
    expect(store.findSweep(request)?.value.map((r) => r.workers)).toEqual([1, 2]);
    expect(() => store.addDropped('empty.json', '[]')).toThrow(/no valid report/);
  });
});

describe('comparing two sides', () => {
  it('ignores print and repeat counts when matching workloads', () => {
    const a = { demo: 'race' as const, mode: 'threads' as const, workers: 2, params: { increments: 5, sync: 'none', runs: 20 } };
    expect(sameWorkload(a, { ...a, params: { increments: 5, sync: 'none', runs: 1 } })).toBe(true);
    expect(sameWorkload(a, { ...a, workers: 3 })).toBe(false);
  });

  it('takes a race without shared memory by its children’s copies, and wants lost updates otherwise', () => {
    const race = {
      ...primesReport(),
      demo: 'race' as const,
      mode: 'processes' as const,
      start_method: 'fork' as const,
      params: { increments: 5, sync: 'none', shared_memory: false, runs: 1 },
    };
    const copies = { expected: 10, final: 0, sync: 'none', increments_done: 10, shared_memory: false, child_finals: [5, 5] };
    expect(validateReport({ ...race, result: copies }).ok).toBe(true);
    const shared = { ...race, params: { ...race.params, shared_memory: true } };
    expect(validateReport({ ...shared, result: { expected: 10, final: 10, sync: 'none', increments_done: 10, shared_memory: true } })).toEqual({
      ok: false,
      problems: ['result.lost is missing'],
    });
    // The children's copies are exact, so both sides must agree on them.
    const a = { ...race, result: copies };
    expect(resultDifference(a, { ...a, result: { ...a.result, child_finals: [5, 4] } })).toMatch(/^child_finals/);
  });

  it('does not expect lost updates to match, only the expected total', () => {
    const base = { ...primesReport(), demo: 'race' as const, params: { increments: 5, sync: 'none' } };
    const a = { ...base, result: { expected: 10, final: 9, lost: 1, sync: 'none' } };
    const b = { ...base, result: { expected: 10, final: 7, lost: 3, sync: 'none' } };
    expect(resultDifference(a, b)).toBeNull();
    expect(resultDifference(a, { ...b, result: { ...b.result, expected: 11 } })).toMatch(/^expected/);
    expect(resultDifference(primesReport(), primesReport({ result: { count: 9591, largest: 99991 } }))).toMatch(/^count/);
  });
});
