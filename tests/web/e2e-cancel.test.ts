// Cancel stops a long browser run at once (the Worker is terminated) and a long native run (the
// server's job is stopped), the page stays responsive while a run is going, and the next run works.
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
    // The main thread is free while the run goes on: the page answers, and its buttons work.
    await expect(page.evaluate(() => document.title)).resolves.toMatch(/Playground/);

    // The run would take many minutes; ending within the wait below means Cancel stopped it.
    await primes.getByRole('button', { name: 'Cancel', exact: true }).click();
    await primes.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 30_000 });
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

it('cancels a long native run, and the server takes the next one at once', async () => {
  const page = await openPlayground(playground.browser.context, `${playground.server.url}?io.tasks=1&io.latency_ms=60000&io.mode=threads`);
  await waitForWasm(page, 'io');
  const io = card(page, 'io');
  await io.getByRole('button', { name: 'Run natively', exact: true }).click();
  await page.waitForTimeout(1000); // let the request reach the server
  await io.getByRole('button', { name: 'Cancel', exact: true }).click();
  await io.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 30_000 });

  // Had the server kept its 60 s job, this run would queue behind it and end "busy" (429).
  await io.getByLabel('Wait per task (ms)').fill('10');
  await io.getByLabel('Wait per task (ms)').press('Tab');
  await press(page, 'io', 'Run natively');
  const native = await readSide(page, 'io', 'native');
  expect(native.error).toBeNull();
  expect(native.result).toEqual({ tasks: 1, completed: 1 });
  await page.close();
});
