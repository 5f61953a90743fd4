// The native side: POST /api/barrier on cplay serve, which runs the experiment's threads in a
// process of its own and answers its report.
import { newJobId } from '../../native/live-api';
import { errorMessage, isBarrierReport, type BarrierOptions, type BarrierOutcome } from './report';

export async function runNativeBarrier(base: URL, options: BarrierOptions): Promise<BarrierOutcome> {
  const url = new URL('api/barrier', base);
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
  if (!isBarrierReport(body)) return { error: 'the native report is malformed' };
  return { report: body };
}
