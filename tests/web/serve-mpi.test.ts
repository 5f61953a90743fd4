// cplay serve and mode mpi over real HTTP: refused with a 400 that names --mpi-ranks unless the
// server was started with it; with --mpi-ranks 2, a job of up to 2 ranks runs under mpirun and
// answers rank 0's report (valid against the contract), more ranks are refused naming the range,
// a cancel stops mpirun and every rank, and /api/info says what the server allows.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateReport } from '../../web/src/model/validate-report';
import { descendantsOf, isRunning } from './e2e-support/processes';
import { send, type Reply } from './e2e-support/raw-http';
import { startServer, type TestServer } from './e2e-support/server';

const PRIMES = (workers: number) => JSON.stringify({ demo: 'primes', mode: 'mpi', workers, params: { limit: 200000 } });

function errorOf(reply: Reply): { code: string; message: string } {
  return (JSON.parse(reply.body) as { error: { code: string; message: string } }).error;
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

/** A process's program (argv[0]) and its CPU seconds so far; null once it is gone. */
function programAndCpu(pid: number): { program: string; cpuSeconds: number } | null {
  try {
    const program = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, fields 14 and 15 of stat (11 and 12 after the name), in clock ticks of 1/100 s.
    return { program, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100 };
  } catch {
    return null;
  }
}

function serverTest(serveArgs: string[]) {
  const state: { server?: TestServer; host?: string } = {};
  beforeAll(async () => {
    state.server = await startServer({ serveArgs });
    state.host = new URL(state.server.url).host;
  });
  afterAll(() => state.server?.stop());
  const post = (path: string, body: string) =>
    send(state.server!.url, 'POST', path, { host: state.host!, 'content-type': 'application/json' }, body);
  const info = async () => JSON.parse((await send(state.server!.url, 'GET', '/api/info', { host: state.host! })).body) as { modes: string[]; max_ranks: number };
  return { state, post, info };
}

describe('cplay serve without --mpi-ranks', () => {
  const { post, info } = serverTest([]);

  it('refuses mode mpi with a 400 that says how to allow it, and does not list it', async () => {
    const reply = await post('/api/run?job=mpi-off', PRIMES(2));
    expect(reply.status).toBe(400);
    expect(errorOf(reply).message).toMatch(/--mpi-ranks N \(1 to 64\)/);
    const facts = await info();
    expect(facts.max_ranks).toBe(0);
    expect(facts.modes).not.toContain('mpi');
    expect(facts.modes).toContain('processes');
  });
});

describe('cplay serve --mpi-ranks 2', () => {
  const { state, post, info } = serverTest(['--mpi-ranks', '2']);

  it('runs a job as MPI ranks and answers rank 0 report, one span per rank', async () => {
    expect(await info()).toMatchObject({ max_ranks: 2 });
    expect((await info()).modes).toContain('mpi');
    const reply = await post('/api/run?job=mpi-primes', PRIMES(2));
    expect(reply.status, reply.body).toBe(200);
    const checked = validateReport(JSON.parse(reply.body));
    if (!checked.ok) throw new Error(checked.problems.join('; '));
    const report = checked.report;
    expect(report.mode).toBe('mpi');
    expect(report.workers).toBe(2);
    expect(report.result.count).toBe(17984); // primes below 200000
    expect(report.spans).toHaveLength(2);
    expect(new Set(report.spans.map((s) => s.pid)).size).toBe(2);
    expect(report.spans.every((s) => typeof s.host === 'string' && s.host.length > 0)).toBe(true);
    expect(report.mpi?.library).toMatch(/MPI/);
    expect(descendantsOf(state.server!.pid!)).toEqual([]);
  });

  it('refuses more ranks than it allows, naming the range, before starting anything', async () => {
    const reply = await post('/api/run?job=mpi-three', PRIMES(3));
    expect(reply.status).toBe(400);
    expect(errorOf(reply).message).toMatch(/--workers must be an integer from 1 to 2 in mode mpi/);
  });

  it('answers a rank killed by a signal with a 500 naming the rank and the signal, and leaves nothing', async () => {
    const pending = post('/api/run?job=mpi-killed', JSON.stringify({ demo: 'primes', mode: 'mpi', workers: 2, params: { limit: 1000000000 } }));
    // A rank past MPI_Init (it has counted primes for a second): mpirun names only ranks it knows.
    let rank = 0;
    await waitFor(() => {
      rank = descendantsOf(state.server!.pid!).find((pid) => {
        const seen = programAndCpu(pid);
        return seen !== null && seen.program.endsWith('/cplay-mpi') && seen.cpuSeconds >= 1;
      }) ?? 0;
      return rank > 0;
    }, 'a rank at work');
    const started = descendantsOf(state.server!.pid!);
    process.kill(rank, 'SIGKILL');
    const reply = await pending;
    expect(reply.status).toBe(500);
    expect(errorOf(reply).message).toMatch(/^MPI rank [01] on host \S+ was killed by signal 9 \(Killed\); mpirun stopped the other ranks$/);
    await waitFor(() => started.every((pid) => !isRunning(pid)), 'the job process, mpirun and every rank to end');
  });

  it('cancels a running MPI job: 409, and mpirun and every rank are gone', async () => {
    const long = JSON.stringify({ demo: 'io', mode: 'mpi', workers: 2, params: { tasks: 2, latency_ms: 60000 } });
    const pending = post('/api/run?job=mpi-long', long);
    // The job process, mpirun and its two ranks below the server: the job runs.
    await waitFor(() => descendantsOf(state.server!.pid!).length >= 4, 'the ranks to start');
    const started = descendantsOf(state.server!.pid!);
    const cancel = await post('/api/cancel', JSON.stringify({ job: 'mpi-long' }));
    expect(JSON.parse(cancel.body)).toMatchObject({ cancelled: true, state: 'running' });
    const cancelled = await pending;
    expect(cancelled.status).toBe(409);
    expect(errorOf(cancelled).code).toBe('cancelled');
    // Followed by pid, not by parent: an mpirun left by a killed job process would be init's child.
    await waitFor(() => started.every((pid) => !isRunning(pid)), 'the job process, mpirun and every rank to end');
  });
});
