// "Producers and consumers: a bounded queue" in Chromium against a live `cplay serve`: the core's
// queue in WebAssembly threads, the producer Workers with credits, the producer Workers on a
// SharedArrayBuffer ring and the native processes run each deliver every message exactly once, a slow consumer makes producers wait, and the native
// join-then-get hand-off is shown as the deadlock it is while get-then-join completes.
import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT_DIR, openPlayground } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

function section(page: Page): Locator {
  return page.locator('[data-experiment="queue"]');
}

async function expectExactlyOnce(side: Locator, sent: number): Promise<void> {
  const result = side.locator('.queue-side-result');
  expect(await side.locator('.error').count(), (await side.textContent()) ?? '').toBe(0);
  expect(await result.getAttribute('data-exactly-once')).toBe('true');
  expect(Number(await result.getAttribute('data-sent'))).toBe(sent);
  expect(Number(await result.getAttribute('data-received'))).toBe(sent);
}

const producerWaits = async (side: Locator): Promise<number> =>
  (await side.locator('.queue-producer').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-waits'))))).reduce((a, b) => a + b, 0);

describe('the bounded queue on the page', () => {
  it('delivers every message once in this browser and natively, with waits on a full queue', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const target = section(page);
    await target.scrollIntoViewIfNeeded();
    // Three producers of 20 messages, a queue of 2, a consumer pausing 2 ms: the queue fills. 60
    // messages of 200 bytes are more than the smallest pipe (4096 bytes) holds, so the pipe fills too.
    for (const [key, value] of Object.entries({ producers: 3, consumers: 1, capacity: 2, messages: 20, 'message-bytes': 200, 'consume-ms': 2 }))
      await target.locator(`#queue-${key}`).fill(String(value));
    await target.locator('#queue-native-mode').selectOption('processes');
    await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
    await target.and(page.locator('[data-busy="false"]')).getByTestId('queue-native').locator('.queue-side-result').waitFor({ timeout: 60_000 });

    for (const id of ['queue-wasm', 'queue-workers', 'queue-ring', 'queue-native']) {
      const side = target.getByTestId(id);
      await expectExactlyOnce(side, 60);
      expect(await producerWaits(side), id).toBeGreaterThan(0);
    }
    expect(await target.getByTestId('queue-workers').textContent()).toContain('at most 2 unacknowledged per producer');
    // One ring of 2 slots shared by the three producers, as the core's queue is shared.
    expect(await target.getByTestId('queue-ring').textContent()).toContain('a ring of 2 slots shared by every producer held at most 2 messages');
    expect(await target.getByTestId('queue-native').getByTestId('queue-handoff').getAttribute('data-outcome')).toBe('completed');

    await target.getByRole('button', { name: 'Run both orders natively' }).click();
    const handoffs = target.getByTestId('queue-handoff-native').getByTestId('queue-handoff');
    await handoffs.nth(1).waitFor({ timeout: 30_000 });
    expect(await handoffs.evaluateAll((all) => all.map((el) => `${el.getAttribute('data-order')} ${el.getAttribute('data-outcome')}`))).toEqual([
      'get-then-join completed',
      'join-then-get deadlock',
    ]);
    await target.and(page.locator('[data-busy="false"]')).waitFor();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await target.screenshot({ path: resolve(SCREENSHOT_DIR, 'queue.png') });
    await page.close();
  });

  it('names the range of an input out of it, as the core does, and cancels a long run', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const target = section(page);
    await target.locator('#queue-capacity').fill('0');
    await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
    await expect(target.locator('.busy-note').textContent()).resolves.toBe("--capacity must be an integer from 1 to 1000 (got '0')");

    // 2 producers x 100 messages x 100 ms: 20 s of pacing, cancelled well before.
    await target.locator('#queue-capacity').fill('4');
    await target.locator('#queue-messages').fill('100');
    await target.locator('#queue-consume-ms').fill('100');
    await target.getByRole('button', { name: 'Run the experiment', exact: true }).click();
    await target.and(page.locator('[data-busy="true"]')).waitFor();
    await page.waitForTimeout(300);
    await target.getByRole('button', { name: 'Cancel' }).click();
    await target.and(page.locator('[data-busy="false"]')).waitFor({ timeout: 10_000 });
    expect(await target.locator('.busy-note').textContent()).toBe('Cancelled.');
    expect(await target.getByTestId('queue-wasm').textContent()).toContain('Cancelled.');
    expect(await target.getByRole('button', { name: 'Run the experiment', exact: true }).isEnabled()).toBe(true);
    await page.close();
  });
});
