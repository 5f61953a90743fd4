// `cplay serve` under hostile requests, over real HTTP on a free loopback port: only its own page
// may start work, every bad byte is a 4xx with an error report, jobs are named, bounded in time,
// cancelled by id, and a SIGTERM ends the server with no child left behind.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, type Reply } from './e2e-support/raw-http';
import { startServer, type TestServer } from './e2e-support/server';
import { descendantsOf, isRunning } from './e2e-support/processes';

/** Writes raw bytes and reads until the server closes the connection (or 10 s pass). */
function rawExchange(base: string, bytes: string): Promise<string> {
  const url = new URL(base);
  return new Promise((done, fail) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.setTimeout(10_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => done(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? undefined : fail(error)));
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const LONG_IO = JSON.stringify({ demo: 'io', mode: 'threads', params: { tasks: 1, latency_ms: 60000 } });
const LONG_PROCESSES = JSON.stringify({ demo: 'io', mode: 'processes', workers: 3, params: { tasks: 3, latency_ms: 60000 } });
const QUICK = JSON.stringify({ demo: 'primes', mode: 'threads', workers: 2, params: { limit: 1000 } });

function errorCode(reply: Reply): string {
  expect(reply.headers['content-type']).toMatch(/application\/json/);
  const report = JSON.parse(reply.body) as { schema: number; error: { code: string; message: string } };
  expect(report.schema).toBe(1);
  expect(report.error.message.length).toBeGreaterThan(0);
  return report.error.code;
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('cplay serve: who may ask', () => {
  let server: TestServer;
  let host: string;
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = JSON_TYPE) =>
    send(server.url, 'POST', path, { host, ...headers }, body);

  beforeAll(async () => {
    server = await startServer();
    host = new URL(server.url).host;
  });
  afterAll(() => server?.stop());

  it('refuses a cross-site page, before any work', async () => {
    // The "simple" request a hostile page can send without a CORS preflight.
    const simple = await post('/api/run', LONG_IO, { 'content-type': 'text/plain', origin: 'http://evil.example' });
    expect(simple.status).toBe(403);
    expect(errorCode(simple)).toBe('forbidden-origin');
    const fetchSite = await post('/api/run', LONG_IO, { ...JSON_TYPE, 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.status).toBe(403);
    // Neither started the 60 s job: a quick run goes through at once instead of waiting for it.
    const quick = await post('/api/run?job=after-refusals', QUICK);
    expect(quick.status).toBe(200);
    expect(JSON.parse(quick.body).result).toEqual({ count: 168, largest: 997 });
  });

  it('takes JSON only: text/plain is 415', async () => {
    const reply = await post('/api/run', QUICK, { 'content-type': 'text/plain' });
    expect(reply.status).toBe(415);
    expect(errorCode(reply)).toBe('unsupported-media-type');
  });

  it('answers only its own Host (DNS rebinding), yet serves its files to anyone', async () => {
    const rebound = await send(server.url, 'POST', '/api/run', { ...JSON_TYPE, host: `evil.example:${new URL(server.url).port}` }, QUICK);
    expect(rebound.status).toBe(403);
    expect(errorCode(rebound)).toBe('forbidden-host');
    const page = await send(server.url, 'GET', '/', { host: 'evil.example' });
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html/i);
  });

  it('names itself on every response, so the page knows to ask for the API (a static host does not)', async () => {
    for (const path of ['/', '/api/info', '/no-such-file']) {
      const reply = await send(server.url, 'GET', path, { host });
      expect(reply.headers['cplay-serve'], path).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });

  it('sends no CORS headers', async () => {
    const reply = await send(server.url, 'GET', '/api/info', { host, origin: server.url.replace(/\/$/, '') });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it('answers bad bytes with 400, an oversize body with 413, an unknown path with 404', async () => {
    const notUtf8 = await post('/api/run', Buffer.from([0x7b, 0x22, 0x64, 0x65, 0x6d, 0x6f, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
    expect(notUtf8.status).toBe(400);
    expect(errorCode(notUtf8)).toBe('invalid-json');
    const withNul = await post('/api/run', Buffer.from('{"demo":"primes"\u0000}'));
    expect(withNul.status).toBe(400);
    const tooLarge = await post('/api/run', '['.repeat(70_000));
    expect(tooLarge.status).toBe(413);
    expect(errorCode(tooLarge)).toBe('too-large');
    // A chunked body has no length to check up front: refused before it is read, on any path.
    for (const path of ['/api/run', '/']) {
      const answer = await rawExchange(server.url, `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n${'['.repeat(4096)}`);
      expect(answer, path).toMatch(/^HTTP\/1\.1 411 /);
      expect(answer).toMatch(/"code":"length-required"/);
    }
    const huge = await post('/api/run', '{"demo":"primes","params":{"limit":1e400}}');
    expect(huge.status).toBe(400);
    const missing = await send(server.url, 'GET', '/api/nothing', { host });
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('not-found');
  });

  it('keeps threads free for cancels while jobs wait: 4 wait in turn, more get 429', async () => {
    const holder = post('/api/run?job=holder', LONG_PROCESSES);
    await waitFor(() => descendantsOf(server.pid!).length >= 4, 'the holding job to run');
    const settled: number[] = [];
    const queued = Array.from({ length: 6 }, (_, i) =>
      post(`/api/run?job=queued-${i}`, QUICK).then((reply) => {
        settled.push(reply.status);
        return reply;
      }),
    );
    // The queue holds 4: two are told at once, the other four wait for their turn...
    await waitFor(() => settled.length >= 2, 'the two that cannot wait');
    expect(settled).toEqual([429, 429]);
    // ...while the server still has threads for everything else.
    expect((await send(server.url, 'GET', '/api/info', { host })).status).toBe(200);
    const cancel = await post('/api/cancel', JSON.stringify({ job: 'holder' }));
    expect(JSON.parse(cancel.body)).toMatchObject({ cancelled: true, state: 'running' });
    expect((await holder).status).toBe(409);
    await Promise.all(queued);
    expect(settled.slice(2)).toEqual([200, 200, 200, 200]);
  });

  it('cancels a job by its id, and a cancel that arrives first refuses that job only', async () => {
    // A processes job shows when it runs (its processes), so no probing cancel can overtake it.
    const pending = post('/api/run?job=long-one', LONG_PROCESSES);
    await waitFor(() => descendantsOf(server.pid!).length >= 4, 'the job to run');
    const cancel = await post('/api/cancel', JSON.stringify({ job: 'long-one' }));
    expect(JSON.parse(cancel.body)).toEqual({ job: 'long-one', cancelled: true, state: 'running' });
    const cancelled = await pending;
    expect(cancelled.status).toBe(409);
    expect(errorCode(cancelled)).toBe('cancelled');

    const early = await post('/api/cancel', JSON.stringify({ job: 'not-yet' }));
    expect(early.status).toBe(404);
    expect(errorCode(early)).toBe('unknown-job');
    const refused = await post('/api/run?job=not-yet', QUICK);
    expect(refused.status).toBe(409);
    const next = await post('/api/run?job=next-one', QUICK);
    expect(next.status).toBe(200);
    const late = await post('/api/cancel', JSON.stringify({ job: 'next-one' }));
    expect(JSON.parse(late.body)).toEqual({ job: 'next-one', cancelled: false, state: 'finished' });
  });
});

describe('cplay serve: time budget', () => {
  it('stops a job past its budget with code timeout, leaving no child', async () => {
    const server = await startServer({ serveArgs: ['--job-timeout-s', '1'] });
    try {
      const host = new URL(server.url).host;
      const pending = send(server.url, 'POST', '/api/run?job=too-long', { host, ...JSON_TYPE }, LONG_PROCESSES);
      // The job process and its three workers exist while the job runs...
      await waitFor(() => descendantsOf(server.pid!).length >= 4, 'the job process and its workers');
      const started = descendantsOf(server.pid!);
      const reply = await pending;
      expect(reply.status).toBe(422);
      expect(reply.headers['cplay-job']).toBe('too-long');
      expect(errorCode(reply)).toBe('timeout');
      // ...and none of them after the reply.
      expect(started.filter(isRunning)).toEqual([]);
      expect(descendantsOf(server.pid!)).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

describe('cplay serve: shutdown', () => {
  it('ends on SIGTERM with a processes job running, leaving no child', async () => {
    const server = await startServer();
    const host = new URL(server.url).host;
    const pending = send(server.url, 'POST', '/api/run?job=at-shutdown', { host, ...JSON_TYPE }, LONG_PROCESSES).catch(() => null);
    await waitFor(() => descendantsOf(server.pid!).length >= 4, 'the job process and its workers');
    const started = descendantsOf(server.pid!);
    const stopAsked = performance.now();
    await server.stop();
    console.log(`cplay serve stopped ${(performance.now() - stopAsked).toFixed(0)} ms after SIGTERM, with a 4-process job running`);
    const reply = await pending;
    if (reply) expect(errorCode(reply)).toMatch(/^(cancelled|shutting-down)$/);
    expect(isRunning(server.pid!)).toBe(false);
    expect(started.filter(isRunning)).toEqual([]);
  });
});
