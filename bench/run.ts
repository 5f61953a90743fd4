// `npm run bench`: every speed comparison of the playground in one run, contenders taking turns
// (round-robin, best of BENCH_ROUNDS, default 5), printed as tables of times and ratios and
// written to bench/results/latest.md and latest.json with the machine's description.
// BENCH_BROWSER=0 leaves out the Chromium rows. Needs `npm run build` first (scripts/bench.sh does it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openBrowserSession, type BrowserSession } from './chromium';
import { comparisons } from './comparisons';
import { runRoundRobin } from './harness';
import { describeMachine, gitCommit } from './machine';
import { CPLAY, ROOT, primesieveVersion } from './native';
import { LESSON_PYTHON, describePython, findGmpyPython } from './python';
import { reportMarkdown, writeReport } from './report';
import { loadBuild } from './wasm-node';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
  console.error(`bench: BENCH_ROUNDS must be an integer from 1 to 50 (got ${process.env.BENCH_ROUNDS})`);
  process.exit(2);
}
for (const path of ['build/native/cplay', 'build/wasm/threads/cplay.wasm', 'build/wasm/single/cplay.wasm']) {
  if (!existsSync(join(ROOT, path))) {
    console.error(`bench: ${path} is missing (run npm run build)`);
    process.exit(1);
  }
}

const started = performance.now();
const leftOut: string[] = [];
const gmpyPython = findGmpyPython();
if (!gmpyPython) leftOut.push('the gmpy2 rows (no python3 imports gmpy2: install python3-gmpy2)');
const threadsBuild = await loadBuild('threads');
const singleBuild = await loadBuild('single');
let browser: BrowserSession | null = null;
if (process.env.BENCH_BROWSER === '0') leftOut.push('the Chromium rows (BENCH_BROWSER=0)');
else if (!existsSync(join(ROOT, 'web/dist/index.html'))) leftOut.push('the Chromium rows (web/dist is missing)');
else browser = await openBrowserSession();

try {
  const cplayInfo = JSON.parse(spawnSync(CPLAY, ['info', '--json'], { encoding: 'utf8' }).stdout) as { platform?: { compiler?: string } };
  const wasmInfo = threadsBuild.info();
  const gmpWasm = JSON.parse(readFileSync(join(ROOT, 'node_modules/gmp-wasm/package.json'), 'utf8')) as { version: string };
  const software: Record<string, string> = {
    cplay: cplayInfo.platform?.compiler ?? 'unknown compiler',
    'cplay wasm': `${wasmInfo.compiler}, ${wasmInfo.limb_bits}-bit limbs`,
    'lesson Python': describePython(LESSON_PYTHON),
    primesieve: primesieveVersion(),
    'gmp-wasm': gmpWasm.version,
  };
  if (gmpyPython) software['GMP via'] = describePython(gmpyPython, true);
  if (browser) software.Chromium = browser.version;

  const log = (line: string) => console.error(`bench: ${line} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  const results = await runRoundRobin(comparisons({ gmpyPython, threadsBuild, singleBuild, browser }), rounds, log);
  const report = {
    date: new Date().toISOString(),
    commit: gitCommit(ROOT),
    rounds,
    wall_s: (performance.now() - started) / 1000,
    machine: describeMachine(software),
    left_out: leftOut,
    comparisons: results,
  };
  console.log(reportMarkdown(report));
  const written = writeReport(resolve(ROOT, process.env.BENCH_OUT ?? 'bench/results'), report);
  console.error(`bench: wrote ${written.join(' and ')}`);
} finally {
  await browser?.close();
  threadsBuild.shutdown();
  singleBuild.shutdown();
}
// The wasm modules' worker threads would keep node alive.
process.exit(0);
