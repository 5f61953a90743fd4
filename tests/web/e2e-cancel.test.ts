// Cancel stops a long browser run at once (the Worker is terminated), the page stays responsive
// while a run is going, and the next run works.
import { expect, it } from 'vitest';
import { card, openPlayground, press, readSide, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

for (const mode of ['threads', 'processes']) {
  it(`cancels a long ${mode} run and runs again`, async () => {
    // Counting primes to 10^9 by trial division would take many minutes in the browser.
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?primes.limit=1000000000&primes.mode=${mode}`);
    await waitForWasm(page, 'primes');
    const primes = card(page, 'primes');
    await primes.getByRole('button', { name: 'Run in browser', exact: true }).click();
    // The progress line appears for runs longer than half a second.
    await primes.getByTestId('progress').waitFor({ state: 'visible', timeout: 10_000 });
    // The main thread is free: a round trip into the page is quick while the run goes on.
    const started = Date.now();
    await page.evaluate(() => document.title);
    expect(Date.now() - started).toBeLessThan(1000);

    const cancelled = Date.now();
    await primes.getByRole('button', { name: 'Cancel', exact: true }).click();
    await primes.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 5000 });
    expect(Date.now() - cancelled).toBeLessThan(3000);
    await expect(primes.getByTestId('browser-body').textContent()).resolves.toMatch(/Cancelled/);

    // The next run, with a small limit typed in, works on the fresh Worker.
    await primes.getByLabel('Count primes up to').fill('100000');
    await primes.getByLabel('Count primes up to').press('Tab');
    await press(page, 'primes', 'Run in browser');
    const result = await readSide(page, 'primes', 'browser');
    expect(result.result).toEqual({ count: 9592, largest: 99991 });
    expect(result.mode).toBe(mode);
    await page.close();
  });
}
