// The io card's http Python runs as shown under python3 against a local payload server (this
// test's, answering like cplay serve's GET /api/payload) and downloads every byte, one after
// another and with threads. Counts only: the times it prints are not checked.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { IO_HTTP_PYTHON } from '../../web/src/demos/io-http-python';
import { constantsOf, runSnippet, withKnob } from './python-snippet-runner';

let server: Server;
let port = 0;
let served = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const bytes = Number(url.searchParams.get('bytes'));
    const latency = Number(url.searchParams.get('latency_ms'));
    if (url.pathname !== '/api/payload' || !Number.isInteger(bytes) || !Number.isInteger(latency)) {
      response.writeHead(400).end();
      return;
    }
    setTimeout(() => {
      served += 1;
      const body = Buffer.alloc(bytes);
      for (let i = 0; i < bytes; i += 1) body[i] = 0x61 + (i % 26);
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end(body);
    }, latency);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it('downloads every byte of every task, one after another and with threads', async () => {
  const { TASKS, BYTES } = constantsOf(IO_HTTP_PYTHON);
  expect(TASKS).toBe(3);
  const code = withKnob(withKnob(IO_HTTP_PYTHON, 'PORT', port), 'LATENCY_MS', 20);
  const out = await runSnippet(code, 30_000);
  const lines = out.trim().split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(new RegExp(`^sequential: ${String(3 * (BYTES ?? 0))} bytes in \\d+\\.\\d\\d s$`));
  expect(lines[1]).toMatch(new RegExp(`^threads: ${String(3 * (BYTES ?? 0))} bytes in \\d+\\.\\d\\d s$`));
  expect(served).toBe(6);
});

it('a short body fails the snippet\'s check', async () => {
  const code = withKnob(withKnob(withKnob(IO_HTTP_PYTHON, 'PORT', port), 'LATENCY_MS', 0), 'BYTES', 5)
    .replace('bytes={BYTES}"', 'bytes={BYTES - 1}"');
  await expect(runSnippet(code, 30_000)).rejects.toThrow(/AssertionError/);
});
