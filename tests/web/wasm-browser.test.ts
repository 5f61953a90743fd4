// The loader in its real home: a module Worker of a cross-origin isolated page in Debian's
// Chromium. The threads build must find cplay.worker.js beside cplay.mjs and start its pool;
// the single build must run without SharedArrayBuffer.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Info, Report } from '../../wasm/js/types';
import { launchChromium, type LaunchedBrowser } from './e2e-support/chromium';

const ROOT = new URL('../../', import.meta.url);

// Loads a variant, runs the requests and answers with {info, reports}.
const WORKER = `
import { loadPlayground } from '/loader.js';
self.onmessage = async ({ data }) => {
  try {
    const playground = await loadPlayground(data.variant, { base: '/wasm/' + data.variant + '/', ...data.options });
    self.postMessage({ info: playground.info(), reports: data.requests.map((r) => playground.run(r)) });
  } catch (error) {
    self.postMessage({ error: String(error) });
  }
};`;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.html': 'text/html',
};

async function bundleLoader(): Promise<string> {
  const out = await build({
    entryPoints: [fileURLToPath(new URL('wasm/js/loader.ts', ROOT))],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

// Static files with the headers that make a page cross-origin isolated.
function serve(loader: string): Promise<Server> {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
    };
    let body: string | Buffer | undefined;
    if (path === '/') body = '<!doctype html><title>wasm loader</title>';
    else if (path === '/loader.js') body = loader;
    else if (path === '/worker.js') body = WORKER;
    else if (/^\/wasm\/(threads|single)\/cplay\.(mjs|wasm|worker\.js)$/.test(path))
      body = await readFile(new URL(`build${path}`, ROOT)).catch(() => undefined);
    if (body === undefined) {
      response.writeHead(404, headers).end();
      return;
    }
    const extension = path === '/' ? '.html' : path.slice(path.lastIndexOf('.'));
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[extension] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the loader in a browser module Worker', () => {
  let server: Server;
  let browser: LaunchedBrowser;
  let origin: string;
  beforeAll(async () => {
    server = await serve(await bundleLoader());
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  interface Outcome {
    info: Info;
    reports: Report[];
    isolated: boolean;
  }

  async function runInWorker(variant: string, requests: object[], options: object = {}): Promise<Outcome> {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${origin}/`);
      return await page.evaluate(
        ({ variant, requests, options }) =>
          new Promise((resolve, reject) => {
            const worker = new Worker('/worker.js', { type: 'module' });
            worker.onerror = (event) => reject(new Error(event.message));
            worker.onmessage = ({ data }) => {
              worker.terminate();
              if (data.error) reject(new Error(data.error));
              else resolve({ ...data, isolated: self.crossOriginIsolated });
            };
            worker.postMessage({ variant, requests, options });
          }),
        { variant, requests, options },
      );
    } finally {
      await page.close();
    }
  }

  it('threads: the pool starts from cplay.worker.js, sized from the cores', async () => {
    const request = { demo: 'primes', mode: 'threads', workers: 1, params: { limit: 100000 } };
    const { info, reports, isolated } = await runInWorker('threads', [request]);
    expect(isolated).toBe(true);
    expect(info).toMatchObject({ variant: 'threads', runtime: 'wasm' });
    expect(info.max_workers).toBe(Math.min(info.cores, 16));
    expect(reports[0]?.result).toEqual({ count: 9592, largest: 99991 });
  });

  it('threads: runs on as many pthreads as asked, up to the pool', async () => {
    const request = { demo: 'primes', mode: 'threads', workers: 3, params: { limit: 100000 } };
    const { info, reports } = await runInWorker('threads', [request, { ...request, workers: 4 }], { poolSize: 3 });
    expect(info.max_workers).toBe(3);
    expect(reports[0]?.result).toEqual({ count: 9592, largest: 99991 });
    expect(new Set(reports[0]?.spans.map((span) => span.tid)).size).toBe(3);
    expect(reports[1]).toMatchObject({ error: { code: 'invalid-argument' } });
  });

  it('single: runs without threads', async () => {
    const request = { demo: 'factorial', mode: 'async', workers: 2, params: { n: 1000, count: 2 } };
    const { info, reports } = await runInWorker('single', [request]);
    expect(info).toMatchObject({ variant: 'single', max_workers: 0 });
    expect(reports[0]?.result).toMatchObject({ digits: 2568, leading: '40238726007709377354' });
  });
});
