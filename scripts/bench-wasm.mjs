#!/usr/bin/env node
// WebAssembly against native, every ratio measured in this one run (never asserted in tests):
//   1. one thread: primes --limit 2000000 and factorial --n 100000 --count 4, sequential;
//   2. cpp_int limbs in wasm: 32-bit (the shipped builds) against 64-bit (build/wasm-bench/limb64);
//   3. threads in node: primes --limit 2000000, 2 workers against sequential;
//   4. big products: Boost against the number-theoretic transform by size, native and wasm
//      (bench/multiply_bench.cpp), where multiply() switches between them.
// Times are the reports' wall_ms (the run itself, without process or module start), best of
// BENCH_REPEAT runs (default 3) so that a neighbour's burst of CPU does not decide a ratio.
// Needs build/native/cplay and the wasm builds; builds the 64-bit-limb variant if it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
const cplay = join(root, 'build/native/cplay');

const PRIMES = { demo: 'primes', params: { limit: 2000000 } };
const FACTORIAL = { demo: 'factorial', params: { n: 100000, count: 4 } };

function need(path, hint) {
  if (!existsSync(join(root, path))) {
    console.error(`bench-wasm: ${path} is missing (${hint})`);
    process.exit(1);
  }
}

// The TypeScript loader, bundled for plain node by esbuild (Vite's own dependency).
async function importLoader() {
  const { build } = await import('esbuild');
  const out = join(root, 'build/wasm-bench/loader.mjs');
  mkdirSync(dirname(out), { recursive: true });
  const bundle = await build({
    entryPoints: [join(root, 'wasm/js/loader.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  writeFileSync(out, bundle.outputFiles[0].text);
  return import(pathToFileURL(out).href);
}

function cliArgs(request) {
  const args = [request.demo, '--mode', request.mode, '--workers', String(request.workers ?? 1), '--json'];
  for (const [key, value] of Object.entries(request.params)) args.push(`--${key.replaceAll('_', '-')}`, String(value));
  return args;
}

function nativeMs(request) {
  const out = spawnSync(cplay, cliArgs(request), { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`cplay ${cliArgs(request).join(' ')}: ${out.stderr}`);
  return JSON.parse(out.stdout).wall_ms;
}

function wasmMs(playground, request) {
  const report = playground.run(request);
  if (report.error) throw new Error(`${playground.variant}: ${report.error.message}`);
  return report.wall_ms;
}

// Best of `repeat`, the contenders taking turns so that a slow stretch hits all of them.
function race(contenders) {
  const best = contenders.map(() => Infinity);
  for (let i = 0; i < repeat; i += 1)
    contenders.forEach(([, measure], j) => {
      best[j] = Math.min(best[j], measure());
    });
  return Object.fromEntries(contenders.map(([name], j) => [name, best[j]]));
}

const ms = (value) => `${value.toFixed(0).padStart(6)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

need('build/native/cplay', 'cmake --preset native && cmake --build build/native');
need('build/wasm/threads/cplay.wasm', 'bash scripts/build-wasm.sh');
need('build/wasm/single/cplay.wasm', 'bash scripts/build-wasm.sh');
// Incremental: brings the 64-bit-limb variant up to date with the sources (built once in full).
{
  console.log('building the 64-bit-limb variant (if out of date) ...');
  const built = spawnSync('bash', [join(root, 'scripts/build-wasm.sh')], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CPLAY_WASM_LIMB64: '1' },
  });
  if (built.status !== 0) process.exit(1);
}

const { loadPlayground } = await importLoader();
const threads = await loadPlayground('threads', { base: join(root, 'build/wasm/threads') });
const single = await loadPlayground('single', { base: join(root, 'build/wasm/single') });
const limb64 = await loadPlayground('single', { base: join(root, 'build/wasm-bench/limb64') });

console.log(`wasm vs native on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}, best of ${repeat}`);
console.log(`limbs: shipped builds ${single.info().limb_bits}-bit, comparison build ${limb64.info().limb_bits}-bit\n`);

console.log('1. One thread (sequential): wasm / native');
let factorialTimes;
for (const [name, workload] of [['primes --limit 2000000', PRIMES], ['factorial 4 x 100000!', FACTORIAL]]) {
  const request = { ...workload, mode: 'sequential' };
  const contenders = [
    ['native', () => nativeMs(request)],
    ['threads', () => wasmMs(threads, request)],
    ['single', () => wasmMs(single, request)],
  ];
  // The limb comparison (section 2) runs in the same rounds, so that both sections read one measurement.
  if (workload === FACTORIAL) contenders.push(['limb64', () => wasmMs(limb64, request)]);
  const t = race(contenders);
  if (workload === FACTORIAL) factorialTimes = t;
  console.log(
    `   ${name.padEnd(24)} native ${ms(t.native)} | wasm threads build ${ms(t.threads)} = ${ratio(t.threads, t.native)}` +
      ` | single build ${ms(t.single)} = ${ratio(t.single, t.native)}`,
  );
}

console.log('\n2. cpp_int limbs in wasm (single build, factorial 4 x 100000!, sequential, the rounds of section 1)');
{
  const t = factorialTimes;
  console.log(
    `   32-bit ${ms(t.single)} (${ratio(t.single, t.native)} native) | 64-bit ${ms(t.limb64)} (${ratio(t.limb64, t.native)} native)` +
      ` | 64-bit / 32-bit = ${ratio(t.limb64, t.single)}`,
  );
}

console.log('\n3. Threads speedup (primes --limit 2000000): sequential / threads with 2 workers');
{
  const sequential = { ...PRIMES, mode: 'sequential' };
  const parallel = { ...PRIMES, mode: 'threads', workers: 2 };
  const t = race([
    ['wasmSeq', () => wasmMs(threads, sequential)],
    ['wasmPar', () => wasmMs(threads, parallel)],
    ['nativeSeq', () => nativeMs(sequential)],
    ['nativePar', () => nativeMs(parallel)],
  ]);
  console.log(`   wasm (node)  ${ms(t.wasmSeq)} -> ${ms(t.wasmPar)}: ${ratio(t.wasmSeq, t.wasmPar)}`);
  console.log(`   native       ${ms(t.nativeSeq)} -> ${ms(t.nativePar)}: ${ratio(t.nativeSeq, t.nativePar)}`);
}

console.log('\n4. Big products by size (bench/multiply_bench): Boost / transform, natively and in wasm');
for (const [name, command, args] of [
  ['native', join(root, 'build/native/bench/multiply_bench'), []],
  ['wasm', process.execPath, ['--no-experimental-fetch', join(root, 'build/wasm-threads/bench/multiply_bench.js')]],
]) {
  const out = spawnSync(command, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`multiply_bench (${name}): ${out.stderr}`);
  console.log(`   ${name}:`);
  for (const line of out.stdout.trimEnd().split('\n')) console.log(`     ${line}`);
}

for (const playground of [threads, single, limb64]) playground.shutdown();
