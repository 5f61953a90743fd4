// Checks that an object really is a report before the page shows it. Reports come from places the
// page does not control (a dropped file, another build of `cplay`), so each one is checked against
// the report schema (docs/schema/report.schema.json) once, and the UI can trust the type afterwards.
import { validateReport as matchesReportSchema } from '../../../wasm/js/contract-validators.generated.js';
import { schemaProblems } from './schema-problems';
import { isErrorReport, type Demo, type Report } from './types';

export type Validation = { ok: true; report: Report } | { ok: false; problems: string[] };

/** Result fields each demo reports, that the page compares between sides. */
export const RESULT_FIELDS: Record<Demo, readonly string[]> = {
  primes: ['count', 'largest'],
  factorial: ['n', 'count', 'digits', 'leading', 'trailing_zeros', 'bits'],
  // And `lost`, or `child_finals` where no counter was shared (processes without shared memory).
  race: ['expected', 'final', 'sync'],
  io: ['tasks', 'completed'],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A schema cannot compare two fields: spans and events that end before they start. */
function backwardsInTime(report: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const list of ['spans', 'events'] as const) {
    const entries = report[list];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry: unknown, index) => {
      if (isRecord(entry) && typeof entry.start_ms === 'number' && typeof entry.end_ms === 'number' && entry.end_ms < entry.start_ms)
        problems.push(`${list}[${index}] ends before it starts`);
    });
  }
  return problems;
}

export function validateReport(value: unknown): Validation {
  if (!isRecord(value)) return { ok: false, problems: ['a report must be a JSON object'] };
  if (isErrorReport(value)) return { ok: false, problems: [`this is an error report: ${value.error.message}`] };
  const problems = matchesReportSchema(value) ? [] : schemaProblems(matchesReportSchema.errors);
  problems.push(...backwardsInTime(value));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, report: value as unknown as Report };
}
