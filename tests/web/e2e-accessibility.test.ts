// axe-core, run in Chromium on the page as a reader gets it: the full page and the embed, in the
// light and the dark scheme, before and after a run (a run adds results, charts and tables).
// Any violation fails, named with its rule, impact and first elements.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPlayground, press, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';
import { REPO_ROOT } from './e2e-support/server';

const AXE_SCRIPT = resolve(REPO_ROOT, 'node_modules/axe-core/axe.min.js');
const playground = servePlaygroundInChromium();

interface AxeResult {
  violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
}

async function violations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    const result = await axe.run();
    return result.violations.map(
      (v) => `${v.id} (${v.impact ?? 'unknown'}) at ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ''}`,
    );
  });
}

describe('no accessibility violation found by axe-core', () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, query, demo] of [
      ['the full page', 'race.increments=20000', 'race'],
      ['the embed', 'embed=1&demo=race&race.increments=20000', 'race'],
    ] as const) {
      it(`${name}, ${scheme} scheme, before and after a run`, async () => {
        const page = await openPlayground(playground.browser.context, `${playground.server.url}?${query}`, (p) => p.emulateMedia({ colorScheme: scheme }));
        await waitForWasm(page, demo);
        expect(await violations(page), 'before a run').toEqual([]);
        await press(page, demo, 'Run both sides');
        expect(await violations(page), 'after a run').toEqual([]);
        await page.close();
      });
    }
  }
});
