// cplay serve's GET /api/payload over real HTTP: the io demo's download for the page's browser
// side. Exact bytes of the pattern, ranges refused with 400 naming them, a foreign page or Host
// refused like every endpoint, at most 16 answered at once (429 past it), and POST /api/run runs
// io --source http natively with every body exact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send, type Reply } from './e2e-support/raw-http';
import { startServer, type TestServer } from './e2e-support/server';

const pattern = (bytes: number) => Buffer.from(Array.from({ length: bytes }, (_, i) => 0x61 + (i % 26)));
const errorOf = (reply: Reply) => (JSON.parse(reply.body) as { error: { code: string; message: string } }).error;

describe('cplay serve: GET /api/payload', () => {
  let server: TestServer;
  let host: string;
  const get = (path: string, headers: Record<string, string> = {}) => send(server.url, 'GET', path, { host, ...headers });

  beforeAll(async () => {
    server = await startServer();
    host = new URL(server.url).host;
  });
  afterAll(() => server?.stop());

  it('answers exactly the bytes asked for, the pattern at every offset', async () => {
    const reply = await get('/api/payload?latency_ms=0&bytes=70000', { origin: server.url.replace(/\/$/, '') });
    expect(reply.status).toBe(200);
    expect(reply.bytes.equals(pattern(70000))).toBe(true);
  });

  it('refuses ranges, other parameters, foreign pages and hosts', async () => {
    const big = await get('/api/payload?latency_ms=0&bytes=1048577');
    expect(big.status).toBe(400);
    expect(errorOf(big).message).toBe('bytes must be an integer from 0 to 1048576 (got 1048577)');
    const slow = await get('/api/payload?latency_ms=60001&bytes=1');
    expect(slow.status).toBe(400);
    expect(errorOf(slow).message).toBe('latency_ms must be an integer from 0 to 60000 (got 60001)');
    expect((await get('/api/payload?latency_ms=0&bytes=1&url=http://elsewhere/')).status).toBe(400);
    const foreign = await get('/api/payload?latency_ms=0&bytes=1', { origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign).code).toBe('forbidden-origin');
    const rebound = await send(server.url, 'GET', '/api/payload?latency_ms=0&bytes=1', { host: 'evil.example:80' });
    expect(rebound.status).toBe(403);
    expect((await send(server.url, 'POST', '/api/payload', { host, 'content-type': 'application/json' }, '{}')).status).toBe(405);
  });

  it('answers at most 16 at once: the rest are told 429 at once', async () => {
    const replies = await Promise.all(Array.from({ length: 20 }, () => get('/api/payload?latency_ms=1500&bytes=10')));
    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(16);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(4);
    expect(statuses.every((status) => status === 200 || status === 429)).toBe(true);
    const busy = replies.find((reply) => reply.status === 429);
    expect(busy && errorOf(busy).code).toBe('busy');
    // Meanwhile the rest of the server stayed free: a payload right after is answered.
    expect((await get('/api/payload?latency_ms=0&bytes=1')).status).toBe(200);
  });

  it('POST /api/run runs io --source http natively, every body exact', async () => {
    const body = JSON.stringify({ demo: 'io', mode: 'async', params: { tasks: 3, latency_ms: 5, source: 'http', bytes: 5000 } });
    const reply = await send(server.url, 'POST', '/api/run?job=io-http', { host, 'content-type': 'application/json' }, body);
    expect(reply.status).toBe(200);
    const report = JSON.parse(reply.body) as { result: { completed: number; total_bytes: number; intact: boolean } };
    expect(report.result).toMatchObject({ completed: 3, total_bytes: 15000, intact: true });
  });
});
