// "Barrier" in Chromium against a live `cplay serve`: with a barrier both sides (the core in
// WebAssembly threads here, cplay serve natively) get the right answer and show each worker's
// wait at the barrier on the timeline; with no waiting a wrong answer comes only with stale
// reads. (join's report is held by contract-barrier and native_barrier_api_test: a third run
// here would cost the suite seconds.)
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

function section(page: Page): Locator {
  return page.locator('[data-experiment="barrier"]');
}

async function run(page: Page, sync: string): Promise<void> {
  const target = section(page);
  await target.scrollIntoViewIfNeeded();
  await target.locator('#barrier-sync').selectOption(sync);
  await target.locator('#barrier-workers').fill('3');
  await target.locator('#barrier-phases').fill('3');
  await target.locator('#barrier-work-ms').fill('2');
  await target.locator('#barrier-skew-ms').fill('20');
  await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
  await target.and(page.locator('[data-busy="false"]')).getByTestId('barrier-native').locator('[data-correct]').waitFor({ timeout: 60_000 });
}

describe('barrier on the page', () => {
  it('is right with a barrier, and wrong only through stale reads without', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const sides = [section(page).getByTestId('barrier-browser'), section(page).getByTestId('barrier-native')];

    await run(page, 'barrier');
    for (const side of sides) {
      expect(await side.locator('.error').count(), (await side.textContent()) ?? '').toBe(0);
      expect(await side.locator('[data-correct]').getAttribute('data-correct')).toBe('true');
      expect(await side.getByTestId('barrier-verdict').textContent()).toMatch(/^Correct: all 9 cells match .* 0 stale reads/);
      // A running and a waiting stretch per worker and phase.
      expect(await side.locator('.barrier-lane .barrier-span.waiting').count()).toBe(9);
      expect(await side.locator('tbody tr').count()).toBe(3);
    }

    await run(page, 'none');
    for (const side of sides) {
      const verdict = (await side.getByTestId('barrier-verdict').textContent()) ?? '';
      const stale = Number(/(\d+) stale reads/.exec(verdict)?.[1]);
      expect(verdict.startsWith('Wrong answer')).toBe(stale > 0);
    }
    await page.close();
  });
});
