// The queue experiment's report schema (docs/schema/queue-report.schema.json) held against the
// real thing: cplay queue --json in threads and in processes (both hand-off orders, the deadlock
// one included), POST /api/queue on cplay serve, and the wasm threads build's queue(); the schema
// refuses a renamed field, a hand-off without its outcome and a threads report with a pipe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadPlayground, type Playground } from '../../wasm/js/loader';
import { contractSchema, cplayReport, expectRefusesMissingField, expectRefusesRenamedField, expectValid, type Json } from './contract-support';
import { startServer, type TestServer } from './e2e-support/server';

const validateQueue = contractSchema('queue-report.schema.json');
const validateError = contractSchema('error-report.schema.json');

const SMALL = ['--messages', '10', '--consume-ms', '0'];

describe('queue report schema', () => {
  it('matches cplay queue --json in threads and processes, each hand-off order', () => {
    for (const args of [
      [...SMALL, '--capacity', '1'],
      ['--mode', 'processes', ...SMALL],
      ['--mode', 'processes', ...SMALL, '--order', 'join-then-get', '--grace-ms', '50'],
      ['--mode', 'processes', ...SMALL, '--order', 'join-then-get', '--result-bytes', '1000'],
    ]) {
      const { status, report } = cplayReport('queue', args);
      expectValid(validateQueue, report);
      // Exit 1 exactly when the hand-off deadlocked.
      const handoff = report.handoff as Json | undefined;
      expect(status, args.join(' ')).toBe(handoff?.outcome === 'deadlock' ? 1 : 0);
    }
  });

  it('refuses a renamed field, a hand-off without its outcome, a threads report with a pipe', () => {
    const threads = cplayReport('queue', SMALL).report;
    expectRefusesRenamedField(validateQueue, threads, ['roles'], 'workers');
    const processes = cplayReport('queue', ['--mode', 'processes', ...SMALL]).report;
    expectRefusesMissingField(validateQueue, processes, ['handoff', 'outcome']);
    expect(validateQueue({ ...threads, pipe: processes.pipe })).toBe(false);
    const result = threads.result as Json;
    expect(validateQueue({ ...threads, result: { ...result, checksum_sent: 12345 } })).toBe(false);
  });

  describe('cplay serve', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startServer();
    });
    afterAll(async () => {
      await server?.stop();
    });

    it('POST /api/queue answers reports, the deadlocked hand-off too, and 400 for bad input', async () => {
      const post = (body: unknown) =>
        fetch(new URL('api/queue', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const deadlock = await post({ mode: 'processes', messages: 5, consume_ms: 0, order: 'join-then-get', grace_ms: 50 });
      const report = (await deadlock.json()) as Json;
      expectValid(validateQueue, report);
      expect((report.handoff as Json).outcome).toBe('deadlock');
      const bad = await post({ capacity: 0 });
      expect(bad.status).toBe(400);
      expectValid(validateError, await bad.json());
    });
  });

  describe('wasm', () => {
    let threads: Playground;
    beforeAll(async () => {
      threads = await loadPlayground('threads');
    });
    afterAll(() => threads?.shutdown());

    it('matches the threads build', () => {
      const report = JSON.parse(threads.raw.queue(JSON.stringify({ messages: 10, capacity: 1, consume_ms: 0 }))) as Json;
      expectValid(validateQueue, report);
      expect((report.platform as Json).variant).toBe('threads');
      expectValid(validateError, JSON.parse(threads.raw.queue('{"capacity": 0}')));
    });
  });
});
