// Serves web/dist for a test: with `cplay serve` (the real thing: API and headers) when the
// native build has it, else with `vite preview` (same headers, no API) so the page can still be
// tested while the server is missing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');
export const SITE_DIR = resolve(REPO_ROOT, 'web/dist');
export const CPLAY = resolve(REPO_ROOT, 'build/native/cplay');

export interface TestServer {
  url: string;
  kind: 'cplay-serve' | 'vite-preview';
  /** The server's process id (cplay serve only). */
  pid?: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export function cplayServeAvailable(): boolean {
  if (!existsSync(CPLAY)) return false;
  const help = spawnSync(CPLAY, ['serve', '--help'], { encoding: 'utf8' });
  return help.status === 0 && help.stdout.includes('--root');
}

async function waitUntilServing(url: string, child: ChildProcess | null): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`nothing served ${url} within 30 s`);
}

export interface ServerOptions {
  /** Send the cross-origin isolation headers (default true). */
  isolation?: boolean;
  /** Serve files only, like a static host: vite preview even where `cplay serve` exists. */
  staticOnly?: boolean;
  /** More `cplay serve` flags, e.g. ['--job-timeout-s', '1']. */
  serveArgs?: string[];
}

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const isolation = options.isolation ?? true;
  if (!existsSync(resolve(SITE_DIR, 'index.html'))) {
    throw new Error('web/dist is missing: run `npm run build` (or scripts/build-web.sh) first');
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  if (!options.staticOnly) {
    // The page's native column and API tests need the real server: no silent stand-in.
    if (!cplayServeAvailable()) throw new Error(`${CPLAY} serve is missing: run npm run build first`);
    const args = ['serve', '--host', '127.0.0.1', '--port', String(port), '--root', SITE_DIR];
    if (!isolation) args.push('--no-isolation');
    args.push(...(options.serveArgs ?? []));
    const child = spawn(CPLAY, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    await waitUntilServing(url, child);
    return {
      url,
      kind: 'cplay-serve',
      pid: child.pid,
      stop: () =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    };
  }
  // vite reads the headers when it loads its config, so the switch goes through the environment.
  const previous = process.env.CPLAY_NO_ISOLATION;
  process.env.CPLAY_NO_ISOLATION = isolation ? '0' : '1';
  const { preview } = await import('vite');
  const server = await preview({
    root: resolve(REPO_ROOT, 'web'),
    configFile: resolve(REPO_ROOT, 'web/vite.config.ts'),
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  if (previous === undefined) delete process.env.CPLAY_NO_ISOLATION;
  else process.env.CPLAY_NO_ISOLATION = previous;
  await waitUntilServing(url, null);
  return { url, kind: 'vite-preview', stop: () => server.close() };
}
