// A failure the page did not expect shows with its message, and nothing is left unhandled. The
// failure is injected from outside the page: playwright serves the module Worker's script with a
// prologue that crashes the Worker on a chosen `run` call, as a wasm crash or a bug would.
import type { Page, Route } from 'playwright-core';
import { expect, it } from 'vitest';
import { card, openPlayground, press, readSide, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';
import { unhandledWatch } from './e2e-support/unhandled';

const playground = servePlaygroundInChromium();

const WORKER_SCRIPT = '**/assets/playground.worker-*.js';
const MESSAGE = 'injected failure';

/** Runs first in the Worker: its `crashOnRun`-th run call throws, and the real handler never sees it. */
function prologue(crashOnRun: number): string {
  return `{
  let runs = 0;
  self.addEventListener('message', (event) => {
    if (event.data?.method !== 'run' || ++runs !== ${crashOnRun}) return;
    event.stopImmediatePropagation();
    throw new Error('${MESSAGE}');
  });
}
`;
}

/** Serves the Worker's script with the prologue to the first `workers` Workers, untouched after. */
async function crashWorkers(page: Page, crashOnRun: number, workers = Number.POSITIVE_INFINITY): Promise<{ served: number }> {
  const count = { served: 0 };
  await page.route(WORKER_SCRIPT, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    count.served++;
    await route.fulfill({ response, body: count.served <= workers ? prologue(crashOnRun) + body : body });
  });
  return count;
}

/** Opens the page with Workers that crash on their `crashOnRun`-th run, watching for anything unhandled. */
async function openCrashing(query: string, demo: string, crashOnRun: number, workers?: number) {
  const unhandled = unhandledWatch();
  let routed = { served: 0 };
  const page = await openPlayground(playground.browser.context, `${playground.server.url}?${query}`, async (p) => {
    await unhandled.watch(p);
    routed = await crashWorkers(p, crashOnRun, workers);
  });
  await waitForWasm(page, demo);
  return { page, unhandled, served: () => routed.served };
}

it('a crashed Worker shows its message in the panel, and the next run gets a fresh Worker', async () => {
  const { page, unhandled, served } = await openCrashing('primes.limit=1000&primes.mode=threads', 'primes', 1, 1);
  await press(page, 'primes', 'Run in browser');
  const failed = await readSide(page, 'primes', 'browser');
  expect(failed.error).toContain(MESSAGE);
  expect(served()).toBeGreaterThanOrEqual(1);

  await press(page, 'primes', 'Run in browser');
  expect((await readSide(page, 'primes', 'browser')).result).toEqual({ count: 168, largest: 997 });
  expect(served()).toBe(2);
  expect(await unhandled.seen(page)).toEqual([]);
  await page.close();
});

it('a sweep stops with the reason when its Worker crashes', async () => {
  const { page, unhandled } = await openCrashing('primes.limit=1000&primes.mode=threads&primes.upto=3', 'primes', 2);
  await press(page, 'primes', 'Sweep workers');
  await expect(card(page, 'primes').getByTestId('sweep').textContent()).resolves.toContain(`stopped at 2 workers: `);
  await expect(card(page, 'primes').getByTestId('sweep').textContent()).resolves.toContain(MESSAGE);
  expect((await readSide(page, 'primes', 'browser')).error).toContain(MESSAGE);
  expect(await unhandled.seen(page)).toEqual([]);
  await page.close();
});

it('a histogram stops with the reason when its Worker crashes', async () => {
  const { page, unhandled } = await openCrashing('race.increments=1000&race.mode=threads&race.runs=3', 'race', 2);
  await press(page, 'race', 'Histogram');
  const note = card(page, 'race').getByTestId('histogram-browser-note');
  await expect(note.textContent()).resolves.toMatch(new RegExp(`stopped at sync = none, run 2: .*${MESSAGE}`));
  expect((await readSide(page, 'race', 'browser')).error).toContain(MESSAGE);
  expect(await unhandled.seen(page)).toEqual([]);
  await page.close();
});
