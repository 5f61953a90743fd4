// Every demo in every mode, run in the browser and natively (live, through cplay serve): the
// two columns must show the same result. Workloads are kept small: this checks agreement, and
// timing claims belong to the benchmarks.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserStandIn } from '../../web/src/model/request';
import { MODES, type Demo } from '../../web/src/model/types';
import { card, openPlayground, press, readSide, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

// mpi runs only where cplay serve was allowed ranks; 4 covers every demo's default worker count here.
const playground = servePlaygroundInChromium({ serveArgs: ['--mpi-ranks', '4'] });

const SMALL: Record<string, string> = {
  io: 'io.tasks=3&io.latency_ms=200',
  primes: 'primes.limit=200000',
  factorial: 'factorial.n=20000&factorial.count=4',
  race: 'race.increments=50000&race.sync=atomic',
};

async function chooseMode(page: Page, demo: string, mode: string): Promise<void> {
  await card(page, demo).locator(`input[name="${demo}-mode"][value="${mode}"]`).check();
}

describe('each demo agrees with native in every mode', () => {
  for (const demo of ['io', 'primes', 'factorial', 'race']) {
    it(`${demo}`, async () => {
      const page = await openPlayground(playground.browser.context, `${playground.server.url}?${SMALL[demo]}`);
      await waitForWasm(page, demo);
      for (const mode of MODES) {
        await chooseMode(page, demo, mode);
        await press(page, demo, 'Run both sides');
        const inBrowser = await readSide(page, demo, 'browser');
        const native = await readSide(page, demo, 'native');
        expect(inBrowser.error, `${demo} ${mode} in the browser`).toBeNull();
        expect(native.error, `${demo} ${mode} natively`).toBeNull();
        // WebAssembly cannot run MPI: in mode mpi the browser runs Web Workers in the ranks' place.
        expect(inBrowser.mode).toBe(browserStandIn({ demo: demo as Demo, mode, workers: 1, params: {} }).mode);
        expect(native.mode).toBe(mode);
        expect(inBrowser.result, `${demo} ${mode}`).toEqual(native.result);
        await expect(card(page, demo).getByTestId('agreement').getAttribute('data-state')).resolves.toBe('agree');
        if (mode === 'mpi') {
          // Each column says what ran: Workers in the ranks' place, and the ranks with their hosts.
          await expect(card(page, demo).getByTestId('browser-body').textContent()).resolves.toMatch(/Web Workers standing in for MPI ranks/);
          await expect(card(page, demo).getByTestId('native-body').textContent()).resolves.toMatch(/\d+ ranks on \d+ hosts? \(/);
        }
      }
      await page.close();
    });
  }

  it('processes: the native column starts its children by fork or by spawn, the browser by Workers', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?factorial.mode=processes&factorial.n=20000&factorial.count=2&factorial.workers=2`);
    await waitForWasm(page, 'factorial');
    const startMethod = card(page, 'factorial').getByLabel('Native start method');
    for (const method of ['fork', 'spawn']) {
      await startMethod.selectOption(method);
      await press(page, 'factorial', 'Run both sides');
      const native = await readSide(page, 'factorial', 'native');
      const inBrowser = await readSide(page, 'factorial', 'browser');
      expect(native.error, `${method} natively`).toBeNull();
      expect(native.startMethod).toBe(method);
      expect(inBrowser.startMethod).toBe('worker');
      expect(inBrowser.result).toEqual(native.result);
    }
    expect(page.url()).toContain('factorial.start=spawn');
    // The choice belongs to processes: other modes do not show it.
    await chooseMode(page, 'factorial', 'threads');
    await expect(startMethod.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('processes: fresh Workers show their start on the timeline; a warm pool is reused with the same result', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?factorial.mode=processes&factorial.n=20000&factorial.count=2&factorial.workers=2`);
    await waitForWasm(page, 'factorial');
    const timeline = () => card(page, 'factorial').locator('.side-browser .chart-timeline canvas').getAttribute('aria-label');
    const workersShown = () => card(page, 'factorial').locator('.side-browser dl.facts').textContent();
    await press(page, 'factorial', 'Run in browser');
    const fresh = await readSide(page, 'factorial', 'browser');
    expect(fresh.error).toBeNull();
    await expect(timeline()).resolves.toMatch(/worker 0 starting from .* worker 1 starting from/);

    await card(page, 'factorial').getByLabel('Browser Workers').selectOption('pool');
    expect(page.url()).toContain('factorial.browser_start=pool');
    await press(page, 'factorial', 'Run in browser'); // starts the pool's Workers
    await expect(timeline()).resolves.toMatch(/worker 1 starting from/);
    await press(page, 'factorial', 'Run in browser'); // reuses them
    const pooled = await readSide(page, 'factorial', 'browser');
    expect(pooled.result).toEqual(fresh.result);
    await expect(timeline()).resolves.not.toMatch(/starting from/);
    await expect(workersShown()).resolves.toMatch(/2 of 2 warm from the pool/);
    await page.close();
  });

  it('race: every mode counts workers x increments, and processes without shared memory lose nothing', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?race.increments=30000&race.sync=none&race.workers=3`);
    await waitForWasm(page, 'race');
    for (const mode of ['sequential', 'processes']) {
      await chooseMode(page, 'race', mode);
      await press(page, 'race', 'Run both sides');
      for (const side of ['browser', 'native'] as const) {
        const { result } = await readSide(page, 'race', side);
        expect(result, `${mode} ${side}`).toMatchObject({ expected: 90000 });
        if (mode === 'sequential') expect(result).toMatchObject({ final: 90000, lost: 0 });
        else expect(result).toMatchObject({ final: 0, child_finals: [30000, 30000, 30000] });
        if (mode === 'processes') expect(result).not.toHaveProperty('lost');
      }
      if (mode === 'processes') await expect(card(page, 'race').getByTestId('native-result').textContent()).resolves.toMatch(/nothing lost/);
    }
    await page.close();
  });

  it('race without a lock: totals agree, and no run gains updates', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?race.increments=200000&race.sync=none`);
    await waitForWasm(page, 'race');
    await press(page, 'race', 'Run both sides');
    for (const side of ['browser', 'native'] as const) {
      const { result } = await readSide(page, 'race', side);
      expect(result).toMatchObject({ expected: 400000, sync: 'none' });
      expect(Number(result?.final)).toBeLessThanOrEqual(400000);
      expect(Number(result?.lost)).toBe(400000 - Number(result?.final));
    }
    await page.close();
  });
});
