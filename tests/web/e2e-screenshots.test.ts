// Pictures of every card after a real run, in light and dark schemes and at phone width, saved
// to test-output/ for a person to look at; plus a run driven by the keyboard alone.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { card, openPlayground, press, readSide, screenshotCard, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

// The lesson's settings, except a smaller factorial (WebAssembly big-number code is slow).
const QUERY = 'factorial.n=30000&race.runs=10';

async function runEveryCard(page: Page): Promise<void> {
  for (const demo of ['io', 'primes', 'factorial', 'race']) {
    await press(page, demo, 'Run both sides');
    expect((await readSide(page, demo, 'browser')).result, demo).not.toBeNull();
  }
  await press(page, 'race', 'Histogram');
  await expect(card(page, 'race').getByTestId('histogram').isVisible()).resolves.toBe(true);
}

describe('screenshots', () => {
  it('every card, light and dark, desktop and phone', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?${QUERY}`);
    await waitForWasm(page, 'io');
    await runEveryCard(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-output/page-top-light.png' });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 900 });
      for (const demo of ['io', 'primes', 'factorial', 'race']) await screenshotCard(page, demo, `card-${demo}-${scheme}`);
      await page.setViewportSize({ width: 390, height: 844 });
      for (const demo of ['io', 'race']) await screenshotCard(page, demo, `card-${demo}-${scheme}-phone`);
    }
    // Nothing may stick out sideways at phone width.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  });

  it('runs a demo with the keyboard alone', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?io.latency_ms=100`);
    await waitForWasm(page, 'io');
    const io = card(page, 'io');
    await io.locator('input[name="io-mode"][value="threads"]').focus();
    await page.keyboard.press('ArrowRight'); // threads → threads + GIL, as radio groups do
    await expect(io.locator('input[name="io-mode"][value="gil-threads"]').isChecked()).resolves.toBe(true);
    await io.getByRole('button', { name: 'Run both sides' }).focus();
    await page.keyboard.press('Enter');
    await io.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 60_000 });
    await expect(readSide(page, 'io', 'browser')).resolves.toMatchObject({ result: { tasks: 3, completed: 3 }, mode: 'gil-threads' });
    expect(new URL(page.url()).searchParams.get('io.mode')).toBe('gil-threads');
    await page.close();
  });
});
