// The io card's http source in the browser. The WebAssembly core cannot open sockets, so here
// each task is a real fetch() of cplay serve's GET /api/payload: one after another (sequential)
// or all started at once and awaited together (Promise.all, the browser's own event loop).
// Every body is checked byte by byte against the pattern the server sends
// (playground::payload_byte in core/include/playground/io_backend.hpp).
import type { Fetch } from '../../../../wasm/js/contract.generated';

/** cplay serve answers at most this many payload requests at once (429 past it). */
export const SERVER_PAYLOAD_LIMIT = 16;

export interface FetchOptions {
  tasks: number;
  latencyMs: number;
  bytes: number;
  /** true: all at once (Promise.all); false: each fetch starts when the previous body has ended. */
  concurrent: boolean;
}

export interface BrowserFetchRun {
  concurrent: boolean;
  /** From the first fetch's start to the last body's end. */
  wall_ms: number;
  fetches: Fetch[];
  total_bytes: number;
  intact: boolean;
}

/** The server's byte at `offset`: 'a' to 'z', over and over. */
export function payloadByte(offset: number): number {
  return 97 + (offset % 26);
}

async function errorText(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    return body.error?.message ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

async function fetchOne(url: URL, task: number, expected: number, t0: number, signal: AbortSignal | undefined, now: () => number): Promise<Fetch> {
  const start = now();
  const response = await fetch(url, { cache: 'no-store', signal });
  // fetch() resolves once the status line and headers are in: the response's first byte.
  const firstByte = now();
  if (!response.ok) throw new Error(`GET /api/payload answered ${response.status}: ${await errorText(response)}`);
  let received = 0;
  let intact = true;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      for (let i = 0; i < value.length; i++) if (value[i] !== payloadByte(received + i)) intact = false;
      received += value.length;
    }
  }
  const end = now();
  return { task, bytes: received, intact: intact && received === expected, start_ms: start - t0, first_byte_ms: firstByte - t0, end_ms: end - t0 };
}

/**
 * Runs the fetches against `base` (the page's cplay serve). Refuses more than the server's
 * limit rather than queueing: a 429 would end the run, and batches would hide the overlap.
 * An abort of `signal` stops every fetch and rejects.
 */
export async function runFetches(base: URL, options: FetchOptions, signal?: AbortSignal, now: () => number = () => performance.now()): Promise<BrowserFetchRun> {
  const { tasks, latencyMs, bytes, concurrent } = options;
  if (!Number.isInteger(tasks) || tasks < 1 || tasks > SERVER_PAYLOAD_LIMIT)
    throw new RangeError(`tasks: the browser's http source runs 1 to ${SERVER_PAYLOAD_LIMIT} fetches (cplay serve answers at most ${SERVER_PAYLOAD_LIMIT} payload requests at once), not ${String(tasks)}`);
  const url = new URL(`api/payload?latency_ms=${String(latencyMs)}&bytes=${String(bytes)}`, base);
  // One failed fetch stops the others too, so none is left running after the run ends.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort);
  if (signal?.aborted) stop.abort();
  const t0 = now();
  const fetches: Fetch[] = [];
  try {
    if (concurrent) {
      fetches.push(...(await Promise.all(Array.from({ length: tasks }, (_, task) => fetchOne(url, task, bytes, t0, stop.signal, now)))));
    } else {
      for (let task = 0; task < tasks; task++) fetches.push(await fetchOne(url, task, bytes, t0, stop.signal, now));
    }
  } catch (error) {
    stop.abort();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const wall = now() - t0;
  return {
    concurrent,
    wall_ms: wall,
    fetches,
    total_bytes: fetches.reduce((sum, f) => sum + f.bytes, 0),
    intact: fetches.every((f) => f.intact),
  };
}
