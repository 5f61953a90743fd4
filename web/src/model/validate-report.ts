// Checks that an object really is a report before the page shows it. Reports come from places the
// page does not control (a dropped file, another build of `cplay`), so every field the page reads
// is checked here once, and the UI can trust the type afterwards.
import { DEMOS, MODES, type Demo, type Report } from './types';

export type Validation = { ok: true; report: Report } | { ok: false; problems: string[] };

/** Result fields each demo must report, and that the page compares between sides. */
export const RESULT_FIELDS: Record<Demo, readonly string[]> = {
  primes: ['count', 'largest'],
  factorial: ['n', 'count', 'digits', 'leading', 'trailing_zeros', 'bits'],
  // And `lost`, or `child_finals` where no counter was shared (processes without shared memory).
  race: ['expected', 'final', 'sync'],
  io: ['tasks', 'completed'],
};

const WORKER_STATES = new Set(['running', 'waiting', 'gil-wait']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isTime(value: unknown): boolean {
  return typeof value === 'number' && Number.isFinite(value);
}

function checkTimedEntries(
  list: unknown,
  label: string,
  checkEntry: (entry: Record<string, unknown>) => string | null,
  problems: string[],
): void {
  if (!Array.isArray(list)) {
    problems.push(`${label} must be an array`);
    return;
  }
  list.forEach((entry, index) => {
    if (!isRecord(entry)) {
      problems.push(`${label}[${index}] must be an object`);
      return;
    }
    if (!isCount(entry.worker)) problems.push(`${label}[${index}].worker must be a whole number`);
    if (!isTime(entry.start_ms) || !isTime(entry.end_ms)) problems.push(`${label}[${index}] needs start_ms and end_ms`);
    else if ((entry.end_ms as number) < (entry.start_ms as number)) problems.push(`${label}[${index}] ends before it starts`);
    const extra = checkEntry(entry);
    if (extra) problems.push(`${label}[${index}] ${extra}`);
  });
}

export function validateReport(value: unknown): Validation {
  const problems: string[] = [];
  if (!isRecord(value)) return { ok: false, problems: ['a report must be a JSON object'] };
  if ('error' in value) {
    const error = value.error;
    const message = isRecord(error) && typeof error.message === 'string' ? error.message : 'unknown error';
    return { ok: false, problems: [`this is an error report: ${message}`] };
  }
  if (value.schema !== 1) problems.push('schema must be 1');
  const demo = value.demo;
  if (typeof demo !== 'string' || !(DEMOS as readonly string[]).includes(demo)) {
    problems.push(`demo must be one of ${DEMOS.join(', ')}`);
  }
  if (typeof value.mode !== 'string' || !(MODES as readonly string[]).includes(value.mode)) {
    problems.push(`mode must be one of ${MODES.join(', ')}`);
  }
  if (!isCount(value.workers) || (value.workers as number) < 1) problems.push('workers must be a whole number ≥ 1');
  if (!isRecord(value.params)) problems.push('params must be an object');
  if (!isTime(value.wall_ms) || (value.wall_ms as number) < 0) problems.push('wall_ms must be a number ≥ 0');
  if (!isRecord(value.platform) || typeof value.platform.runtime !== 'string') {
    problems.push('platform.runtime is missing');
  }
  if (!isRecord(value.result)) {
    problems.push('result must be an object');
  } else if (typeof demo === 'string' && demo in RESULT_FIELDS) {
    for (const field of RESULT_FIELDS[demo as Demo]) {
      if (!(field in value.result)) problems.push(`result.${field} is missing`);
    }
    if (demo === 'race' && !('lost' in value.result) && !Array.isArray(value.result.child_finals))
      problems.push('result.lost is missing (and there is no child_finals)');
  }
  checkTimedEntries(value.spans, 'spans', () => null, problems);
  if (value.events !== undefined) {
    checkTimedEntries(
      value.events,
      'events',
      (event) => (WORKER_STATES.has(String(event.state)) ? null : 'has an unknown state'),
      problems,
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, report: value as unknown as Report };
}
