// "Monitor: who is alive?" in Chromium against a live `cplay serve`: both timelines grow while the
// run is in progress (a sample is on each side while the section is still busy: the native side
// read from the stream, the browser's from its Web Workers), then each side has a lane per worker
// with its checks on it, the native lanes naming real pids. Order and counts, never times.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

async function samplesWhileRunning(page: Page): Promise<{ browser: number; native: number }> {
  const handle = await page.waitForFunction(
    () => {
      const section = document.querySelector('[data-experiment="monitor"]');
      if (section?.getAttribute('data-busy') !== 'true') return null;
      const count = (id: string) => section.querySelectorAll(`[data-testid="${id}"] .monitor-sample`).length;
      const seen = { browser: count('monitor-browser'), native: count('monitor-native') };
      return seen.browser > 0 && seen.native > 0 ? seen : null;
    },
    undefined,
    { timeout: 30_000, polling: 50 },
  );
  return (await handle.jsonValue()) as { browser: number; native: number };
}

describe('monitor on the page', () => {
  it('grows both timelines while the run goes on, then shows a lane per worker on each side', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const section = page.locator('[data-experiment="monitor"]');
    await section.scrollIntoViewIfNeeded();
    await section.locator('#monitor-mode').selectOption('processes');
    await section.locator('#monitor-durations').fill('1500,3000');
    await section.locator('#monitor-interval').fill('200');
    await section.getByRole('button', { name: 'Run the experiment', exact: true }).click();

    const early = await samplesWhileRunning(page);
    expect(early.native).toBeGreaterThan(0);
    expect(early.browser).toBeGreaterThan(0);

    await section.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 30_000 });
    for (const id of ['monitor-browser', 'monitor-native']) {
      const side = section.getByTestId(id);
      await side.and(page.locator('[data-done="true"]')).waitFor({ timeout: 5_000 });
      expect(await side.locator('.error').count(), (await side.textContent()) ?? '').toBe(0);
      expect(await side.locator('.monitor-lane').count()).toBe(2);
      expect(await side.locator('.monitor-sample').count()).toBeGreaterThan(early[id === 'monitor-native' ? 'native' : 'browser']);
      expect(await side.locator('.monitor-tick.alive').count()).toBeGreaterThan(0);
      expect(await side.locator('.monitor-tick.gone').count()).toBeGreaterThan(0);
    }
    const names = await section.getByTestId('monitor-native').locator('.monitor-name').allTextContents();
    expect(names).toEqual([expect.stringMatching(/^A pid \d+$/), expect.stringMatching(/^B pid \d+$/)]);
    expect(names[0]).not.toBe(names[1]);
    await page.close();
  });
});
