// The page's client of POST /api/start-methods: what it sends, and how it reads every answer
// (a report, an error report, a malformed body, no server), with fetch replaced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runNativeStartMethods } from '../../web/src/experiments/start-methods/native-probe';

const BASE = new URL('http://127.0.0.1:8080/');

function row(kind: string, changed: boolean) {
  return { kind, pid: 1, variable: changed ? 'changed by the parent' : 'as compiled', sees_changed_variable: changed, fd_open: changed, sees_open_file: changed, threads: 1, sees_parent_thread: kind === 'thread', start_join_ms_per_worker: 0.5 };
}

const REPORT = {
  workers: 2,
  pid: 10,
  cores: 2,
  parent: { variable: 'changed by the parent', initial_variable: 'as compiled', fd: 3, inode: 7, ticker_tid: 11 },
  kinds: [row('thread', true), row('fork', true), row('spawn', false)],
};

function answer(status: number, body: unknown): void {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })));
}

afterEach(() => vi.unstubAllGlobals());

describe('runNativeStartMethods', () => {
  it('posts the worker count as JSON with a job id and returns the report', async () => {
    answer(200, REPORT);
    const outcome = await runNativeStartMethods(BASE, 2);
    expect(outcome).toEqual({ report: REPORT });
    const [url, init] = vi.mocked(fetch).mock.calls[0] as [URL, RequestInit];
    expect(url.pathname).toBe('/api/start-methods');
    expect(url.searchParams.get('job')).toMatch(/^page-[0-9a-f]+$/);
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(String(init.body))).toEqual({ workers: 2 });
  });

  it("shows the server's message for an error report", async () => {
    answer(400, { schema: 1, error: { code: 'invalid-argument', message: '--workers must be an integer from 1 to 64 (got 65)' } });
    expect(await runNativeStartMethods(BASE, 65)).toEqual({ error: '--workers must be an integer from 1 to 64 (got 65)' });
  });

  it('refuses a report with a missing kind or a cost that is not a number', async () => {
    answer(200, { ...REPORT, kinds: REPORT.kinds.slice(0, 2) });
    expect(await runNativeStartMethods(BASE, 2)).toEqual({ error: 'the native report is malformed' });
    answer(200, { ...REPORT, kinds: [row('thread', true), row('fork', true), { ...row('spawn', false), start_join_ms_per_worker: null }] });
    expect(await runNativeStartMethods(BASE, 2)).toEqual({ error: 'the native report is malformed' });
  });

  it('says so when the answer is not JSON or nobody answers', async () => {
    answer(502, '<html>bad gateway</html>');
    expect(await runNativeStartMethods(BASE, 2)).toEqual({ error: 'the native server answered 502 without JSON' });
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('connection refused'))));
    expect(await runNativeStartMethods(BASE, 2)).toEqual({ error: 'the native server did not answer (is cplay serve still running?)' });
  });
});
