// The native side: POST /api/semaphore on cplay serve, which runs the experiment in a process of
// its own and answers its report.
import { newJobId } from '../../native/live-api';
import { errorMessage, isSemaphoreReport, type SemaphoreOptions, type SemaphoreOutcome } from './report';

export async function runNativeSemaphore(base: URL, options: SemaphoreOptions): Promise<SemaphoreOutcome> {
  const url = new URL('api/semaphore', base);
  url.searchParams.set('job', newJobId());
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
  } catch {
    return { error: 'the native server did not answer (is cplay serve still running?)' };
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return { error: `the native server answered ${response.status} without JSON` };
  }
  if (!response.ok) return { error: errorMessage(body) ?? `the native server answered ${response.status}` };
  if (!isSemaphoreReport(body)) return { error: 'the native report is malformed' };
  return { report: body };
}
