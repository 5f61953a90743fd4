// README.md's table of flags is written by hand for people; this holds it to the core's catalog
// (`cplay info --json`): every input has a row, and each row's range, choices and default are
// the core's. The one native-only row, --timeout-s, is held to `cplay primes --help`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogDemo, CatalogParam, MachineInfo } from '../../wasm/js/types';
import { CPLAY, REPO_ROOT } from './e2e-support/server';

interface Row {
  flag: string;
  range: string;
  fallback: string;
}

/** The rows of the table headed `| flag | range | default |`. */
function readmeRows(): Row[] {
  const lines = readFileSync(`${REPO_ROOT}/README.md`, 'utf8').split('\n');
  const head = lines.findIndex((line) => /^\|\s*flag\s*\|\s*range\s*\|\s*default\s*\|$/.test(line.trim()));
  if (head < 0) throw new Error('README.md has no "| flag | range | default |" table');
  const rows: Row[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const [flag = '', range = '', fallback = ''] = line.split('|').slice(1, -1).map((cell) => cell.trim());
    rows.push({ flag: flag.replaceAll('`', ''), range, fallback: fallback.replaceAll('`', '') });
  }
  return rows;
}

function cplay(args: string[]): string {
  const out = spawnSync(CPLAY, args, { encoding: 'utf8', timeout: 30_000 });
  if (out.status !== 0) throw new Error(`cplay ${args.join(' ')} exited ${String(out.status)}: ${out.stderr} (npm run build first)`);
  return out.stdout;
}

/** 1000, or 10^9 as the README writes powers of ten. */
function readNumber(text: string): number {
  const power = /^10\^(\d+)$/.exec(text);
  return power ? 10 ** Number(power[1]) : Number(text);
}

/** Every "a … b" of a cell, with the words after it. */
function ranges(cell: string): { min: number; max: number; rest: string }[] {
  return [...cell.matchAll(/(\S+) … ([^\s:(,]+)([^,]*)/g)].map(([, min = '', max = '', rest = '']) => ({
    min: readNumber(min),
    max: readNumber(max),
    rest: rest.trim(),
  }));
}

function listed(cell: string): string[] {
  return cell
    .replace(/\s*\(.*\)$/, '')
    .split(',')
    .map((word) => word.trim());
}

/** How the README says a demo's default worker count: "cores", "--count", "2". */
function workersRule(demo: CatalogDemo, catalog: Catalog): string {
  const rule = demo.default_workers;
  if (rule.rule === 'cores') return 'cores';
  if (rule.rule === 'fixed') return String(rule.value);
  return catalog.params.find((param) => param.key === rule.param)?.flag ?? `no flag for ${rule.param}`;
}

function checkRow(row: Row, param: CatalogParam, catalog: Catalog, startMethods: string[]): void {
  const where = `README row ${row.flag}`;
  const scope = catalog.modes.filter((mode) => mode.params.includes(param.key)).map((mode) => mode.name);
  if (scope.length > 0) expect(row.range, `${where}: only in ${scope.join(', ')}`).toContain(`(${scope.join(', ')} only)`);
  switch (param.kind) {
    case 'integer': {
      const [first] = ranges(row.range);
      expect(first, `${where}: no "min … max"`).toBeDefined();
      expect([first?.min, first?.max], where).toEqual([param.min, param.max]);
      if (param.default !== null) expect(readNumber(row.fallback.split(',')[0] ?? ''), where).toBe(param.default);
      break;
    }
    case 'choice': {
      // Start methods: those of cplay, which are what the README is about.
      expect(listed(row.range), where).toEqual(param.key === 'start_method' ? startMethods : param.choices);
      expect(row.fallback, where).toBe(param.default);
      break;
    }
    case 'flag':
      expect(row.range, where).toMatch(/^a switch/);
      expect(row.fallback, where).toBe('off');
      break;
  }
}

describe("README's table of flags", () => {
  const info = JSON.parse(cplay(['info', '--json'])) as MachineInfo;
  const { catalog } = info;
  const rows = readmeRows();

  it('has a row for every input of the catalog, and none it does not know', () => {
    const flags = catalog.params.map((param) => param.flag);
    for (const flag of flags) expect(rows.map((row) => row.flag), `README lacks ${flag}`).toContain(flag);
    for (const row of rows) expect([...flags, '--timeout-s'], `README row ${row.flag}`).toContain(row.flag);
  });

  it.each(rows.filter((row) => row.flag !== '--timeout-s').map((row) => [row.flag, row] as const))(
    '%s has the core range, choices and default',
    (_, row) => {
      const param = catalog.params.find((entry) => entry.flag === row.flag);
      if (!param) throw new Error(`no catalog input ${row.flag}`);
      checkRow(row, param, catalog, info.start_methods);
    },
  );

  it('states the limits across inputs', () => {
    const byFlag = (flag: string) => rows.find((row) => row.flag === flag)?.range ?? '';
    expect(readNumber(/increments ≤ (\S+)\)/.exec(byFlag('--increments'))?.[1] ?? '')).toBe(catalog.limits.max_total_increments);
    expect(readNumber(/latency ≤ (\d+) ms/.exec(byFlag('--tasks'))?.[1] ?? '')).toBe(catalog.limits.max_total_wait_ms);
  });

  it('gives the worker caps and each demo its default worker rule', () => {
    const row = rows.find((entry) => entry.flag === '--workers');
    const caps = ranges(row?.range ?? '');
    expect(caps.find((range) => range.rest.startsWith('threads or coroutines'))?.max).toBe(catalog.capabilities.max_threads);
    expect(catalog.capabilities.max_coroutines).toBe(catalog.capabilities.max_threads);
    expect(caps.find((range) => range.rest.startsWith('processes'))?.max).toBe(catalog.capabilities.max_processes);
    expect(caps.find((range) => range.rest.startsWith('MPI ranks'))?.max).toBe(catalog.capabilities.max_ranks);
    const said = Object.fromEntries((row?.fallback ?? '').split(';').map((part) => part.split(':').map((word) => word.trim())));
    for (const demo of catalog.demos) expect(said[demo.name], `--workers default for ${demo.name}`).toBe(workersRule(demo, catalog));
  });

  it("gives --timeout-s the CLI's own range", () => {
    const row = rows.find((entry) => entry.flag === '--timeout-s');
    const [range] = ranges(row?.range ?? '');
    expect(cplay(['primes', '--help'])).toMatch(new RegExp(`--timeout-s S .*; ${String(range?.min)}\\.\\.${String(range?.max)}, default ${row?.fallback}`));
  });
});
