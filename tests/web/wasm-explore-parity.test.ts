// Explorer parity: the same requests give the same outcome tables (labels, schedule counts,
// witnesses, states) and the same replays from the native CLI (cplay explore --json) and from
// explore() in both wasm builds; bad input and the state limit answer the CLI's words.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

import { isErrorReport } from '../../wasm/js/types';
import { CPLAY } from './e2e-support/server';
import { loadBothBuilds } from './wasm-builds';

type Request = { scenario: string } & Record<string, string | number>;

function cliArgs({ scenario, ...options }: Request): string[] {
  return ['explore', scenario, ...Object.entries(options).flatMap(([key, value]) => [`--${key}`, String(value)]), '--json'];
}

function nativeExplore(request: Request): { status: number | null; json: unknown; stderr: string } {
  const out = spawnSync(CPLAY, cliArgs(request), { encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, json: out.status === 0 ? JSON.parse(out.stdout) : null, stderr: out.stderr };
}

/** The report less its time, which differs run to run. */
function counted(report: unknown): unknown {
  const { wall_ms: _wall, ...rest } = report as Record<string, unknown>;
  return rest;
}

const EXPLORATIONS: Request[] = [
  { scenario: 'race', workers: 2, increments: 1 },
  { scenario: 'race', workers: 2, increments: 2 },
  { scenario: 'race', workers: 3, increments: 2, sync: 'none' },
  { scenario: 'race', workers: 3, increments: 3, sync: 'none' },
  { scenario: 'race', workers: 2, increments: 3, sync: 'lock' },
  { scenario: 'race', workers: 3, increments: 2, sync: 'atomic' },
  { scenario: 'deadlock', workers: 2, order: 'opposite' },
  { scenario: 'deadlock', workers: 3, order: 'consistent' },
  { scenario: 'deadlock', workers: 2, strategy: 'try-lock', attempts: 2 },
  { scenario: 'async-race', workers: 2, increments: 2, sync: 'none' },
  { scenario: 'barrier', workers: 3, phases: 2, sync: 'none' },
];

const REPLAYS: Request[] = [
  { scenario: 'race', workers: 2, increments: 2, schedule: '0,1,0,1' },
  { scenario: 'race', workers: 2, increments: 2, schedule: '0,0,0,1,1,1,1,0' },
  { scenario: 'deadlock', workers: 2, schedule: '0,1' },
  { scenario: 'async-race', workers: 2, increments: 1, schedule: '0,1,0' },
];

describe('explore: wasm and native', () => {
  const builds = loadBothBuilds();

  it('explore every schedule to the same outcome table', () => {
    for (const request of EXPLORATIONS) {
      const native = nativeExplore(request);
      expect(native.status, native.stderr).toBe(0);
      for (const build of [builds.single, builds.threads]) {
        const wasm: unknown = JSON.parse(build.raw.explore(JSON.stringify(request)));
        if (isErrorReport(wasm)) throw new Error(`${JSON.stringify(request)}: ${wasm.error.message}`);
        expect(counted(wasm), `${build.variant} ${JSON.stringify(request)}`).toEqual(counted(native.json));
      }
    }
  });

  it('replay a schedule to the same steps and final state, with the schedule as text or an array', () => {
    for (const request of REPLAYS) {
      const native = nativeExplore(request);
      expect(native.status, native.stderr).toBe(0);
      const asArray = { ...request, schedule: String(request.schedule).split(',').map(Number) };
      for (const wasmRequest of [request, asArray]) {
        const wasm: unknown = JSON.parse(builds.single.raw.explore(JSON.stringify(wasmRequest)));
        expect(wasm, JSON.stringify(wasmRequest)).toEqual(native.json);
      }
    }
    // The empty schedule is the start: everyone can move, nothing has run.
    const start = JSON.parse(builds.single.raw.explore(JSON.stringify({ scenario: 'race', workers: 3, schedule: [] }))) as Record<string, unknown>;
    expect(start.can_still_move).toEqual([0, 1, 2]);
    expect(start.steps).toEqual([]);
  });

  it('refuses what the CLI refuses, in the same words', () => {
    const bad: Request[] = [
      { scenario: 'race', workers: 4, increments: 4 }, // over the state limit
      { scenario: 'race', workers: 9 },
      { scenario: 'race', sync: 'maybe' },
      { scenario: 'deadlock', workers: 2, schedule: '0,1,0' }, // worker 0 waits for B
    ];
    for (const request of bad) {
      const native = nativeExplore(request);
      expect(native.status, JSON.stringify(request)).toBe(2);
      const wasm: unknown = JSON.parse(builds.single.raw.explore(JSON.stringify(request)));
      if (!isErrorReport(wasm)) throw new Error(`${JSON.stringify(request)} was not refused`);
      expect(native.stderr, JSON.stringify(request)).toContain(wasm.error.message);
    }
    const unknown: unknown = JSON.parse(builds.single.raw.explore('{"scenario": "philosophers"}'));
    expect(isErrorReport(unknown) && unknown.error.message).toContain('scenario');
    expect(isErrorReport(JSON.parse(builds.single.raw.explore('not json')))).toBe(true);
  });
});
