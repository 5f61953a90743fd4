#!/usr/bin/env node
// How often the unlocked race loses updates: RACE_RUNS runs (default 40) of 2 threads x 100,000
// increments, sync none, natively (cplay) and in Chromium (the page's pthread build, through its
// Histogram button with cplay serve behind it). A benchmark, not a test: the answer depends on the
// machine and its load, so it is printed, never asserted.
// Needs build/native/cplay, the wasm builds and web/dist (npm run build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCplayServe } from './serve-process.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const cplay = join(root, 'build/native/cplay');
const runs = Number(process.env.RACE_RUNS ?? 40);
const workers = 2;
const increments = 100_000;

for (const path of [cplay, join(root, 'web/dist/index.html')]) {
  if (!existsSync(path)) {
    console.error(`bench-race: ${path} is missing (run npm run build)`);
    process.exit(1);
  }
}

function summary(lost) {
  const losing = lost.filter((v) => v > 0).length;
  const mean = lost.reduce((a, b) => a + b, 0) / lost.length;
  return `${losing} of ${lost.length} runs lost updates (mean ${Math.round(mean).toLocaleString('en-US')} lost per run, max ${Math.max(...lost).toLocaleString('en-US')})`;
}

function nativeLost() {
  const args = ['race', '--mode', 'threads', '--workers', String(workers), '--increments', String(increments), '--sync', 'none', '--runs', String(runs), '--json'];
  const out = spawnSync(cplay, args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`cplay ${args.join(' ')}: ${out.stderr}`);
  return out.stdout.trim().split('\n').map((line) => JSON.parse(line).result.lost);
}

/** The histogram's own summary, e.g. "sync none: 31 of 40 runs lost updates; ...", per side. */
async function browserHistogram() {
  const { base, stop } = await startCplayServe(cplay, join(root, 'web/dist'));
  const profile = mkdtempSync(join(tmpdir(), 'cplay-bench-race-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    const page = await context.newPage();
    const query = `demo=race&race.mode=threads&race.workers=${workers}&race.increments=${increments}&race.sync=none&race.runs=${runs}`;
    await page.goto(`${base}?${query}`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    const card = page.locator('article[data-demo="race"]');
    await card.locator('.side-browser .machine').filter({ hasText: /build/ }).waitFor({ timeout: 60_000 });
    const build = await card.locator('.side-browser .machine').textContent();
    await card.getByRole('button', { name: 'Histogram', exact: true }).click();
    await card.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 600_000 });
    const labels = await card.getByTestId('histogram').locator('canvas').evaluateAll((canvases) => canvases.map((c) => c.getAttribute('aria-label')));
    return { build, labels };
  } finally {
    await context?.close();
    stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

console.log(`race, sync none, ${workers} threads x ${increments.toLocaleString('en-US')} increments, ${runs} runs, on ${cpus().length} cores`);
console.log(`native (cplay race): ${summary(nativeLost())}`);
const { build, labels } = await browserHistogram();
console.log(`Chromium page (${build?.trim()}), Histogram button, both columns:`);
for (const label of labels) console.log(`  ${label}`);
