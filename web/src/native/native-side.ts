// The right-hand column: where native numbers come from on this page. Live from `cplay serve`
// when the page is served by it; otherwise from stored reports (the build's reference, or files
// the user dropped in). A stored report is shown only for exactly the same workload.
import { cplayCommand } from '../model/request';
import type { ErrorReport, Report, RunRequest } from '../model/types';
import type { LiveApi } from './live-api';
import type { MachineLabel } from './report-file';
import type { ReferenceStore } from './reference-store';

export interface NativeMachine {
  label: string;
  cores: number | null;
}

export type NativeResult =
  | { report: Report; origin: 'live' | 'reference' | 'dropped'; machine: NativeMachine }
  | { error: ErrorReport }
  | { missing: string; command: string };

function describeMachine(machine: MachineLabel | null, report: Report): NativeMachine {
  const cores = machine?.cores ?? (typeof report.platform.cores === 'number' ? report.platform.cores : null);
  const label = machine?.cpu_model ?? `${String(report.platform.os ?? 'unknown OS')}, CPU model not recorded`;
  return { label, cores };
}

export class NativeSide {
  constructor(
    readonly live: LiveApi | null,
    readonly store: ReferenceStore,
  ) {}

  get isLive(): boolean {
    return this.live !== null;
  }

  liveMachine(): NativeMachine | null {
    if (!this.live) return null;
    const info = this.live.info;
    return { label: info.cpu ?? 'this machine', cores: info.cores ?? null };
  }

  private stored(request: RunRequest): NativeResult | null {
    const found = this.store.find(request);
    if (!found) return null;
    return { report: found.value, origin: found.source.origin, machine: describeMachine(found.source.machine, found.value) };
  }

  private missing(request: RunRequest): NativeResult {
    const why = this.store.empty
      ? 'No native server here and no native reference in this build.'
      : 'No stored native report has exactly these settings.';
    return { missing: `${why} Run the command below and drop its output on this card.`, command: cplayCommand(request) };
  }

  async run(request: RunRequest, signal?: AbortSignal): Promise<NativeResult> {
    const dropped = this.stored(request);
    if (dropped && 'origin' in dropped && dropped.origin === 'dropped') return dropped;
    if (this.live) {
      const outcome = await this.live.run(request, signal);
      if ('error' in outcome) return outcome;
      return { report: outcome.report, origin: 'live', machine: this.liveMachine() ?? describeMachine(null, outcome.report) };
    }
    return dropped ?? this.missing(request);
  }

  /** Up to `count` runs of one workload: live runs, or every stored run of it. */
  async runMany(request: RunRequest, count: number, signal?: AbortSignal): Promise<NativeResult[]> {
    if (!this.live) {
      const found = this.store.findAll(request);
      if (!found) return [this.missing(request)];
      return found.value.slice(0, count).map((report) => ({
        report,
        origin: found.source.origin,
        machine: describeMachine(found.source.machine, report),
      }));
    }
    const results: NativeResult[] = [];
    for (let i = 0; i < count; i++) {
      const result = await this.run(request, signal);
      results.push(result);
      if (!('report' in result)) break;
    }
    return results;
  }
}
