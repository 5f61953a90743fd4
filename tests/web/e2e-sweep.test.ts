// A sweep runs 1…N workers on both sides and draws measured speedup, the ideal line and the
// Amdahl fit.
import { expect, it } from 'vitest';
import { card, openPlayground, press, screenshotCard, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

it('draws the speedup chart of a sweep', async () => {
  const page = await openPlayground(playground.browser.context, `${playground.server.url}?primes.limit=400000&primes.upto=3`);
  await waitForWasm(page, 'primes');
  await press(page, 'primes', 'Sweep workers');
  const sweep = card(page, 'primes').getByTestId('sweep');
  await expect(sweep.isVisible()).resolves.toBe(true);
  const canvas = sweep.locator('canvas');
  const label = (await canvas.getAttribute('aria-label')) ?? '';
  expect(label).toMatch(/browser: 1 workers 1\.00×, 2 workers [\d.]+×, 3 workers [\d.]+×/);
  expect(label).toMatch(/native: 1 workers 1\.00×, 2 workers [\d.]+×, 3 workers [\d.]+×/);
  await expect(sweep.locator('.fits').textContent()).resolves.toMatch(/browser: Amdahl fit says [\d.]+ %/);
  // Something was really painted: count opaque pixels on the canvas.
  const painted = await canvas.evaluate((element: HTMLCanvasElement) => {
    const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) count++;
    return count;
  });
  expect(painted).toBeGreaterThan(5000);
  await screenshotCard(page, 'primes', 'sweep-primes-light');
  await page.close();
});
