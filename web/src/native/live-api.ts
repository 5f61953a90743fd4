// The native side when the page is served by `cplay serve`: the same request, run by the C++
// CLI's code on this machine's real cores, over POST /api/run.
import { isErrorReport, type ErrorReport, type NativeInfo, type Report, type RunRequest } from '../model/types';
import { validateReport } from '../model/validate-report';

export type NativeOutcome = { report: Report } | { error: ErrorReport };

function failure(code: string, message: string): NativeOutcome {
  return { error: { schema: 1, error: { code, message } } };
}

export class LiveApi {
  private constructor(
    private readonly base: URL,
    readonly info: NativeInfo,
  ) {}

  /** Null when there is no API here (a static host), within `timeoutMs`. */
  static async probe(base: URL, timeoutMs = 2000): Promise<LiveApi | null> {
    try {
      const response = await fetch(new URL('api/info', base), { signal: AbortSignal.timeout(timeoutMs) });
      if (!response.ok || !(response.headers.get('content-type') ?? '').includes('json')) return null;
      const info = (await response.json()) as NativeInfo;
      return typeof info === 'object' && info !== null ? new LiveApi(base, info) : null;
    } catch {
      return null;
    }
  }

  async run(request: RunRequest, signal?: AbortSignal): Promise<NativeOutcome> {
    // Aborting the fetch alone would leave the server computing (and answering 429 meanwhile):
    // ask it to stop the job too.
    const stopServerJob = (): void => {
      void fetch(new URL('api/cancel', this.base), { method: 'POST' }).catch(() => undefined);
    };
    signal?.addEventListener('abort', stopServerJob, { once: true });
    try {
      return await this.post(request, signal);
    } finally {
      signal?.removeEventListener('abort', stopServerJob);
    }
  }

  private async post(request: RunRequest, signal?: AbortSignal): Promise<NativeOutcome> {
    let response: Response;
    try {
      response = await fetch(new URL('api/run', this.base), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      return failure('unreachable', 'the native server did not answer (is cplay serve still running?)');
    }
    if (response.status === 429) {
      return failure('busy', 'the native server is running another job; it runs one at a time. Try again in a moment.');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failure('bad-response', `the native server answered ${response.status} without a JSON report`);
    }
    if (isErrorReport(body)) return { error: body };
    const checked = validateReport(body);
    if (!checked.ok) return failure('bad-report', `the native report is malformed: ${checked.problems.join('; ')}`);
    return { report: checked.report };
  }
}
