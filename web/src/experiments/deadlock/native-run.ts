// The native side: POST /api/deadlock on cplay serve, which runs the experiment in a process of
// its own (threads, or forked processes sharing robust mutexes) and answers its report.
import { newJobId } from '../../native/live-api';
import { errorMessage, isDeadlockReport, type DeadlockOptions, type DeadlockOutcome } from './report';

export async function runNativeDeadlock(base: URL, options: DeadlockOptions): Promise<DeadlockOutcome> {
  const url = new URL('api/deadlock', base);
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
  if (!isDeadlockReport(body)) return { error: 'the native report is malformed' };
  return { report: body };
}
