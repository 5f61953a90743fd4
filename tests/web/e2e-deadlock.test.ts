// "Deadlock" in Chromium against a live `cplay serve`: opposite order deadlocks in this browser
// (the core in WebAssembly threads) and natively in processes, and the page names who holds what
// and waits for what; consistent order finishes every round on both sides.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

function section(page: Page): Locator {
  return page.locator('[data-experiment="deadlock"]');
}

async function run(page: Page, order: string, nativeMode: string): Promise<void> {
  const target = section(page);
  await target.scrollIntoViewIfNeeded();
  await target.locator('#deadlock-order').selectOption(order);
  await target.locator('#deadlock-native-mode').selectOption(nativeMode);
  await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
  await target.and(page.locator('[data-busy="false"]')).getByTestId('deadlock-native').locator('[data-deadlock]').waitFor({ timeout: 60_000 });
}

const CYCLE = ['worker 0 holds lock A and waits for lock B (held by worker 1)', 'worker 1 holds lock B and waits for lock A (held by worker 0)'];

describe('deadlock on the page', () => {
  it('deadlocks in opposite order on both sides, names the cycle, and finishes in consistent order', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const browser = section(page).getByTestId('deadlock-browser');
    const native = section(page).getByTestId('deadlock-native');
    // A 50 ms hold makes the deadlock near certain; a loaded machine may still keep one worker
    // back through it, so a run that finished is tried again (at most twice more).
    for (let attempt = 0; attempt < 3; attempt++) {
      await run(page, 'opposite', 'processes');
      const stuck = await Promise.all([browser, native].map(async (side) => (await side.locator('[data-deadlock]').getAttribute('data-deadlock')) === 'true'));
      if (stuck.every(Boolean)) break;
    }
    for (const side of [browser, native]) {
      expect(await side.locator('.error').count(), (await side.textContent()) ?? '').toBe(0);
      expect(await side.locator('[data-deadlock]').getAttribute('data-deadlock')).toBe('true');
      expect(await side.getByTestId('deadlock-verdict').locator('li').allTextContents()).toEqual(CYCLE);
    }
    expect(await native.textContent()).toContain('workers in processes');

    await run(page, 'consistent', 'threads');
    for (const side of [browser, native]) {
      expect(await side.locator('[data-deadlock]').getAttribute('data-deadlock')).toBe('false');
      expect(await side.getByTestId('deadlock-verdict').textContent()).toMatch(/^No deadlock/);
      expect(await side.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining('3 of 3'), expect.stringContaining('3 of 3')]);
    }
    await page.close();
  });
});
