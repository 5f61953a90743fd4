// "Semaphore" in Chromium against a live `cplay serve`: the same downloads in this browser (the
// core in WebAssembly) and natively, in threads and in async; each side shows a lane per task,
// never more than K in flight (a count, never a time), and with the sweep a row for every K.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

function section(page: Page): Locator {
  return page.locator('[data-experiment="semaphore"]');
}

async function run(page: Page, mode: string, sweep: boolean): Promise<void> {
  const target = section(page);
  await target.scrollIntoViewIfNeeded();
  await target.locator('#semaphore-mode').selectOption(mode);
  await target.locator('#semaphore-tasks').fill('4');
  await target.locator('#semaphore-limit').fill('2');
  await target.locator('#semaphore-latency').fill('20');
  await target.locator('#semaphore-sweep').setChecked(sweep);
  await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
  await target.and(page.locator('[data-busy="false"]')).getByTestId('semaphore-native').locator('[data-max-in-flight]').waitFor({ timeout: 30_000 });
}

describe('semaphore on the page', () => {
  it('keeps at most K downloads in flight on both sides, in threads and async, and sweeps K', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const sides = [section(page).getByTestId('semaphore-browser'), section(page).getByTestId('semaphore-native')];

    await run(page, 'threads', true);
    for (const side of sides) {
      expect(await side.locator('.error').count(), (await side.textContent()) ?? '').toBe(0);
      const most = Number(await side.locator('[data-max-in-flight]').getAttribute('data-max-in-flight'));
      expect(most).toBeGreaterThanOrEqual(1);
      expect(most).toBeLessThanOrEqual(2);
      expect(await side.getByTestId('semaphore-timeline').locator('li').count()).toBe(4);
      const rows = await side.getByTestId('semaphore-sweep').locator('tbody tr td:first-child').allTextContents();
      expect(rows).toEqual(['1', '2', '3', '4']);
    }

    // One event loop starts every coroutine in its first turn: exactly K get in together.
    await run(page, 'async', false);
    for (const side of sides) {
      expect(await side.locator('[data-max-in-flight]').getAttribute('data-max-in-flight')).toBe('2');
      expect(await side.getByTestId('semaphore-verdict').textContent()).toMatch(/^Most in flight at once: 2 of 2/);
      expect(await side.getByTestId('semaphore-sweep').count()).toBe(0);
    }
    await page.close();
  });
});
