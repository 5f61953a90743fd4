// The page served by `cplay serve` is cross-origin isolated and loads the threads build; the
// native API answers bad requests with 400 and an error report.
import { describe, expect, it } from 'vitest';
import { openPlayground, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

describe('isolation', () => {
  it('is cross-origin isolated and runs the threads build', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
    await expect(page.getByTestId('isolation-status').getAttribute('data-isolated')).resolves.toBe('true');
    expect(await page.getByTestId('isolation-banner').count()).toBe(0);
    expect(await waitForWasm(page, 'primes')).toMatch(/threads build/);
    await page.close();
  });

  it('serves the module files with the right types', async () => {
    const wasm = await fetch(new URL('wasm/threads/cplay.wasm', playground.server.url));
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    const worker = await fetch(new URL('wasm/threads/cplay.worker.js', playground.server.url));
    expect(worker.status).toBe(200);
    const sw = await fetch(new URL('coi-serviceworker.js', playground.server.url));
    expect(sw.status).toBe(200);
  });
});

describe('native API', () => {
  const post = (body: string) =>
    fetch(new URL('api/run', playground.server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers bad requests with 400 and an error report', async () => {
    const cases = ['{"demo":"primes","params":{"limit":0}}', '{"demo":"nope"}', 'not json', '{"demo":"primes","params":{"bogus":1}}', '[]'];
    for (const body of cases) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
      const report = (await response.json()) as { schema: number; error: { code: string; message: string } };
      expect(report.schema).toBe(1);
      expect(report.error.message.length, body).toBeGreaterThan(0);
      expect(typeof report.error.code).toBe('string');
    }
  });

  it('names the flag and its range in the message', async () => {
    const response = await post('{"demo":"primes","params":{"limit":0}}');
    const report = (await response.json()) as { error: { message: string } };
    expect(report.error.message).toMatch(/--limit/);
  });

  it('describes the machine at /api/info', async () => {
    const info = (await (await fetch(new URL('api/info', playground.server.url))).json()) as { cores: number; pid: number };
    expect(info.cores).toBeGreaterThan(0);
    expect(info.pid).toBeGreaterThan(0);
  });
});
