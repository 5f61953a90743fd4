// "See the interleaving" in Chromium: the core's explorer in WebAssembly steps the race one worker
// at a time (the next operation marked, registers and the counter shown), undoes a step, finds a
// schedule that loses updates and plays it; the deadlock card's link opens it on the deadlock,
// where "Find a deadlock" ends with each worker holding one lock and nobody able to move.
import type { Locator, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlayground, SCREENSHOT_DIR } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';

const playground = servePlaygroundInChromium();

function section(page: Page): Locator {
  return page.locator('[data-experiment="explore"]');
}

/** Waits for the card to be idle with its status line containing `text`. */
async function statusSays(page: Page, text: string): Promise<string> {
  const card = section(page);
  await card.and(page.locator('[data-busy="false"]')).getByTestId('explore-status').filter({ hasText: text }).waitFor({ timeout: 30_000 });
  return (await card.getByTestId('explore-status').textContent()) ?? '';
}

async function move(page: Page, worker: number, expected: string): Promise<void> {
  await section(page).getByRole('button', { name: `worker ${worker} moves`, exact: true }).click();
  await statusSays(page, expected);
}

const counter = async (page: Page): Promise<number> => Number(await section(page).locator('[data-variable="counter"] td').textContent());

describe('see the interleaving', () => {
  it('steps the race, undoes, and finds a lost update', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const card = section(page);
    await card.scrollIntoViewIfNeeded();
    // The default, 2 workers x 2 increments with no sync, is explored once the card is seen.
    await card.locator('[data-testid="explore-outcomes"] tbody tr').nth(2).waitFor({ timeout: 60_000 });
    expect(await card.locator('[data-testid="explore-outcomes"] tbody th').allTextContents()).toEqual(['counter = 2', 'counter = 3', 'counter = 4']);
    expect(await card.locator('.explore-summary').textContent()).toContain('70 schedules, 75 distinct states');
    await statusSays(page, 'Nothing has run yet.');

    await move(page, 0, 'Schedule 0 (1 step)');
    const worker0 = card.locator('.explore-worker[data-worker="0"]');
    expect(await worker0.getAttribute('data-pc')).toBe('1');
    // The same step marked in both languages.
    expect(await worker0.locator('[data-language="C++"] li.next').textContent()).toBe('counter.store(r0 + 1)');
    expect(await worker0.locator('[data-language="Python"] li.next').textContent()).toBe('counter = seen + 1');
    await move(page, 1, 'Schedule 0,1 (2 steps)');
    await move(page, 0, 'Schedule 0,1,0 (3 steps)');
    expect(await counter(page)).toBe(1);
    // Worker 1 read 0 before worker 0 wrote: its register still holds the stale 0.
    expect(await card.getByTestId('explore-registers-1').textContent()).toContain('r0 = 0');
    await card.getByRole('button', { name: 'Undo', exact: true }).click();
    await statusSays(page, 'Schedule 0,1 (2 steps)');
    expect(await counter(page)).toBe(0);
    expect(await worker0.getAttribute('data-pc')).toBe('1');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await card.screenshot({ path: resolve(SCREENSHOT_DIR, 'explore-stepping.png') });
    await card.getByRole('button', { name: 'Random step', exact: true }).click();
    await statusSays(page, '(3 steps)');

    await card.getByRole('button', { name: 'Find a lost update', exact: true }).click();
    const status = await statusSays(page, 'Nobody can move');
    expect(status).toMatch(/counter = 2 — expected 4: 2 updates lost/);
    expect(await counter(page)).toBeLessThan(4);
    // Finished workers cannot move.
    expect(await card.getByRole('button', { name: 'worker 0 moves', exact: true }).isDisabled()).toBe(true);
    await card.screenshot({ path: resolve(SCREENSHOT_DIR, 'explore-lost-update.png') });

    // The largest race the card allows in one go, timed by the core in this browser.
    await card.locator('#explore-workers').fill('3');
    await card.locator('#explore-size').fill('3');
    await card.getByRole('button', { name: 'Explore every schedule', exact: true }).click();
    await card.locator('.explore-summary').filter({ hasText: '3 workers x 3 increments' }).waitFor({ timeout: 60_000 });
    const summary = (await card.locator('.explore-summary').textContent()) ?? '';
    console.log(`[explore] ${summary}`);
    expect(summary).toContain('17,153,136 schedules, 26,260 distinct states');
    await page.close();
  });

  it('opens on the deadlock from the deadlock card and finds one', async () => {
    const page = await openPlayground(playground.browser.context, playground.server.url);
    const card = section(page);
    // The link explores the deadlock even before the card has been seen.
    await page.locator('[data-experiment="deadlock"] a[data-explore-scenario="deadlock"]').click();
    await card.locator('[data-testid="explore-outcomes"] tr.deadlock').waitFor({ timeout: 30_000 });
    expect(await card.locator('#explore-scenario').inputValue()).toBe('deadlock');
    await card.locator('[data-lock="A"] td').filter({ hasText: 'free' }).waitFor({ timeout: 30_000 });
    await card.getByRole('button', { name: 'Find a deadlock', exact: true }).click();
    await statusSays(page, 'Nobody can move: deadlock');
    expect(await card.locator('[data-lock="A"] td').textContent()).toMatch(/held by worker [01]/);
    expect(await card.locator('[data-lock="B"] td').textContent()).toMatch(/held by worker [01]/);
    for (const worker of [0, 1]) expect(await card.getByRole('button', { name: `worker ${worker} moves`, exact: true }).isDisabled()).toBe(true);
    // The race card's link comes back to the race.
    await page.locator('#demo-race a[data-explore-scenario="race"]').click();
    await card.locator('[data-testid="explore-outcomes"] tbody th').filter({ hasText: 'counter = 3' }).waitFor({ timeout: 30_000 });
    expect(await card.locator('#explore-scenario').inputValue()).toBe('race');
    await statusSays(page, 'Nothing has run yet.');
    await page.close();
  });
});
