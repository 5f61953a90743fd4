// On a static host there is no /api: the native column shows the committed reference that
// `npm run reference` measured with cplay, only for exactly the same settings, and accepts the user's own
// `cplay … --json` output.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { card, openPlayground, press, readSide, waitForWasm } from './e2e-support/playground-page';
import { servePlaygroundInChromium } from './e2e-support/served-playground';
import { CPLAY, SITE_DIR } from './e2e-support/server';

const playground = servePlaygroundInChromium({ staticOnly: true });
const hasReference = existsSync(resolve(SITE_DIR, 'reference/native.json'));

it('shows the stored reference for the default settings', async () => {
  expect(hasReference, 'web/dist/reference/native.json is missing: the build copies web/reference/native.json').toBe(true);
  const page = await openPlayground(playground.browser.context, playground.server.url);
  await expect(page.getByTestId('native-source').textContent()).resolves.toMatch(/stored reference measured by cplay \(.+, \d+ cores, .+ on \d{4}-\d\d-\d\d\)/);
  await waitForWasm(page, 'io');
  await press(page, 'race', 'Run both sides');
  const native = await readSide(page, 'race', 'native');
  expect(native.result).toMatchObject({ expected: 200000, sync: 'none' });
  await expect(card(page, 'race').locator('.side-native .machine').textContent()).resolves.toMatch(/Stored reference run · .+ · \d+ cores/);
  await page.close();
});

it('asks for a file when settings differ, then uses the dropped one', async () => {
  expect(existsSync(CPLAY), `${CPLAY} is missing: run npm run build`).toBe(true);
  const page = await openPlayground(playground.browser.context, `${playground.server.url}?primes.limit=12345&primes.mode=sequential`);
  await waitForWasm(page, 'primes');
  await press(page, 'primes', 'Run natively');
  const missing = await readSide(page, 'primes', 'native');
  expect(missing.missing).toBe(true);
  const command = (await card(page, 'primes').locator('.side-native pre.command').textContent()) ?? '';
  expect(command).toMatch(/^cplay primes (?=.*--limit 12345)(?=.*--algorithm trial)(?=.*--mode sequential).*--json$/);

  // Run that very command, and load its output as a user would.
  const output = execFileSync(CPLAY, command.split(' ').slice(1), { encoding: 'utf8' });
  const file = join(mkdtempSync(join(tmpdir(), 'cplay-drop-')), 'mine.json');
  writeFileSync(file, output);
  await page.locator('#native-file').setInputFiles(file);
  await page.getByTestId('drop-status').filter({ hasText: /mine\.json: 1 report loaded/ }).waitFor({ timeout: 10_000 });
  await press(page, 'primes', 'Run both sides');
  const [inBrowser, native] = [await readSide(page, 'primes', 'browser'), await readSide(page, 'primes', 'native')];
  expect(native.result).toEqual({ count: 1474, largest: 12343 });
  expect(inBrowser.result).toEqual(native.result);
  await expect(card(page, 'primes').locator('.side-native .machine').textContent()).resolves.toMatch(/From your file/);

  // A file that is not a report is refused with a reason.
  writeFileSync(file, '{"schema":1,"demo":"primes"}');
  await page.locator('#native-file').setInputFiles(file);
  await page.getByTestId('drop-status').filter({ hasText: /no valid report/ }).waitFor({ timeout: 10_000 });
  await page.close();
});
