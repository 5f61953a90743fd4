#!/usr/bin/env node
// How soon work begins in the browser (issue 12, items 1 and 2), measured in Debian's Chromium on
// the built page (web/dist, served by vite preview with the isolation headers), driven like a
// learner drives it: settings in the address, "Run in browser", then read the column.
//   1. processes: factorial 4 x 100000! with 4 Workers, fresh Workers per run against the warm
//      pool, taking turns: the run's wall time, each Worker's start (its "starting" stretch on the
//      timeline) and the first span's start;
//   2. threads: primes 1,000,000 and race 100,000 with 2 threads: when each thread's span begins
//      after the run starts.
// A benchmark, not a test: the figures depend on the machine and its load, so they are printed,
// never asserted. BENCH_REPEAT rounds (default 3), best and median shown. SITE=<dir> measures
// another build of the page (an older one, say) with the same driver.
// Needs web/dist (npm run build).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const site = resolve(process.env.SITE ?? join(root, 'web'));
const repeat = Number(process.env.BENCH_REPEAT ?? 3);
if (!existsSync(join(site, 'dist/index.html'))) {
  console.error(`bench-workers: ${join(site, 'dist/index.html')} is missing (npm run build)`);
  process.exit(1);
}

async function serve() {
  process.env.CPLAY_NO_ISOLATION = '0';
  const { preview } = await import('vite');
  const server = await preview({
    root: site,
    configFile: join(site, 'vite.config.ts'),
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  return { url: server.resolvedUrls.local[0], close: () => server.close() };
}

const shownMs = (text) => {
  const match = /([\d.]+)\s*(ms|s)\b/.exec(text ?? '');
  return match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : NaN;
};

async function openCard(context, url, demo) {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  const card = page.locator(`article[data-demo="${demo}"]`);
  await card.locator('.side-browser .machine').filter({ hasText: /build/ }).waitFor({ timeout: 60_000 });
  await page.waitForTimeout(1000); // the page has loaded: its background compile is done
  return { page, card };
}

/** One "Run in browser": wall time, Worker start-up, span starts and starting stretches. */
async function runOnce({ page, card }, select) {
  if (select) await card.getByLabel('Browser Workers').selectOption(select);
  await card.getByRole('button', { name: 'Run in browser', exact: true }).click();
  await card.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 300_000 });
  const side = card.locator('.side-browser');
  const error = side.locator('[data-testid="browser-error"]');
  if ((await error.count()) > 0) throw new Error(`page: ${await error.textContent()}`);
  const facts = await side.locator('dl.facts').evaluate((dl) => {
    const found = {};
    for (const dt of dl.querySelectorAll('dt')) found[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
    return found;
  });
  const label = (await side.locator('.chart-timeline canvas').getAttribute('aria-label')) ?? '';
  return {
    wall: shownMs(facts['wall time']),
    startup: shownMs(facts['of which starting Workers']),
    spanStarts: [...label.matchAll(/worker \d+ from ([\d.]+) to/g)].map((m) => Number(m[1])),
    starting: [...label.matchAll(/worker \d+ starting from ([\d.]+) to ([\d.]+) ms/g)].map((m) => Number(m[2]) - Number(m[1])),
  };
}

const sorted = (values) => values.filter(Number.isFinite).sort((a, b) => a - b);
const best = (values) => sorted(values)[0];
const median = (values) => {
  const s = sorted(values);
  return s[s.length >> 1];
};
const fmt = (value) => (value === undefined || Number.isNaN(value) ? '   -' : `${value.toFixed(1).padStart(6)} ms`);

const server = await serve();
const profile = mkdtempSync(join(tmpdir(), 'cplay-bench-workers-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
try {
  console.log(`Chromium ${context.browser()?.version() ?? ''} on ${cpus().length} cores, page ${site}/dist, best | median of ${repeat}`);

  console.log('\n1. processes: factorial 4 x 100000!, 4 Workers');
  const factorial = await openCard(
    context,
    `${server.url}?demo=factorial&factorial.mode=processes&factorial.workers=4&factorial.n=100000&factorial.count=4`,
    'factorial',
  );
  const hasChoice = (await factorial.card.getByLabel('Browser Workers').count()) > 0;
  const ways = hasChoice ? ['fresh', 'pool'] : ['fresh'];
  const rows = Object.fromEntries(ways.map((way) => [way, []]));
  for (let round = 0; round < repeat + 1; round += 1) {
    for (const way of ways) {
      const sample = await runOnce(factorial, hasChoice ? way : null);
      // The pool's first run starts its Workers: a warm round is every later one.
      if (!(way === 'pool' && round === 0)) rows[way].push(sample);
      else console.log(`   pool, first run (starts the pool): wall ${fmt(sample.wall)}, Workers started ${fmt(sample.startup)}`);
    }
  }
  if (!hasChoice) rows.fresh.shift(); // same number of rounds as with the choice
  for (const way of ways) {
    const samples = rows[way];
    const each = samples.flatMap((s) => s.starting);
    console.log(
      `   ${way.padEnd(5)} wall ${fmt(best(samples.map((s) => s.wall)))} | ${fmt(median(samples.map((s) => s.wall)))}` +
        `   all Workers ready ${fmt(best(samples.map((s) => s.startup)))} | ${fmt(median(samples.map((s) => s.startup)))}` +
        `   each Worker's start ${each.length ? `${fmt(best(each))} | ${fmt(median(each))}, worst ${fmt(sorted(each).at(-1))}` : '   - (none started)'}` +
        `   first span at ${fmt(best(samples.map((s) => Math.min(...s.spanStarts))))}`,
    );
  }
  await factorial.page.close();

  console.log('\n2. threads: when each thread\'s span begins after the run starts (the later of the 2)');
  for (const [name, query, demo] of [
    ['primes 1,000,000, 2 threads', 'demo=primes&primes.mode=threads&primes.workers=2&primes.limit=1000000', 'primes'],
    ['race 100,000, 2 threads', 'demo=race&race.mode=threads&race.workers=2&race.increments=100000', 'race'],
  ]) {
    const card = await openCard(context, `${server.url}?${query}`, demo);
    const lastStarts = [];
    for (let round = 0; round < repeat + 2; round += 1) lastStarts.push(Math.max(...(await runOnce(card, null)).spanStarts));
    console.log(`   ${name.padEnd(28)} ${fmt(best(lastStarts))} | ${fmt(median(lastStarts))}   (all: ${lastStarts.map((v) => v.toFixed(1)).join(' ')})`);
    await card.page.close();
  }
} finally {
  await context.close();
  await server.close();
  rmSync(profile, { recursive: true, force: true });
}
