// The browser contenders: the page itself in Debian's Chromium (playwright-core), driven like a
// learner drives it: settings in the address, "Run in browser", then read what the column shows
// (the wall time and Worker start in its facts, each worker's span in the timeline's label).
import type { Page } from 'playwright-core';
import { launchChromium, type LaunchedBrowser } from '../tests/web/e2e-support/chromium';
import { card, openPlayground, press, waitForWasm } from '../tests/web/e2e-support/playground-page';
import { startServer, type TestServer } from '../tests/web/e2e-support/server';
import type { Sample } from './harness';

export interface BrowserSession {
  /** A page opened on `query` (e.g. "demo=primes&primes.mode=threads"), its wasm loaded; kept for later rounds. */
  page(query: string): Promise<Page>;
  version: string;
  close(): Promise<void>;
}

export async function openBrowserSession(): Promise<BrowserSession> {
  const server: TestServer = await startServer();
  let browser: LaunchedBrowser | undefined;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.stop();
    throw error;
  }
  const pages = new Map<string, Page>();
  const version = browser.context.browser()?.version() ?? 'Chromium';
  return {
    version,
    async page(query) {
      const open = pages.get(query);
      if (open) return open;
      const page = await openPlayground(browser.context, `${server.url}?${query}`);
      await waitForWasm(page, new URLSearchParams(query).get('demo') ?? '');
      // Once loaded, the page compiles the Workers' module in the background: let it finish, as
      // it has for a learner who reads the card before pressing Run.
      await page.waitForTimeout(1000);
      pages.set(query, page);
      return page;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** "966 ms", "1.23 s", "9.87 ms" (web/src/ui/format.ts formatMs) back to milliseconds. */
export function parseShownMs(text: string): number {
  const match = /([\d.]+)\s*(ms|s)\b/.exec(text);
  if (!match) throw new Error(`not a duration: ${JSON.stringify(text)}`);
  return Number(match[1]) * (match[2] === 's' ? 1000 : 1);
}

/** Runs the card in the browser column once and reads its figures. */
export async function browserRun(session: BrowserSession, query: string): Promise<Sample> {
  const demo = new URLSearchParams(query).get('demo') ?? '';
  const page = await session.page(query);
  await press(page, demo, 'Run in browser', 300_000);
  const side = card(page, demo).locator('.side-browser');
  const error = side.locator('[data-testid="browser-error"]');
  if ((await error.count()) > 0) throw new Error(`page: ${await error.textContent()}`);
  const facts = await side.locator('dl.facts').evaluate((dl) => {
    const found: Record<string, string> = {};
    for (const dt of dl.querySelectorAll('dt')) found[dt.textContent ?? ''] = dt.nextElementSibling?.textContent ?? '';
    return found;
  });
  const wall = facts['wall time'];
  if (wall === undefined) throw new Error('the browser column shows no wall time');
  const figures: Sample = { ms: parseShownMs(wall) };
  const startup = facts['of which starting Workers'];
  if (startup !== undefined) figures.startup_ms = parseShownMs(startup);
  const label = (await side.locator('.chart-timeline canvas').getAttribute('aria-label')) ?? '';
  const starts = [...label.matchAll(/worker \d+ from ([\d.]+) to/g)].map((m) => Number(m[1]));
  if (starts.length > 0) {
    figures.first_start_ms = Math.min(...starts);
    figures.last_start_ms = Math.max(...starts);
  }
  // Each Worker the run started has a "starting" stretch on the timeline: the slowest one's.
  const starting = [...label.matchAll(/worker \d+ starting from ([\d.]+) to ([\d.]+) ms/g)].map((m) => Number(m[2]) - Number(m[1]));
  if (starting.length > 0) figures.slowest_worker_start_ms = Math.max(...starting);
  return figures;
}
