// An exception, as the error report a panel shows: the page shows every failure it meets, with
// the exception's own message, rather than dropping it.
import type { ErrorCode, ErrorReport } from '../model/types';

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

export function failureReport(error: unknown, code: ErrorCode = 'page-error'): ErrorReport {
  return { schema: 1, error: { code, message: messageOf(error) } };
}
