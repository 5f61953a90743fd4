// The io card's http source in Chromium against a live `cplay serve`: the browser side fetches
// cplay serve's GET /api/payload with fetch() (async: all at once), the native side runs
// `cplay io --source http` with its own loopback server; both get every body intact, and the
// browser's concurrent fetches overlap (by order: each began before any ended, never a duration).
import { describe, expect, it } from 'vitest';
import { card, openPlayground, press, readSide } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

describe('io over http on the page', () => {
  it('gets every body intact on both sides, and the browser’s fetches overlap', async () => {
    const query = 'io.mode=async&io.workers=3&io.tasks=3&io.latency_ms=200&io.source=http&io.bytes=4096';
    const page = await openPlayground(playground.browser.context, `${playground.server.url}?${query}`);
    const io = card(page, 'io');
    await io.scrollIntoViewIfNeeded();
    expect(await io.locator('#io-source').inputValue()).toBe('http');
    await press(page, 'io', 'Run both sides', 30_000);

    const browser = io.getByTestId('browser-http-result');
    expect(await browser.count(), (await io.getByTestId('browser-body').textContent()) ?? '').toBe(1);
    expect(await browser.getAttribute('data-intact')).toBe('true');
    const rows = io.getByTestId('browser-body').locator('[data-testid="fetches"] tbody tr');
    expect(await rows.count()).toBe(3);
    const fetched = await rows.evaluateAll((trs) => trs.map((tr) => ({ intact: tr.getAttribute('data-intact'), start: Number(tr.getAttribute('data-start')), end: Number(tr.getAttribute('data-end')), bytes: tr.children[1]?.textContent })));
    for (const f of fetched) expect(f).toMatchObject({ intact: 'true', bytes: '4,096' });
    expect(Math.max(...fetched.map((f) => f.start))).toBeLessThan(Math.min(...fetched.map((f) => f.end)));

    const native = await readSide(page, 'io', 'native');
    expect(native.error).toBeNull();
    expect(native.result).toMatchObject({ completed: 3, tasks: 3, total_bytes: 3 * 4096, intact: true });
    const nativeFetches = native.result?.fetches as { bytes: number; intact: boolean }[];
    expect(nativeFetches.map((f) => [f.bytes, f.intact])).toEqual([[4096, true], [4096, true], [4096, true]]);
    await page.close();
  });
});
