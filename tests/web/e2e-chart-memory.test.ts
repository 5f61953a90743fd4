// Charts are destroyed or reused: after 50 runs of a card, Chart.js holds no more charts than
// after one, and the page's JS heap has grown by at most 20 MB. A run here is "Run both sides"
// (a timeline on each side) and a sweep to 2 workers (the speedup chart), on a tiny workload.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { openPlayground, press, readSide, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

// Exact heap figures (Chromium rounds them otherwise) and gc(), so that garbage does not count.
const playground = servePlaygroundInChromium({}, ['--enable-precise-memory-info', '--js-flags=--expose-gc']);

const RUNS = 50;
const MAX_HEAP_GROWTH_BYTES = 20 * 1024 * 1024;

interface Measure {
  charts: number;
  heapBytes: number;
}

async function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) throw new Error('gc() is missing: Chromium needs --js-flags=--expose-gc');
    gc();
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    const chartCount = (window as { cplayChartCount?: () => number }).cplayChartCount;
    if (!memory || !chartCount) throw new Error('performance.memory or the chart count is missing');
    return { charts: chartCount(), heapBytes: memory.usedJSHeapSize };
  });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

// A generous limit for a slow shared machine: nothing here is a speed check.
const TEST_TIMEOUT_MS = 300_000;

it(`${RUNS} runs of a card leave no more charts, and at most 20 MB more heap, than one`, async () => {
  const page = await openPlayground(
    playground.browser.context,
    `${playground.server.url}?primes.limit=1000&primes.mode=threads&primes.workers=2&primes.upto=2`,
  );
  await waitForWasm(page, 'primes');
  const runOnce = async () => {
    await press(page, 'primes', 'Run both sides');
    await press(page, 'primes', 'Sweep workers');
  };

  await runOnce();
  // Both sides really ran, so there were charts to leak.
  expect((await readSide(page, 'primes', 'browser')).result).toEqual({ count: 168, largest: 997 });
  expect((await readSide(page, 'primes', 'native')).result).toEqual({ count: 168, largest: 997 });
  const afterOne = await measure(page);
  expect(afterOne.charts).toBeGreaterThan(0);

  for (let run = 2; run <= RUNS; run++) await runOnce();
  expect((await readSide(page, 'primes', 'browser')).result).toEqual({ count: 168, largest: 997 });
  const afterAll = await measure(page);

  console.log(
    `Chart.instances: ${afterOne.charts} after 1 run, ${afterAll.charts} after ${RUNS}; ` +
      `JS heap: ${mb(afterOne.heapBytes)} MB after 1 run, ${mb(afterAll.heapBytes)} MB after ${RUNS} ` +
      `(growth ${mb(afterAll.heapBytes - afterOne.heapBytes)} MB)`,
  );
  expect(afterAll.charts).toBeLessThanOrEqual(afterOne.charts);
  expect(afterAll.heapBytes - afterOne.heapBytes).toBeLessThanOrEqual(MAX_HEAP_GROWTH_BYTES);
  await page.close();
}, TEST_TIMEOUT_MS);
