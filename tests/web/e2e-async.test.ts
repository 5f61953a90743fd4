// "Async control" in Chromium against a live `cplay serve`: the four scenarios in this browser
// (the core in WebAssembly) and natively; each side shows a timeline per scenario, gather's
// results in order, the cancelled task's cleanup, the timeout, and the race's lost updates
// (counts and order, never a time); with the lock the race keeps every update.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

function section(page: Page): Locator {
  return page.locator('[data-experiment="async"]');
}

async function run(page: Page, scenario: string, sync: string): Promise<void> {
  const target = section(page);
  await target.scrollIntoViewIfNeeded();
  await target.locator('#async-scenario').selectOption(scenario);
  await target.locator('#async-sync').selectOption(sync);
  await target.locator('#async-tasks').fill('3');
  await target.locator('#async-latency').fill('20');
  await target.locator('#async-timeout').fill('5');
  await target.locator('#async-increments').fill('3');
  await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
  await target.and(page.locator('[data-busy="false"]')).getByTestId('async-native').locator('[data-exact]').waitFor({ timeout: 30_000 });
}

describe('async control on the page', () => {
  it('shows each scenario on both sides, and the race losing updates unless locked', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const sides = [section(page).getByTestId('async-browser'), section(page).getByTestId('async-native')];

    await run(page, 'all', 'none');
    for (const side of sides) {
      expect(await side.locator('.error').count(), (await side.textContent()) ?? '').toBe(0);
      expect(await side.getByTestId('async-outcome-gather').textContent()).toContain('in the order given: [0, 1, 4]');
      expect(await side.getByTestId('async-outcome-cancel').textContent()).toContain('cleanup ran = true');
      expect(await side.getByTestId('async-outcome-timeout').textContent()).toMatch(/^Timed out at/);
      expect(await side.getByTestId('async-outcome-race').textContent()).toBe('Sync none: expected 9, final 3, lost 6.');
      expect(await side.getByTestId('async-verdict').getAttribute('data-lost')).toBe('6');
      expect(await side.getByTestId('async-timeline-cancel').locator('li').count()).toBe(4);  // main and 3 tasks
    }

    await run(page, 'race', 'lock');
    for (const side of sides) {
      expect(await side.getByTestId('async-outcome-race').textContent()).toBe('Sync lock: expected 9, final 9, lost 0.');
      expect(await side.getByTestId('async-timeline-gather').count()).toBe(0);
    }
    await page.close();
  });
});
