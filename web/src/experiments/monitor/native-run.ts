// The native side: POST /api/monitor answers a stream of NDJSON lines (one per event as it
// happens, the report or an error report last), read here with fetch and a ReadableStream reader
// so the lanes grow while the run goes on. Aborting cancels the job on the server too.
import { errorMessage } from '../../native/experiment-api';
import { newJobId } from '../../native/live-api';
import { isMonitorLine, type MonitorLine } from './events';

const JSON_TYPE = { 'content-type': 'application/json' };

export interface NativeMonitorRequest {
  mode: string;
  start_method: string;
  durations_ms: number[];
  interval_ms: number;
}

/** Resolves with the report's wall_ms and parent pid, or an error message. */
export async function runNativeMonitor(
  base: URL,
  request: NativeMonitorRequest,
  onLine: (line: MonitorLine) => void,
  signal: AbortSignal,
): Promise<{ report: { wall_ms: number; parent: { pid: number } } } | { error: string }> {
  const job = newJobId();
  const url = new URL('api/monitor', base);
  url.searchParams.set('job', job);
  const stopServerJob = (): void => {
    void fetch(new URL('api/cancel', base), { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ job }) }).catch(() => undefined);
  };
  signal.addEventListener('abort', stopServerJob, { once: true });
  try {
    const response = await fetch(url, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(request), signal });
    if (!response.ok || !response.body) {
      const body: unknown = await response.json().catch(() => null);
      return { error: errorMessage(body) ?? `the native server answered ${response.status}` };
    }
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    let last: unknown = null;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      pending += value;
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const text = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (text === '') continue;
        const parsed: unknown = JSON.parse(text);
        if (isMonitorLine(parsed)) onLine(parsed);
        else last = parsed;
      }
    }
    const message = errorMessage(last);
    if (message) return { error: message };
    const report = last as { experiment?: unknown; wall_ms?: unknown; parent?: { pid?: unknown } } | null;
    if (report?.experiment !== 'monitor' || typeof report.wall_ms !== 'number') return { error: 'the native stream ended without its report' };
    return { report: report as { wall_ms: number; parent: { pid: number } } };
  } catch {
    return { error: signal.aborted ? 'Cancelled.' : 'the native server did not answer (is cplay serve still running?)' };
  } finally {
    signal.removeEventListener('abort', stopServerJob);
  }
}
