// "fork vs spawn: what a child inherits" in Chromium against a live `cplay serve`: the native
// table shows the changed variable under fork and not under spawn, the browser row a measured
// Worker cost; without a server the section says how to start one; embed mode leaves it out.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { SCREENSHOT_DIR, openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';
import { startServer } from './e2e-support/server';

const playground = servePlaygroundInChromium();

function section(page: Page): Locator {
  return page.locator('[data-experiment="start-methods"]');
}

async function fact(side: Locator, kind: string, name: string): Promise<string> {
  return (await side.locator(`tr[data-kind="${kind}"] td[data-fact="${name}"]`).textContent()) ?? '';
}

/** "0.41 ms" or "1.20 s" as milliseconds. */
function milliseconds(text: string): number {
  const match = /^([\d.]+) (ms|s)$/.exec(text.trim());
  if (!match) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

async function runExperiment(page: Page, workers: number): Promise<void> {
  const target = section(page);
  await target.scrollIntoViewIfNeeded();
  await target.locator('#start-methods-workers').fill(String(workers));
  await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
  await target.and(page.locator('[data-busy="false"]')).locator('tr[data-kind="Worker"]').waitFor({ timeout: 60_000 });
}

describe('fork vs spawn on the page', () => {
  it('shows what each kind of worker inherits, natively and in this browser, with measured costs', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    await runExperiment(page, 4);
    const native = section(page).getByTestId('start-methods-native');
    expect(await native.locator('.error').count(), (await native.textContent()) ?? '').toBe(0);

    expect(await fact(native, 'fork', 'variable')).toMatch(/^yes: “changed by the parent”/);
    expect(await fact(native, 'spawn', 'variable')).toMatch(/^no: “as compiled”/);
    expect(await fact(native, 'thread', 'variable')).toMatch(/^yes/);
    expect(await fact(native, 'fork', 'file')).toMatch(/^yes: fd \d+, same inode/);
    expect(await fact(native, 'spawn', 'file')).toMatch(/^no/);
    expect(await fact(native, 'thread', 'thread')).toMatch(/^yes/);
    expect(await fact(native, 'fork', 'thread')).toMatch(/^no: 1 thread/);

    const browser = section(page).getByTestId('start-methods-browser');
    expect(await fact(browser, 'Worker', 'variable')).toMatch(/^no: “as loaded”/);
    expect(await fact(browser, 'Worker', 'thread')).toMatch(/^no/);
    const costs: Record<string, number> = {};
    for (const kind of ['thread', 'fork', 'spawn']) costs[kind] = milliseconds(await fact(native, kind, 'cost'));
    costs.Worker = milliseconds(await fact(browser, 'Worker', 'cost'));
    for (const [kind, ms] of Object.entries(costs)) expect(ms, kind).toBeGreaterThan(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await section(page).screenshot({ path: resolve(SCREENSHOT_DIR, 'start-methods.png') });
    console.log(`start + join per worker (4 each): ${Object.entries(costs).map(([kind, ms]) => `${kind} ${ms} ms`).join(', ')}`);
    await page.close();
  });

  it('is left out of the single-card embed', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?embed=1&demo=race`);
    expect(await section(page).count()).toBe(0);
    await page.close();
  });

  it('says how to start cplay serve where there is none, and still measures the browser', async () => {
    const staticServer = await startServer({ staticOnly: true });
    try {
      const page = await openPlayground(playground.browser.context, staticServer.url);
      await expect(section(page).getByTestId('start-methods-no-server').textContent()).resolves.toMatch(/cplay serve/);
      await runExperiment(page, 2);
      expect(milliseconds(await fact(section(page).getByTestId('start-methods-browser'), 'Worker', 'cost'))).toBeGreaterThan(0);
      await page.close();
    } finally {
      await staticServer.stop();
    }
  });
});
