// Every demo in every mode, run in the browser and natively (live, through cplay serve): the
// two columns must show the same result. Workloads are kept small: this checks agreement, and
// timing claims belong to the benchmarks.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { MODES } from '../../web/src/model/types';
import { card, openPlayground, press, readSide, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

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
        expect(inBrowser.mode).toBe(mode);
        expect(native.mode).toBe(mode);
        expect(inBrowser.result, `${demo} ${mode}`).toEqual(native.result);
        await expect(card(page, demo).getByTestId('agreement').getAttribute('data-state')).resolves.toBe('agree');
      }
      await page.close();
    });
  }

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
