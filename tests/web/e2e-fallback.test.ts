// Served without the isolation headers: the page says so, uses the single-threaded build,
// explains why threads are unavailable, and still runs processes (one Worker per process).
// With the coi service worker allowed, the same static serving becomes isolated after a reload,
// which is how the page works on hosts that cannot send headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './e2e-support/chromium';
import { card, openPlayground, press, readSide, screenshotCard, waitForWasm } from './e2e-support/playground-page';
import { startServer, type TestServer } from './e2e-support/server';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({ isolation: false });
});

afterAll(async () => {
  await server?.stop();
});

describe('without isolation headers', () => {
  it('shows the fallback banner and still runs processes', async () => {
    // No service worker either: the situation of a plain static host or a non-isolated frame.
    // coi=0 keeps the coi script from registering: Playwright's blocked register() resolves to
    // undefined, which no real browser does, and the script would throw on it.
    const browser = await launchChromium({ serviceWorkers: 'block' });
    try {
      const page = await openPlayground(browser.context, `${server.url}?primes.limit=100000&primes.mode=processes&coi=0`);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
      const banner = page.getByTestId('isolation-banner');
      await expect(banner.isVisible()).resolves.toBe(true);
      await expect(banner.textContent()).resolves.toMatch(/not cross-origin isolated/);
      await expect(banner.getByRole('link', { name: /new tab/ }).getAttribute('target')).resolves.toBe('_blank');
      expect(await waitForWasm(page, 'primes')).toMatch(/single-threaded build/);

      await press(page, 'primes', 'Run both sides');
      const inBrowser = await readSide(page, 'primes', 'browser');
      expect(inBrowser.result).toEqual({ count: 9592, largest: 99991 });
      expect(inBrowser.mode).toBe('processes');
      expect((await readSide(page, 'primes', 'native')).result).toEqual(inBrowser.result);

      // Threads need shared memory: the card says why, and a run says so instead of failing.
      await card(page, 'primes').locator('input[name="primes-mode"][value="threads"]').check();
      await expect(card(page, 'primes').locator('.availability').textContent()).resolves.toMatch(/SharedArrayBuffer/);
      await press(page, 'primes', 'Run in browser');
      await expect(readSide(page, 'primes', 'browser')).resolves.toMatchObject({ error: expect.stringMatching(/unavailable/) });

      // Sequential and async run in the single build too.
      for (const mode of ['sequential', 'async']) {
        await card(page, 'primes').locator(`input[name="primes-mode"][value="${mode}"]`).check();
        await press(page, 'primes', 'Run in browser');
        await expect(readSide(page, 'primes', 'browser')).resolves.toMatchObject({ result: { count: 9592 }, mode });
      }
      await page.setViewportSize({ width: 1280, height: 500 });
      await banner.scrollIntoViewIfNeeded();
      await banner.screenshot({ path: 'test-output/fallback-banner.png' });
      await screenshotCard(page, 'primes', 'fallback-primes');
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it('becomes isolated through the coi service worker', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.context.newPage();
      await page.goto(server.url);
      // The worker installs, then reloads the page once; the reloaded page is isolated.
      await page.waitForFunction(() => crossOriginIsolated, undefined, { timeout: 30_000 });
      await page.waitForSelector('body[data-ready="true"]');
      await expect(page.getByTestId('isolation-status').getAttribute('data-isolated')).resolves.toBe('true');
      expect(await waitForWasm(page, 'io')).toMatch(/threads build/);
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
