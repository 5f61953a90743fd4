// The contract in docs/schema, held against the real thing: the schemas compile under Ajv's strict
// mode; every demo in every mode, from the native CLI, `cplay serve` and both wasm builds, gives
// reports, requests, shards, infos and error reports that match them; the generated types and
// validators are what the schemas give now; and the schemas do refuse a renamed field, a result
// of another demo, an input out of range.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { readSchemas } from '../../scripts/contract/ajv';
import { generatedFiles, repoPath } from '../../scripts/contract/generated-files';
import { loadPlayground, type Playground } from '../../wasm/js/loader';
import type { Mode, Request, Shard } from '../../wasm/js/types';
import { contractSchema, expectValid } from './contract-support';
import { CPLAY, freePort } from './e2e-support/server';

const validateRequest = contractSchema('request.schema.json');
const validateNormalized = contractSchema('request.schema.json', '/$defs/NormalizedRequest');
const validateReport = contractSchema('report.schema.json');
const validateError = contractSchema('error-report.schema.json');
const validateShard = contractSchema('shard.schema.json');
const validateMachineInfo = contractSchema('machine-info.schema.json');
const validateModuleInfo = contractSchema('module-info.schema.json');

/**
 * Where and why a value fails, each once, or [] when it matches. ("must match then" only wraps
 * the cause, and a param's range is checked both among all params and among its demo's.)
 */
function failures(validate: ValidateFunction, value: unknown): { path: string; keyword: string }[] {
  if (validate(value)) return [];
  const found = (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => JSON.stringify({ path: e.instancePath, keyword: e.keyword }));
  return [...new Set(found)].map((text) => JSON.parse(text) as { path: string; keyword: string });
}

/** A report's head as validate() would give it. */
function headOf(report: Record<string, unknown>): Record<string, unknown> {
  const { demo, mode, workers, start_method, params } = report;
  return { demo, mode, workers, start_method, params };
}

function expectValidReport(report: unknown): void {
  expectValid(validateReport, report);
  expectValid(validateNormalized, headOf(report as Record<string, unknown>));
}

function cplayJson(args: string[]): unknown[] {
  const out = spawnSync(CPLAY, [...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  if (out.status !== 0) throw new Error(`cplay ${args.join(' ')} exited ${out.status}: ${out.stderr}`);
  return out.stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

const nativeReports = (() => {
  let cached: unknown[] | null = null;
  return (): unknown[] => {
    // `compare` runs every mode, processes with fork and with spawn, in one call.
    cached ??= [
      ['compare', 'primes', '--limit', '3000', '--workers', '2'],
      ['compare', 'primes', '--limit', '3000', '--workers', '2', '--algorithm', 'sieve'],
      ['compare', 'factorial', '--n', '300', '--count', '2', '--print'],
      ['compare', 'race', '--increments', '2000', '--sync', 'none'],
      ['compare', 'race', '--increments', '2000', '--sync', 'lock', '--shared-memory'],
      ['compare', 'race', '--increments', '2000', '--sync', 'atomic', '--shared-memory'],
      ['compare', 'io', '--tasks', '2', '--latency-ms', '1'],
      ['race', '--increments', '500', '--runs', '2'],
    ].flatMap(cplayJson);
    return cached;
  };
})();

describe('the schemas', () => {
  it('compile under Ajv strict mode, each with the $id of its file', () => {
    const names = [...readSchemas().keys()];
    expect(names).toEqual(
      expect.arrayContaining(['error-report.schema.json', 'machine-info.schema.json', 'module-info.schema.json', 'report.schema.json', 'request.schema.json', 'shard.schema.json']),
    );
    // createContractAjv() checks every $id and the meta-schema; compiling checks strictness.
    for (const name of names) expect(() => contractSchema(name)).not.toThrow();
  });

  it('give the committed types and validators (npm run contract writes them again)', async () => {
    for (const file of await generatedFiles()) {
      const committed = readFileSync(repoPath(file.path), 'utf8');
      expect(committed === file.text, `${file.path} is out of date: run npm run contract`).toBe(true);
    }
  });

  it('accept every report of the committed native reference', () => {
    const bundle = JSON.parse(readFileSync(repoPath('web/reference/native.json'), 'utf8')) as { reports: unknown[] };
    expect(bundle.reports.length).toBeGreaterThan(0);
    for (const report of bundle.reports) expectValidReport(report);
  });
});

describe('native reports match the schema', () => {
  it('from every demo and mode, both start methods, shared memory or not', () => {
    const reports = nativeReports() as { demo: string; mode: string; start_method: string | null; result: object }[];
    const kinds = new Set(reports.map((r) => `${r.demo} ${r.mode} ${r.start_method ?? ''}`));
    for (const demo of ['primes', 'factorial', 'race', 'io'])
      for (const kind of ['sequential ', 'threads ', 'gil-threads ', 'async ', 'processes fork', 'processes spawn'])
        expect(kinds).toContain(`${demo} ${kind}`);
    // Both shapes of the race's result: each child's copy, and one shared counter.
    expect(reports.some((r) => r.demo === 'race' && 'child_finals' in r.result)).toBe(true);
    expect(reports.some((r) => r.demo === 'race' && r.mode === 'processes' && 'lost' in r.result)).toBe(true);
    for (const report of reports) expectValidReport(report);
  });

  it('cplay info --json', () => {
    const [info] = cplayJson(['info']);
    expectValid(validateMachineInfo, info);
  });
});

describe('cplay serve answers match the schema', () => {
  let server: ChildProcess;
  let base: URL;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cplay-contract-'));
    const port = await freePort();
    base = new URL(`http://127.0.0.1:${port}/`);
    server = spawn(CPLAY, ['serve', '--host', '127.0.0.1', '--port', String(port), '--root', root], { stdio: 'ignore' });
    for (let attempt = 0; ; attempt++) {
      try {
        if ((await fetch(new URL('api/info', base))).ok) return;
      } catch {
        // not listening yet
      }
      if (attempt > 100 || server.exitCode !== null) throw new Error('cplay serve did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  });
  afterAll(() => {
    server?.kill('SIGTERM');
    rmSync(root, { recursive: true, force: true });
  });

  const post = async (path: string, body: string): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(new URL(path, base), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: response.status, body: await response.json() };
  };

  it('GET /api/info', async () => {
    expectValid(validateMachineInfo, await (await fetch(new URL('api/info', base))).json());
  });

  it('POST /api/run: a report, or an error report for bad input', async () => {
    const good = await post('api/run', JSON.stringify({ demo: 'race', mode: 'processes', workers: 2, params: { increments: 100 } }));
    expect(good.status).toBe(200);
    expectValidReport(good.body);
    const answers = [
      await post('api/run', JSON.stringify({ demo: 'primes', params: { limit: 0 } })),
      await post('api/run', '{"demo": '),
      await post('api/cancel', JSON.stringify({ job: 'never-started' })),
      await post('api/nothing-here', '{}'),
    ];
    expect(answers.map((a) => (a.body as { error: { code: string } }).error.code)).toEqual([
      'invalid-argument',
      'invalid-json',
      'unknown-job',
      'not-found',
    ]);
    for (const answer of answers) expectValid(validateError, answer.body);
  });
});

describe('wasm answers match the schema', () => {
  let threads: Playground;
  let single: Playground;
  beforeAll(async () => {
    [threads, single] = await Promise.all([loadPlayground('threads'), loadPlayground('single')]);
  });
  afterAll(() => {
    threads?.shutdown();
    single?.shutdown();
  });

  const REQUESTS: Request[] = [
    { demo: 'primes', workers: 2, params: { limit: 3000 } },
    { demo: 'primes', workers: 2, params: { limit: 3000, algorithm: 'sieve' } },
    { demo: 'factorial', workers: 2, params: { n: 300, count: 2, print: true } },
    { demo: 'race', workers: 2, params: { increments: 2000, sync: 'none' } },
    { demo: 'race', workers: 2, params: { increments: 2000, sync: 'lock' } },
    { demo: 'race', workers: 2, params: { increments: 2000, sync: 'atomic' } },
    { demo: 'io', workers: 2, params: { tasks: 2, latency_ms: 1 } },
  ];

  function runEveryRequest(playground: Playground, modes: Mode[]): void {
    for (const mode of modes) {
      for (const request of REQUESTS) {
        const sent = { ...request, mode, ...(mode === 'gil-threads' ? { params: { ...request.params, switch_interval_ms: 2 } } : {}) };
        expectValid(validateRequest, sent);
        expectValidReport(playground.run(sent));
      }
    }
  }

  it('info() of both builds', () => {
    expectValid(validateModuleInfo, threads.info());
    expectValid(validateModuleInfo, single.info());
  });

  it('the threads build, in each of its modes', () => runEveryRequest(threads, ['sequential', 'threads', 'gil-threads', 'async']));

  it('the single build, in each of its modes', () => runEveryRequest(single, ['sequential', 'async']));

  it('processes as the page runs them: validate(), runShard() per Worker, assemble()', () => {
    for (const request of REQUESTS) {
      const sent: Request = { ...request, mode: 'processes', workers: 3 };
      expectValid(validateRequest, sent);
      const normalized = single.validate(sent);
      expectValid(validateNormalized, normalized);
      const origin = single.nowMs();
      const shards = [0, 1, 2].map((index) => single.runShard(normalized as Request, index, 3, origin));
      for (const shard of shards) expectValid(validateShard, shard);
      expectValidReport(single.assemble(normalized as Request, shards as Shard[], single.nowMs() - origin));
    }
  });

  it('error reports from every function', () => {
    const race = { demo: 'race', mode: 'processes', workers: 2 } as const;
    const answers = [
      threads.run('{"demo": '),
      threads.run({ demo: 'primes', params: { limit: 0 } }),
      threads.run({ demo: 'primes', mode: 'processes', workers: 2 }),
      single.run({ demo: 'primes', mode: 'threads', workers: 2 }),
      single.validate({ demo: 'race', mode: 'processes', params: { shared_memory: true } }),
      single.runShard(race, 5, 2, 0),
      single.assemble(race, [], 1),
    ];
    for (const answer of answers) expectValid(validateError, answer);
  });
});

describe('the schemas refuse what breaks the contract', () => {
  const report = () => structuredClone(nativeReports()[0]) as Record<string, any>;

  it('a required field renamed or removed', () => {
    const renamed = report();
    renamed.result.biggest = renamed.result.largest;
    delete renamed.result.largest;
    expect(failures(validateReport, renamed)).toEqual(
      expect.arrayContaining([
        { path: '/result', keyword: 'required' },
        { path: '/result', keyword: 'additionalProperties' },
      ]),
    );
    const removed = report();
    delete removed.wall_ms;
    expect(failures(validateReport, removed)).toEqual([{ path: '', keyword: 'required' }]);
    const renamedSpanField = report();
    renamedSpanField.spans[0].start = renamedSpanField.spans[0].start_ms;
    delete renamedSpanField.spans[0].start_ms;
    expect(failures(validateReport, renamedSpanField)).toEqual(
      expect.arrayContaining([
        { path: '/spans/0', keyword: 'required' },
        { path: '/spans/0', keyword: 'additionalProperties' },
      ]),
    );
  });

  it("another demo's result", () => {
    const primes = report();
    expect(primes.demo).toBe('primes');
    primes.result = { tasks: 2, completed: 2 };
    const found = failures(validateReport, primes);
    expect(found).toContainEqual({ path: '/result', keyword: 'required' });
    expect(found).toContainEqual({ path: '/result', keyword: 'additionalProperties' });
  });

  it("a field that does not belong to the run's mode", () => {
    const isolated = structuredClone(
      (nativeReports() as Record<string, any>[]).find((r) => r.demo === 'race' && 'child_finals' in r.result),
    ) as Record<string, any>;
    isolated.result.lost = 0;
    expect(failures(validateReport, isolated)).toContainEqual({ path: '/result/lost', keyword: 'false schema' });
    const withGil = report();
    withGil.gil = { switches: 1 };
    expect(withGil.mode).not.toBe('gil-threads');
    expect(failures(validateReport, withGil)).toContainEqual({ path: '/gil', keyword: 'false schema' });
  });

  it('a request out of range, or with another demo’s input', () => {
    expect(failures(validateRequest, { demo: 'primes', params: { limit: 0 } })).toEqual([{ path: '/params/limit', keyword: 'minimum' }]);
    expect(failures(validateRequest, { demo: 'race', workers: 257 })).toEqual([{ path: '/workers', keyword: 'maximum' }]);
    expect(failures(validateRequest, { demo: 'io', params: { latency_ms: 60001 } })).toEqual([{ path: '/params/latency_ms', keyword: 'maximum' }]);
    expect(failures(validateRequest, { demo: 'io', params: { limit: 5 } })).toContainEqual({ path: '/params', keyword: 'additionalProperties' });
    expect(failures(validateRequest, { demo: 'io', mode: 'threads', params: { switch_interval_ms: 5 } })).toContainEqual({ path: '/mode', keyword: 'const' });
  });

  it('an error report with a code no side sends', () => {
    expect(failures(validateError, { schema: 1, error: { code: 'oops', message: 'x' } })).toEqual([{ path: '/error/code', keyword: 'enum' }]);
  });
});
