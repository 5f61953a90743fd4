// The hosted page: web/dist (what `npm run build:site` makes) served by a plain static server
// that sends no isolation headers, python3's http.server, from a sub-path as on GitHub Pages
// (https://user.github.io/repo/). The coi service worker must make the page cross-origin
// isolated after its reload, the threads build must run, the native column must show the
// committed reference, and nothing may fail on the way: no console error, no 404.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatMs } from '../../web/src/ui/format';
import { launchChromium, type LaunchedBrowser } from './e2e-support/chromium';
import { card, press, readSide, waitForWasm } from './e2e-support/playground-page';
import { isRunning } from './e2e-support/processes';
import { SITE_DIR } from './e2e-support/server';
import { unhandledWatch } from './e2e-support/unhandled';

const SUB_PATH = 'concurrency-playground';

interface StaticServer {
  /** The site's address, ending in '/'. */
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * python3 -m http.server on loopback, port 0: the system picks a free port and the server prints
 * it, so no other process can take it between choosing and binding. It serves a scratch folder
 * whose one entry links to web/dist, so the site lives under /concurrency-playground/.
 */
async function startStaticServer(): Promise<StaticServer> {
  const root = mkdtempSync(join(tmpdir(), 'cplay-static-'));
  symlinkSync(SITE_DIR, join(root, SUB_PATH));
  const child = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--directory', root, '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`python3 -m http.server did not start within 10 s: ${output}`)), 10_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Serving HTTP on \S+ port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    });
    // Its request log and the tracebacks of connections the browser dropped (a reload does).
    child.stderr!.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`python3 -m http.server exited with ${code}: ${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}/${SUB_PATH}/`,
    child,
    stop: () =>
      new Promise((done) => {
        const finish = () => {
          rmSync(root, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null || child.signalCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
      }),
  };
}

/** Everything that went wrong while the page loaded and ran, as readable lines. */
interface Trouble {
  problems: string[];
  /** Main-frame documents loaded so far (the first load, then the service worker's reload). */
  documents: number;
  /** Freezes which document counts as the last one: requests of earlier ones may be aborted. */
  settle(): void;
  /** Problems, after excusing requests that the reload cancelled in the documents it replaced. */
  report(): string[];
}

function watchTrouble(page: Page): Trouble {
  const problems: string[] = [];
  const aborted: { request: Request; generation: number }[] = [];
  const generationOf = new Map<Request, number>();
  let generation = 0;
  let settledAt: number | null = null;
  const trouble: Trouble = {
    problems,
    documents: 0,
    settle: () => {
      settledAt = generation;
    },
    report: () => [
      ...problems,
      ...aborted
        .filter(({ generation: g }) => settledAt === null || g >= settledAt)
        .map(({ request }) => `request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText ?? '?'})`),
    ],
  };
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) generation += 1;
  });
  page.on('request', (request) => {
    generationOf.set(request, generation);
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) trouble.documents += 1;
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()} (${message.location().url})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const errorText = request.failure()?.errorText ?? '';
    // A reload cancels what the page it replaces was still loading: net::ERR_ABORTED, excused
    // for documents older than the settled one. Anything else fails the test.
    if (errorText.includes('ERR_ABORTED')) aborted.push({ request, generation: generationOf.get(request) ?? generation });
    else problems.push(`request failed: ${request.method()} ${request.url()} (${errorText})`);
  });
  return trouble;
}

let server: StaticServer;
let browser: LaunchedBrowser;

beforeAll(async () => {
  if (!existsSync(resolve(SITE_DIR, 'index.html'))) throw new Error('web/dist is missing: run `npm run build:site` (or npm run build) first');
  server = await startStaticServer();
  browser = await launchChromium(); // service workers allowed (Playwright's default)
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    await server.stop();
    expect(isRunning(server.child.pid!), 'the static server is still running').toBe(false);
  }
});

it('a plain static host sends no isolation headers', async () => {
  const response = await fetch(server.url);
  expect(response.status).toBe(200);
  for (const header of ['cross-origin-opener-policy', 'cross-origin-embedder-policy', 'document-isolation-policy']) {
    expect(response.headers.has(header), `${header} from python3 -m http.server`).toBe(false);
  }
  await response.arrayBuffer();
});

it('is isolated by the coi service worker after its reload, runs threads, shows the stored reference, and nothing fails', async () => {
  const page = await browser.context.newPage();
  const trouble = watchTrouble(page);
  const unhandled = unhandledWatch();
  await unhandled.watch(page);

  const first = await page.goto(server.url, { waitUntil: 'commit' });
  expect(first?.status()).toBe(200);
  expect(await first?.headerValue('cross-origin-opener-policy')).toBeNull();

  // The first load registers the worker, which reloads the page once; the reloaded page is isolated.
  await page.waitForFunction(() => crossOriginIsolated, undefined, { timeout: 60_000 });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  trouble.settle();
  expect(trouble.documents, 'documents loaded: the first, then the reload').toBeGreaterThanOrEqual(2);
  const controller = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
  expect(controller).toBe(new URL('coi-serviceworker.js', server.url).href);
  await expect(page.getByTestId('isolation-status').getAttribute('data-isolated')).resolves.toBe('true');

  // No API on a static host: the native column is the committed reference.
  const reference = JSON.parse(readFileSync(resolve(SITE_DIR, 'reference/native.json'), 'utf8')) as {
    machine: { cpu_model: string; cores: number };
    reports: { demo: string; mode: string; workers: number; params: Record<string, unknown>; result: unknown; wall_ms: number }[];
  };
  await expect(page.getByTestId('native-source').textContent()).resolves.toMatch(/stored reference measured by cplay/);

  // The primes card's defaults: 1 000 000 by trial division, threads, 2 workers.
  expect(await waitForWasm(page, 'primes')).toMatch(/threads build/);
  await press(page, 'primes', 'Run both sides');
  const inBrowser = await readSide(page, 'primes', 'browser');
  const native = await readSide(page, 'primes', 'native');
  expect(inBrowser.error).toBeNull();
  expect(inBrowser.mode).toBe('threads');
  expect(inBrowser.result).toEqual({ count: 78498, largest: 999983 });

  const stored = reference.reports.find(
    (r) => r.demo === 'primes' && r.mode === 'threads' && r.workers === 2 && r.params.limit === 1_000_000 && r.params.algorithm === 'trial',
  );
  expect(stored, 'web/reference/native.json has the primes card default').toBeDefined();
  expect(native.mode).toBe('threads');
  expect(native.result).toEqual(stored!.result);
  const nativeSide = card(page, 'primes').locator('.side-native');
  await expect(nativeSide.locator('.machine').textContent()).resolves.toContain(`Stored reference run · ${reference.machine.cpu_model} · ${reference.machine.cores} cores`);
  await expect(nativeSide.locator('dl.facts dd').first().textContent()).resolves.toBe(formatMs(stored!.wall_ms));
  await expect(card(page, 'primes').getByTestId('agreement').getAttribute('data-state')).resolves.toBe('agree');

  expect([...trouble.report(), ...(await unhandled.seen(page))]).toEqual([]);
  await page.close();
});
