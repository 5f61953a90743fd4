// "Pools: start once, reuse" in Chromium against a live `cplay serve`, with small sizes: the core's
// threads in WebAssembly, the browser's own Workers and cplay's forked processes each start W
// workers for the pool and M for fresh, and every task's value is right on every side (counts and
// checks only, never a time).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

async function run(page: Page): Promise<void> {
  const target = page.locator('[data-experiment="pool"]');
  await target.scrollIntoViewIfNeeded();
  await target.locator('#pool-tasks').fill('8');
  await target.locator('#pool-workers').fill('2');
  await target.locator('#pool-work').fill('1000');
  await target.locator('#pool-mode').selectOption('processes');
  await target.locator('#pool-start-method').selectOption('fork');
  await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
  await target.and(page.locator('[data-busy="false"]')).getByTestId('pool-native').locator('.pool-result').waitFor({ timeout: 30_000 });
}

describe('pools on the page', () => {
  it('starts W workers for the pool and M for fresh, with every result right, on every side', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    await run(page);
    const section = page.locator('[data-experiment="pool"]');
    for (const side of ['pool-wasm', 'pool-workers', 'pool-native']) {
      const body = section.getByTestId(side);
      expect(await body.locator('.error').count(), `${side}: ${(await body.textContent()) ?? ''}`).toBe(0);
      const result = body.locator('.pool-result');
      expect(await result.getAttribute('data-correct'), side).toBe('true');
      expect(await result.getAttribute('data-pool-starts'), side).toBe('2');
      expect(await result.getAttribute('data-fresh-starts'), side).toBe('8');
      for (const strategy of ['pool', 'fresh']) expect(await body.getByTestId(`pool-timeline-${strategy}`).locator('li').count(), side).toBe(2);
      expect(await body.getByTestId('pool-verdict').textContent(), side).toMatch(/^fresh \/ pool wall time: \d+\.\d\d \(measured in this run\)/);
    }
    await page.close();
  });
});
