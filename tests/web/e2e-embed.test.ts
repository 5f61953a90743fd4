// "Copy embed code" gives an iframe; pasted into another page, it shows one compact card that
// runs. The host page is made up by the test (served through request interception on the same
// origin), once isolated and once not.
import type { BrowserContext, Frame } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();
let snippet = '';

async function hostPage(context: BrowserContext, isolated: boolean): Promise<Frame> {
  const hostUrl = new URL(`embed-host-${isolated ? 'isolated' : 'plain'}.html`, playground.server.url).href;
  const headers: Record<string, string> = { 'content-type': 'text/html' };
  if (isolated) {
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['Cross-Origin-Embedder-Policy'] = 'require-corp';
  }
  await context.route(hostUrl, (route) =>
    route.fulfill({ status: 200, headers, body: `<!doctype html><title>host</title><h1>A blog post</h1>${snippet}` }),
  );
  const page = await context.newPage();
  await page.goto(hostUrl);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  if (!frame) throw new Error('the embed snippet made no frame');
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return frame;
}

async function runRaceInFrame(frame: Frame): Promise<Record<string, unknown>> {
  const raceCard = frame.locator('article[data-demo="race"]');
  await raceCard.locator('.side-browser .machine').filter({ hasText: /build/ }).waitFor({ timeout: 60_000 });
  await raceCard.getByRole('button', { name: 'Run in browser', exact: true }).click();
  await raceCard.and(frame.locator('[data-busy="false"]')).waitFor({ timeout: 60_000 });
  const result = raceCard.getByTestId('browser-result');
  return JSON.parse((await result.getAttribute('data-result')) ?? 'null') as Record<string, unknown>;
}

describe('embedding', () => {
  it('copies an iframe snippet that asks for cross-origin isolation', async () => {
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?race.sync=lock&race.mode=async`);
    await waitForWasm(page, 'race');
    await page.locator('article[data-demo="race"]').getByRole('button', { name: 'Copy embed code' }).click();
    snippet = await page.getByTestId('embed-code').inputValue();
    expect(snippet).toMatch(/^<iframe /);
    expect(snippet).toContain('allow="cross-origin-isolated"');
    expect(snippet).toMatch(/src="[^"]*embed=1&amp;[^"]*demo=race|src="[^"]*demo=race&amp;embed=1/);
    expect(snippet).toContain('race.sync=lock');
    await page.close();
  });

  it('shows one compact card that runs, inside an isolated host page', async () => {
    const frame = await hostPage(playground.browser.context, true);
    expect(await frame.locator('article.card').count()).toBe(1);
    expect(await frame.locator('article.card.compact[data-demo="race"]').count()).toBe(1);
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(true);
    // The URL's settings came along: async, with a lock.
    await expect(frame.locator('input[name="race-mode"][value="async"]').isChecked()).resolves.toBe(true);
    expect(await runRaceInFrame(frame)).toMatchObject({ expected: 200000, final: 200000, lost: 0, sync: 'lock' });
    await frame.page().screenshot({ path: 'test-output/embed-isolated-host.png', fullPage: true });
    await frame.page().close();
  });

  it('still runs inside a host page that is not isolated', async () => {
    const frame = await hostPage(playground.browser.context, false);
    const isolated = await frame.evaluate(() => crossOriginIsolated);
    // Chromium isolates the frame through Document-Isolation-Policy; other browsers fall back.
    expect(await frame.getByTestId('isolation-banner').count()).toBe(isolated ? 0 : 1);
    expect(await runRaceInFrame(frame)).toMatchObject({ expected: 200000, lost: 0 });
    await frame.page().close();
  });
});
