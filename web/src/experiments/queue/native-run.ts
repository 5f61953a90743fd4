// The native side: POST /api/queue on cplay serve, which runs the experiment in a process of its
// own (processes mode forks the producers and the hand-off's child) and answers its report.
import type { QueueReport } from '../../../../wasm/js/types';
import { newJobId } from '../../native/live-api';

export type QueueOutcome = { report: QueueReport } | { error: string };

export function errorMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: { message?: unknown } }).error;
  return typeof error?.message === 'string' ? error.message : null;
}

/** The shape the page reads; the full contract is held by tests/web/contract-queue.test.ts. */
export function isQueueReport(value: unknown): value is QueueReport {
  if (typeof value !== 'object' || value === null) return false;
  const report = value as Partial<QueueReport>;
  return (
    report.experiment === 'queue' &&
    typeof report.wall_ms === 'number' &&
    typeof report.result?.exactly_once === 'boolean' &&
    Array.isArray(report.roles) &&
    Array.isArray(report.spans) &&
    Array.isArray(report.events)
  );
}

const json = { 'content-type': 'application/json' };

export async function runNativeQueue(base: URL, request: Record<string, unknown>, signal?: AbortSignal): Promise<QueueOutcome> {
  const job = newJobId();
  const url = new URL('api/queue', base);
  url.searchParams.set('job', job);
  // Aborting the fetch alone would leave the job running on the server: ask it to stop this one.
  const stopServerJob = (): void => {
    void fetch(new URL('api/cancel', base), { method: 'POST', headers: json, body: JSON.stringify({ job }) }).catch(() => undefined);
  };
  signal?.addEventListener('abort', stopServerJob, { once: true });
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: json, body: JSON.stringify(request), signal });
  } catch {
    return { error: signal?.aborted ? 'Cancelled.' : 'the native server did not answer (is cplay serve still running?)' };
  } finally {
    signal?.removeEventListener('abort', stopServerJob);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { error: `the native server answered ${response.status} without JSON` };
  }
  if (!response.ok) return { error: errorMessage(body) ?? `the native server answered ${response.status}` };
  if (!isQueueReport(body)) return { error: 'the native report is malformed' };
  return { report: body };
}
