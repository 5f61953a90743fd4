// One experiment's job on cplay serve: POST /api/<experiment>, which runs it in a process of its
// own and answers its report (or an error report naming the input). Shared by every experiment's
// native side; the report's shape is checked by the caller's guard.
import { newJobId } from './live-api';

export type ExperimentOutcome<Report> = { report: Report } | { error: string };

/** The message of an error report, or null when `body` is not one. */
export function errorMessage(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return null;
  const error = (body as { error?: { message?: unknown } }).error;
  return typeof error?.message === 'string' ? error.message : null;
}

const JSON_TYPE = { 'content-type': 'application/json' };

export async function runExperimentJob<Report>(
  base: URL,
  experiment: string,
  request: unknown,
  isReport: (value: unknown) => value is Report,
  signal?: AbortSignal,
): Promise<ExperimentOutcome<Report>> {
  const job = newJobId();
  const url = new URL(`api/${experiment}`, base);
  url.searchParams.set('job', job);
  // Aborting the fetch alone would leave the job running on the server: ask it to stop this one.
  const stopServerJob = (): void => {
    void fetch(new URL('api/cancel', base), { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ job }) }).catch(() => undefined);
  };
  signal?.addEventListener('abort', stopServerJob, { once: true });
  let response: Response;
  try {
    // JSON only: the server refuses anything a cross-site form could send.
    response = await fetch(url, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(request), signal });
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
  if (!isReport(body)) return { error: 'the native report is malformed' };
  return { report: body };
}
