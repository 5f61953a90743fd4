// The io card's browser-side http source (web/src/experiments/io-http/fetch-runner.ts) against
// this test's own payload server, answering like cplay serve's GET /api/payload: every byte is
// checked (a body damaged by one byte, or cut short, is caught), sequential fetches follow each
// other, concurrent ones overlap (by order, never by duration), and an abort stops them.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { payloadByte, runFetches, SERVER_PAYLOAD_LIMIT } from '../../web/src/experiments/io-http/fetch-runner';

let server: Server;
let base: URL;
let closedEarly = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const bytes = Number(url.searchParams.get('bytes'));
    const latency = Number(url.searchParams.get('latency_ms'));
    // The path's first part says how to spoil the body: /damaged/ flips the last byte, /short/ drops it.
    const how = url.pathname.split('/')[1];
    if (how === 'busy') {
      response.writeHead(429, { 'Content-Type': 'application/json' }).end(JSON.stringify({ schema: 1, error: { code: 'busy', message: 'at most 16 payload requests at once' } }));
      return;
    }
    const timer = setTimeout(() => {
      const body = Buffer.alloc(how === 'short' ? bytes - 1 : bytes);
      for (let i = 0; i < body.length; i += 1) body[i] = payloadByte(i);
      if (how === 'damaged') body[bytes - 1] = 0x30;
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
    }, latency);
    response.on('close', () => {
      if (!response.writableFinished) {
        closedEarly += 1;
        clearTimeout(timer);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`);
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('the pattern is the server’s: a to z over and over', () => {
  expect(String.fromCharCode(...Array.from({ length: 28 }, (_, i) => payloadByte(i)))).toBe('abcdefghijklmnopqrstuvwxyzab');
});

it('fetches every byte intact, one after another and all at once', async () => {
  const sequential = await runFetches(base, { tasks: 3, latencyMs: 30, bytes: 70_000, concurrent: false });
  expect(sequential.fetches.map((f) => [f.task, f.bytes, f.intact])).toEqual([0, 1, 2].map((t) => [t, 70_000, true]));
  expect(sequential.total_bytes).toBe(210_000);
  expect(sequential.intact).toBe(true);
  for (let i = 1; i < 3; i += 1) expect(sequential.fetches[i]!.start_ms).toBeGreaterThanOrEqual(sequential.fetches[i - 1]!.end_ms);
  for (const f of sequential.fetches) expect(f.start_ms <= f.first_byte_ms && f.first_byte_ms <= f.end_ms).toBe(true);

  const concurrent = await runFetches(base, { tasks: 3, latencyMs: 30, bytes: 70_000, concurrent: true });
  expect(concurrent.intact).toBe(true);
  const lastStart = Math.max(...concurrent.fetches.map((f) => f.start_ms));
  const firstEnd = Math.min(...concurrent.fetches.map((f) => f.end_ms));
  expect(lastStart).toBeLessThan(firstEnd);
});

it('a zero-byte body is intact', async () => {
  const run = await runFetches(base, { tasks: 1, latencyMs: 0, bytes: 0, concurrent: false });
  expect(run.fetches[0]).toMatchObject({ bytes: 0, intact: true });
});

it('catches a body with one wrong byte, and one cut short', async () => {
  const damaged = await runFetches(new URL('damaged/', base), { tasks: 2, latencyMs: 0, bytes: 1000, concurrent: true });
  expect(damaged.fetches.map((f) => [f.bytes, f.intact])).toEqual([[1000, false], [1000, false]]);
  expect(damaged.intact).toBe(false);
  const short = await runFetches(new URL('short/', base), { tasks: 1, latencyMs: 0, bytes: 1000, concurrent: false });
  expect(short.fetches[0]).toMatchObject({ bytes: 999, intact: false });
});

it('refuses more tasks than the server answers at once, and names the limit', async () => {
  await expect(runFetches(base, { tasks: SERVER_PAYLOAD_LIMIT + 1, latencyMs: 0, bytes: 1, concurrent: true })).rejects.toThrow(/1 to 16 fetches/);
  await expect(runFetches(base, { tasks: 0, latencyMs: 0, bytes: 1, concurrent: true })).rejects.toThrow(/tasks/);
});

it('says what the server answered when it refuses', async () => {
  await expect(runFetches(new URL('busy/', base), { tasks: 1, latencyMs: 0, bytes: 1, concurrent: false })).rejects.toThrow(/429: at most 16/);
});

it('an abort stops every fetch in flight', async () => {
  const before = closedEarly;
  const abort = new AbortController();
  const run = runFetches(base, { tasks: 3, latencyMs: 60_000, bytes: 10, concurrent: true }, abort.signal);
  setTimeout(() => abort.abort(), 100);
  await expect(run).rejects.toThrow();
  // The server sees each connection closed before it answered.
  for (let i = 0; i < 100 && closedEarly - before < 3; i += 1) await new Promise((r) => setTimeout(r, 20));
  expect(closedEarly - before).toBe(3);
});
