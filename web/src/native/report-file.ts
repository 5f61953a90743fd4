// Reads native results from text: the build's reference bundle, or whatever a user saved from
// `cplay … --json` (one report, several reports one per line, or a JSON array of them).
import type { Report } from '../model/types';
import { validateReport } from '../model/validate-report';

/** The machine a set of native reports was measured on. */
export interface MachineLabel {
  cpu_model: string;
  cores: number | null;
  os?: string;
  compiler?: string;
  generated_at?: string;
}

export interface ReportFile {
  reports: Report[];
  machine: MachineLabel | null;
  /** Entries that were not valid reports, with the reasons, so the page can say what it skipped. */
  rejected: { where: string; problems: string[] }[];
}

function machineFrom(value: unknown): MachineLabel | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  if (typeof record.cpu_model !== 'string') return null;
  return {
    cpu_model: record.cpu_model,
    cores: typeof record.cores === 'number' ? record.cores : null,
    os: typeof record.os === 'string' ? record.os : undefined,
    compiler: typeof record.compiler === 'string' ? record.compiler : undefined,
    generated_at: typeof record.generated_at === 'string' ? record.generated_at : undefined,
  };
}

function parseDocuments(text: string): { documents: unknown[]; where: string[] } {
  const trimmed = text.trim();
  if (trimmed === '') throw new Error('the file is empty');
  try {
    return { documents: [JSON.parse(trimmed)], where: ['file'] };
  } catch {
    // Not one document: try JSON Lines, which is what `--json` prints for several runs.
  }
  const documents: unknown[] = [];
  const where: string[] = [];
  trimmed.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      documents.push(JSON.parse(line));
      where.push(`line ${index + 1}`);
    } catch {
      throw new Error(`line ${index + 1} is not JSON`);
    }
  });
  return { documents, where };
}

/** Throws with a readable message when the text is not JSON at all. */
export function parseReportFile(text: string): ReportFile {
  const { documents, where } = parseDocuments(text);
  const file: ReportFile = { reports: [], machine: null, rejected: [] };
  const take = (candidate: unknown, label: string) => {
    const checked = validateReport(candidate);
    if (checked.ok) file.reports.push(checked.report);
    else file.rejected.push({ where: label, problems: checked.problems });
  };
  documents.forEach((document, index) => {
    const label = where[index] ?? 'file';
    if (Array.isArray(document)) {
      document.forEach((entry, i) => take(entry, `${label}, entry ${i + 1}`));
    } else if (typeof document === 'object' && document !== null && Array.isArray((document as { reports?: unknown }).reports)) {
      const bundle = document as { reports: unknown[]; machine?: unknown };
      file.machine = machineFrom(bundle.machine) ?? file.machine;
      bundle.reports.forEach((entry, i) => take(entry, `${label}, report ${i + 1}`));
    } else {
      take(document, label);
    }
  });
  return file;
}
