// Drives the playground like a person: open it with settings in the address, press a card's
// buttons, wait for the card to finish, read what each column shows.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { REPO_ROOT } from './server';

export const SCREENSHOT_DIR = resolve(REPO_ROOT, 'test-output');

export interface SideResult {
  result: Record<string, unknown> | null;
  error: string | null;
  missing: boolean;
  mode: string | null;
  /** fork, spawn or worker for processes; null otherwise. */
  startMethod: string | null;
}

/** `prepare` runs before the page loads: to route requests or add init scripts, say. */
export async function openPlayground(context: BrowserContext, url: string, prepare?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
  await prepare?.(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return page;
}

/** Waits until the browser column says which build it loaded (the Worker is up). */
export async function waitForWasm(page: Page, demo: string): Promise<string> {
  const machine = card(page, demo).locator('.side-browser .machine');
  await machine.filter({ hasText: /build/ }).waitFor({ timeout: 60_000 });
  return (await machine.textContent()) ?? '';
}

export function card(page: Page, demo: string): Locator {
  return page.locator(`article[data-demo="${demo}"]`);
}

/** Presses a button of a card and waits for the card's job to end. */
export async function press(page: Page, demo: string, button: string, timeoutMs = 120_000): Promise<void> {
  const target = card(page, demo);
  await target.getByRole('button', { name: button, exact: true }).click();
  await target.and(page.locator('[data-busy="false"]')).waitFor({ timeout: timeoutMs });
}

export async function readSide(page: Page, demo: string, side: 'browser' | 'native'): Promise<SideResult> {
  const body = card(page, demo).locator(`[data-testid="${side}-body"]`);
  const result = body.locator(`[data-testid="${side}-result"]`);
  if ((await result.count()) > 0) {
    return {
      result: JSON.parse((await result.getAttribute('data-result')) ?? 'null') as Record<string, unknown>,
      error: null,
      missing: false,
      mode: await result.getAttribute('data-mode'),
      startMethod: (await result.getAttribute('data-start-method')) || null,
    };
  }
  const error = body.locator(`[data-testid="${side}-error"]`);
  if ((await error.count()) > 0) return { result: null, error: await error.textContent(), missing: false, mode: null, startMethod: null };
  const missing = (await body.locator(`[data-testid="${side}-missing"]`).count()) > 0;
  return { result: null, error: null, missing, mode: null, startMethod: null };
}

export async function screenshotCard(page: Page, demo: string, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  await card(page, demo).screenshot({ path });
  return path;
}
