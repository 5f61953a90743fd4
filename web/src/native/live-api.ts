// The native side when the page is served by `cplay serve`: the same request, run by the C++
// CLI's code on this machine's real cores, over POST /api/run.
import { isErrorReport, type ErrorCode, type ErrorReport, type NativeInfo, type Report, type RunRequest } from '../model/types';
import { validateReport } from '../model/validate-report';

export type NativeOutcome = { report: Report } | { error: ErrorReport };

function failure(code: ErrorCode, message: string): NativeOutcome {
  return { error: { schema: 1, error: { code, message } } };
}

/** A fresh job id: the server names the job by it in its reply and in `/api/cancel`. */
export function newJobId(): string {
  // getRandomValues works on plain http too (a classroom server), where randomUUID does not.
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return 'page-' + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function postJson(url: URL, body: string, signal?: AbortSignal): Promise<Response> {
  // The server takes only application/json POSTs: a cross-site form cannot send that unasked.
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
}

export class LiveApi {
  private constructor(
    readonly base: URL,
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

  async run(request: RunRequest, signal?: AbortSignal, jobId = newJobId()): Promise<NativeOutcome> {
    // Aborting the fetch alone would leave the server computing (and answering 429 meanwhile):
    // ask it to stop this job. The id makes the cancel hit this job only, even if it is still
    // waiting its turn or has not reached the server yet.
    const stopServerJob = (): void => {
      void postJson(new URL('api/cancel', this.base), JSON.stringify({ job: jobId })).catch(() => undefined);
    };
    signal?.addEventListener('abort', stopServerJob, { once: true });
    try {
      return await this.post(request, jobId, signal);
    } finally {
      signal?.removeEventListener('abort', stopServerJob);
    }
  }

  private async post(request: RunRequest, jobId: string, signal?: AbortSignal): Promise<NativeOutcome> {
    let response: Response;
    try {
      const url = new URL('api/run', this.base);
      url.searchParams.set('job', jobId);
      response = await postJson(url, JSON.stringify(request), signal);
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
