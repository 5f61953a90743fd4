// Measures the native reference the static page shows when no `cplay serve` is around: every
// demo at the page's defaults in every mode, sweeps of 1…N workers, and repeated race runs for
// the histogram. Each run is the real `cplay … --json`, built from the same request the page
// would send, and the file is labelled with this machine (CPU, cores, OS, compiler, date).
// The result is committed (web/reference/native.json) and refreshed by choice, so that a build
// measures nothing and gives the same page however busy the machine is.
//
//   npm run reference       (npx vite-node --config web/vite.config.ts web/tools/make-reference.ts [cplay] [out.json])
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { dirname } from 'node:path';
import { DEMO_LIST } from '../src/demos/catalog';
import { paramsForMode, workersFor, type DemoDefinition } from '../src/demos/definition';
import { cplayCommand } from '../src/model/request';
import { MODES, type Mode, type Report, type RunRequest } from '../src/model/types';
import { validateReport } from '../src/model/validate-report';
import { defaultCardState } from '../src/state/url-state';

const cplay = process.argv[2] ?? 'build/native/cplay';
const output = process.argv[3] ?? 'web/reference/native.json';
const SWEEP_MODES: readonly Mode[] = ['threads', 'gil-threads', 'processes', 'mpi'];

if (!existsSync(cplay)) {
  process.stderr.write(`make-reference: ${cplay} is missing (npm run build first)\n`);
  process.exit(1);
}

/** The compiler that built this cplay, as it reports itself (`cplay info`). */
function compiler(): string {
  const info = JSON.parse(execFileSync(cplay, ['info', '--json'], { encoding: 'utf8' })) as { platform?: { compiler?: string } };
  return info.platform?.compiler ?? 'unknown';
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':').slice(1).join(':').trim();
  } catch {
    // not Linux: fall through to what node knows
  }
  return cpus()[0]?.model ?? 'unknown CPU';
}

/** Runs `cplay` for one request and returns every report it printed (one per run). */
function measure(request: RunRequest, runs = 1): Report[] {
  const words = cplayCommand(request).split(' ').slice(1);
  if (runs > 1) words.splice(words.length - 1, 0, '--runs', String(runs));
  const stdout = execFileSync(cplay, words, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const checked = validateReport(JSON.parse(line));
      if (!checked.ok) throw new Error(`${words.join(' ')}: ${checked.problems.join('; ')}`);
      return checked.report;
    });
}

function requestFor(definition: DemoDefinition, mode: Mode, workers: number, overrides = {}): RunRequest {
  const state = defaultCardState(definition);
  const params = { ...paramsForMode(definition, mode, state.params), ...overrides };
  return { demo: definition.id, mode, workers: workersFor(definition, mode, workers), params };
}

const reports: Report[] = [];
const seen = new Set<string>();
function add(request: RunRequest, runs = 1): void {
  const key = JSON.stringify([request, runs]);
  if (seen.has(key)) return;
  seen.add(key);
  process.stdout.write(`  ${cplayCommand(request)}${runs > 1 ? ` (×${runs})` : ''}\n`);
  reports.push(...measure(request, runs));
}

for (const definition of DEMO_LIST) {
  const state = defaultCardState(definition);
  for (const mode of MODES) add(requestFor(definition, mode, state.workers));
  for (const mode of SWEEP_MODES) {
    for (let workers = 1; workers <= state.upto; workers++) add(requestFor(definition, mode, workers));
  }
  if (definition.id === 'race') {
    for (const mode of MODES) {
      for (const sync of ['none', 'lock', 'atomic']) add(requestFor(definition, mode, state.workers, { sync }), state.runs);
    }
  }
}

const bundle = {
  schema: 1,
  kind: 'cplay-reference',
  machine: { cpu_model: cpuModel(), cores: cpus().length, os: platform(), compiler: compiler(), generated_at: new Date().toISOString() },
  reports,
};
mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, JSON.stringify(bundle));
process.stdout.write(`${reports.length} native reports → ${output}\n`);
