// Cuts a named region out of a C++ source, so the page shows the code that runs rather than a
// copy that could drift. A region sits between two whole-line comments:
//   // snippet-begin: race-sync-none
//   ...
//   // snippet-end: race-sync-none
// The marker lines are left out (also those of other regions nested inside), and so is the
// indentation the region's lines share. Pure: no file system, so tests can feed it any text.

const MARKER = /^\s*\/\/\s*snippet-(begin|end):\s*(\S+)\s*$/;

/** A region the page asks for is missing, duplicated, unterminated or empty in its file. */
export class RegionError extends Error {
  constructor(
    readonly file: string,
    readonly region: string,
    problem: string,
  ) {
    super(`${file}: C++ snippet region "${region}" ${problem}`);
    this.name = 'RegionError';
  }
}

interface Marker {
  kind: 'begin' | 'end';
  name: string;
  line: number;
}

function markersIn(lines: readonly string[]): Marker[] {
  const markers: Marker[] = [];
  lines.forEach((text, line) => {
    const match = MARKER.exec(text);
    if (match) markers.push({ kind: match[1] as Marker['kind'], name: match[2] ?? '', line });
  });
  return markers;
}

/** Removes the leading whitespace every non-blank line shares; blank lines become empty. */
export function dedent(lines: readonly string[]): string[] {
  const filled = lines.filter((line) => line.trim() !== '');
  const indents = filled.map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const common = indents.length === 0 ? 0 : Math.min(...indents);
  return lines.map((line) => (line.trim() === '' ? '' : line.slice(common).trimEnd()));
}

/**
 * The text of region `region` in `source` (the contents of `file`, which is named only in
 * errors), without markers, dedented, with blank lines at either end dropped.
 * Throws RegionError unless the region is there exactly once, ends after it begins, and holds code.
 */
export function extractRegion(source: string, file: string, region: string): string {
  const lines = source.split(/\r?\n/);
  const markers = markersIn(lines).filter((m) => m.name === region);
  const begins = markers.filter((m) => m.kind === 'begin');
  const ends = markers.filter((m) => m.kind === 'end');
  const at = (m: Marker) => `line ${m.line + 1}`;

  if (begins.length === 0)
    throw new RegionError(file, region, `is missing: no "// snippet-begin: ${region}" line`);
  if (begins.length > 1)
    throw new RegionError(file, region, `is duplicated: it begins at ${begins.map(at).join(' and ')}`);
  const begin = begins[0] as Marker;
  if (ends.length === 0)
    throw new RegionError(file, region, `is unterminated: it begins at ${at(begin)} but has no "// snippet-end: ${region}" line`);
  if (ends.length > 1)
    throw new RegionError(file, region, `is duplicated: it ends at ${ends.map(at).join(' and ')}`);
  const end = ends[0] as Marker;
  if (end.line < begin.line)
    throw new RegionError(file, region, `is unterminated: it ends at ${at(end)}, before it begins at ${at(begin)}`);

  const body = lines.slice(begin.line + 1, end.line).filter((line) => !MARKER.test(line));
  const text = dedent(body);
  while (text.length > 0 && text[0] === '') text.shift();
  while (text.length > 0 && text[text.length - 1] === '') text.pop();
  if (text.length === 0) throw new RegionError(file, region, `is empty (${at(begin)} to ${at(end)})`);
  return text.join('\n');
}
