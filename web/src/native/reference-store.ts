// Native reports the page did not run itself: the reference file that the build measured with
// `cplay` on a named machine, and any `cplay … --json` output the user dropped in. Lookups
// match the exact workload, so a number is only ever shown beside the run it belongs to.
import { sameSweepSeries, sameWorkload } from '../model/request';
import type { Report, RunRequest } from '../model/types';
import { parseReportFile, type MachineLabel } from './report-file';

export interface ReferenceSource {
  /** Where the reports came from, for the column's label. */
  name: string;
  origin: 'reference' | 'dropped';
  machine: MachineLabel | null;
  reports: Report[];
}

export interface Found<T> {
  value: T;
  source: ReferenceSource;
}

export class ReferenceStore {
  private sources: ReferenceSource[] = [];

  get all(): readonly ReferenceSource[] {
    return this.sources;
  }

  get empty(): boolean {
    return this.sources.every((s) => s.reports.length === 0);
  }

  /** Loads the build's reference file; false (and nothing added) when the build made none. */
  async loadReference(url: URL): Promise<boolean> {
    try {
      const response = await fetch(url);
      if (!response.ok) return false;
      const file = parseReportFile(await response.text());
      if (file.reports.length === 0) return false;
      this.sources.push({ name: 'stored reference', origin: 'reference', machine: file.machine, reports: file.reports });
      return true;
    } catch {
      return false;
    }
  }

  /** Adds a dropped file; throws with the reason when nothing in it is a report. */
  addDropped(name: string, text: string): { accepted: number; rejected: number } {
    const file = parseReportFile(text);
    if (file.reports.length === 0) {
      const why = file.rejected[0]?.problems.join('; ') ?? 'no reports found';
      throw new Error(`${name}: no valid report (${why})`);
    }
    // Newest first: a dropped file overrides the build's reference for the same workload.
    this.sources.unshift({ name, origin: 'dropped', machine: file.machine, reports: file.reports });
    return { accepted: file.reports.length, rejected: file.rejected.length };
  }

  find(request: RunRequest): Found<Report> | null {
    for (const source of this.sources) {
      const report = source.reports.find((r) => sameWorkload(r, request));
      if (report) return { value: report, source };
    }
    return null;
  }

  /** Every stored run of this workload (the race histogram wants many). */
  findAll(request: RunRequest): Found<Report[]> | null {
    for (const source of this.sources) {
      const reports = source.reports.filter((r) => sameWorkload(r, request));
      if (reports.length > 0) return { value: reports, source };
    }
    return null;
  }

  /** One report per worker count for this workload, from a single source so the points compare. */
  findSweep(request: RunRequest): Found<Report[]> | null {
    let best: Found<Report[]> | null = null;
    for (const source of this.sources) {
      const byWorkers = new Map<number, Report>();
      for (const report of source.reports) {
        if (sameSweepSeries(report, request) && !byWorkers.has(report.workers)) byWorkers.set(report.workers, report);
      }
      if (byWorkers.size > (best?.value.length ?? 0)) {
        best = { value: [...byWorkers.values()].sort((a, b) => a.workers - b.workers), source };
      }
    }
    return best;
  }

  /** What the references cover for a demo, to tell the user which settings have native numbers. */
  coverage(demo: string): Report[] {
    return this.sources.flatMap((s) => s.reports.filter((r) => r.demo === demo));
  }
}
