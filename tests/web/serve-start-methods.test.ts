// POST /api/start-methods over real HTTP: guarded like every POST route (Host, Origin, JSON only,
// body caps), its input checked with the CLI's message, its report measured in a job process,
// and nothing left running afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { send } from './e2e-support/raw-http';
import { descendantsOf } from './e2e-support/processes';
import { startServer, type TestServer } from './e2e-support/server';

interface Row {
  kind: string;
  sees_changed_variable: boolean;
  sees_open_file: boolean;
  sees_parent_thread: boolean;
  threads: number;
  start_join_ms_per_worker: number;
}

describe('cplay serve: POST /api/start-methods', () => {
  let server: TestServer;
  let host: string;
  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    send(server.url, 'POST', '/api/start-methods?job=start-methods-test', { host, ...headers }, body);

  beforeAll(async () => {
    server = await startServer();
    host = new URL(server.url).host;
  });
  afterAll(() => server?.stop());

  it('answers the measured report from a process of its own, and leaves nothing running', async () => {
    const reply = await post(JSON.stringify({ workers: 3 }));
    expect(reply.status, reply.body).toBe(200);
    const report = JSON.parse(reply.body) as { workers: number; pid: number; kinds: Row[] };
    expect(report.workers).toBe(3);
    expect(report.pid).not.toBe(server.pid);
    const byKind = Object.fromEntries(report.kinds.map((row) => [row.kind, row]));
    expect(Object.keys(byKind)).toEqual(['thread', 'fork', 'spawn']);
    expect(byKind.thread).toMatchObject({ sees_changed_variable: true, sees_open_file: true, sees_parent_thread: true });
    expect(byKind.fork).toMatchObject({ sees_changed_variable: true, sees_open_file: true, sees_parent_thread: false, threads: 1 });
    expect(byKind.spawn).toMatchObject({ sees_changed_variable: false, sees_open_file: false, sees_parent_thread: false, threads: 1 });
    for (const row of report.kinds) expect(row.start_join_ms_per_worker).toBeGreaterThan(0);
    expect(descendantsOf(server.pid!)).toEqual([]);
  });

  it('refuses workers outside 1..64 and unknown fields with 400 and the CLI message', async () => {
    for (const body of ['{"workers":65}', '{"workers":0}', '{"workers":"many"}']) {
      const reply = await post(body);
      expect(reply.status, body).toBe(400);
      expect(JSON.parse(reply.body).error.message).toMatch(/--workers must be an integer from 1 to 64/);
    }
    expect((await post('{"workers":2,"fork":true}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
  });

  it('is guarded like the other POST routes', async () => {
    const crossSite = await post('{}', { 'content-type': 'application/json', origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    const rebound = await send(server.url, 'POST', '/api/start-methods', { host: 'evil.example', 'content-type': 'application/json' }, '{}');
    expect(rebound.status).toBe(403);
    expect((await post('{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await send(server.url, 'GET', '/api/start-methods', { host })).status).toBe(405);
    const huge = JSON.stringify({ workers: 2, padding: 'x'.repeat(70 * 1024) });
    expect((await post(huge)).status).toBe(413);
    for (const reply of [crossSite, rebound]) expect(JSON.parse(reply.body).schema).toBe(1);
  });
});
