// One column of a card: the last run on one side (this browser, or native), with its result,
// times, workers, pid/tid and timeline. It only displays; the card decides what to run.
import { destroyChartsIn } from '../charts/chart-setup';
import { drawTimelineChart } from '../charts/timeline-chart';
import type { DemoDefinition } from '../demos/definition';
import type { ErrorReport, Report } from '../model/types';
import type { Fetch } from '../../../wasm/js/contract.generated';
import { h, replaceChildren, type Child } from './dom';
import { fetchTable } from '../experiments/io-http/fetch-view';
import { formatCount, formatMs, formatSpeedup } from './format';

const MAX_WORKER_ROWS = 16;

export interface SidePanel {
  element: HTMLElement;
  setMachine(text: string): void;
  showIdle(text: string): void;
  showReport(report: Report, baseline: Report | null, note?: string): void;
  showError(error: ErrorReport): void;
  showMissing(message: string, command: string): void;
  /** A run the page measured itself, outside the core (the io card's fetch() calls). */
  showContent(...children: Child[]): void;
  /** Redraws the chart (after a colour scheme change). */
  redraw(): void;
  lastReport(): Report | null;
}

function workerTable(report: Report): HTMLElement {
  // Only MPI ranks name their host; other runs keep the table as it was.
  const withHost = report.spans.some((s) => s.host !== undefined);
  const rows = report.spans.slice(0, MAX_WORKER_ROWS).map((s) =>
    h(
      'tr',
      {},
      h('td', {}, s.worker),
      withHost ? h('td', {}, s.host ?? '') : null,
      h('td', {}, s.pid),
      h('td', { class: 'tid' }, s.tid),
      h('td', {}, s.start_ms.toFixed(1)),
      h('td', {}, s.end_ms.toFixed(1)),
      h('td', {}, formatCount(s.items)),
    ),
  );
  const more = report.spans.length - MAX_WORKER_ROWS;
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'workers' },
      h('caption', {}, 'Workers (times in ms from the start of the run)'),
      h(
        'thead',
        {},
        h('tr', {}, h('th', { scope: 'col' }, 'worker'), withHost ? h('th', { scope: 'col' }, 'host') : null, h('th', { scope: 'col' }, 'pid'), h('th', { scope: 'col' }, 'tid'), h('th', { scope: 'col' }, 'start'), h('th', { scope: 'col' }, 'end'), h('th', { scope: 'col' }, 'items')),
      ),
      h('tbody', {}, ...rows),
    ),
    more > 0 ? h('p', { class: 'note' }, `and ${more} more workers`) : null,
  );
}

/** The mpi line: which library ran how many ranks where, and how the work reached them. */
export function mpiFacts(report: Report): string {
  if (!report.mpi) return '';
  const { library, hosts, chunks } = report.mpi;
  const where = `${report.workers} ranks on ${hosts.length === 1 ? '1 host' : `${hosts.length} hosts`} (${hosts.join(', ')})`;
  // The race has no chunks: every rank runs its own loop against the counter in the window.
  const work = chunks > 0 ? `rank 0 handed out ${formatCount(chunks)} chunks of work as messages` : 'no chunks handed out';
  return `${library}: ${where}; ${work}`;
}

function facts(report: Report, baseline: Report | null): HTMLElement {
  const items: [string, string][] = [['wall time', formatMs(report.wall_ms)]];
  if (baseline && report.mode !== 'sequential' && baseline.wall_ms > 0) {
    items.push(['speedup over sequential', `${formatSpeedup(baseline.wall_ms / report.wall_ms)} (sequential took ${formatMs(baseline.wall_ms)})`]);
  } else if (report.mode !== 'sequential') {
    // A speedup needs a measured baseline; the page never guesses one.
    items.push(['speedup over sequential', 'run sequential (or All modes) once to measure it']);
  }
  const method = report.start_method ? `, started by ${report.start_method}` : '';
  items.push(['workers', `${report.workers} (${report.mode}${method})`]);
  if (typeof report.startup_ms === 'number') {
    // A Worker this run started has a "starting" stretch; the others came warm from the pool.
    const startedHere = new Set((report.events ?? []).filter((e) => e.state === 'starting').map((e) => e.worker)).size;
    const warm = report.spans.length - startedHere;
    items.push(['of which starting Workers', `${formatMs(report.startup_ms)}${warm > 0 ? ` (${warm} of ${report.spans.length} warm from the pool)` : ''}`]);
  }
  const gil = report.gil as { switches?: number } | undefined;
  if (gil && typeof gil.switches === 'number') items.push(['GIL hand-overs', formatCount(gil.switches)]);
  if (report.mpi) items.push(['MPI', mpiFacts(report)]);
  const pids = new Set(report.spans.map((s) => s.pid));
  const tids = new Set(report.spans.map((s) => s.tid));
  const sharedPid = report.platform.runtime === 'wasm' && report.mode === 'processes';
  // Emscripten answers getpid() with a constant, so separate Workers look like one process.
  items.push(['distinct pid / tid', `${pids.size} / ${tids.size}${sharedPid ? ' (every WebAssembly instance reports the same ids; each Worker is still separate)' : ''}`]);
  return h('dl', { class: 'facts' }, ...items.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

export function createSidePanel(definition: DemoDefinition, side: 'browser' | 'native', title: string): SidePanel {
  const machine = h('p', { class: 'machine' });
  const body = h('div', { class: 'side-body', 'data-testid': `${side}-body` });
  // Every card has both columns: the demo's name keeps each landmark's name unique on the page.
  const element = h('section', { class: `side side-${side}`, 'aria-label': `${definition.title}: ${title}`, 'data-side': side }, h('h3', {}, title), machine, body);
  let last: Report | null = null;
  let redrawLast: (() => void) | null = null;
  // Every change of the body goes through here, so the last run's chart dies with its canvas.
  const show = (...children: Child[]) => {
    destroyChartsIn(body);
    replaceChildren(body, ...children);
  };

  return {
    element,
    setMachine(text) {
      machine.textContent = text;
    },
    showIdle(text) {
      redrawLast = null;
      show(h('p', { class: 'idle' }, text));
    },
    showReport(report, baseline, note) {
      last = report;
      const canvas = h('canvas', { role: 'img' });
      show(
        h(
          'p',
          // The raw result rides along for the browser tests, which compare the two sides exactly.
          { class: 'result', 'data-testid': `${side}-result`, 'data-result': JSON.stringify(report.result), 'data-mode': report.mode, 'data-workers': report.workers, 'data-start-method': report.start_method ?? '' },
          definition.summarize(report.result),
        ),
        note ? h('p', { class: 'note' }, note) : null,
        facts(report, baseline),
        h('div', { class: 'chart-box chart-timeline' }, canvas),
        Array.isArray(report.result.fetches) ? fetchTable(report.result.fetches as Fetch[]) : null,
        workerTable(report),
      );
      redrawLast = () => drawTimelineChart(canvas, report, `${title}: what each worker did`);
      redrawLast();
    },
    showError(error) {
      redrawLast = null;
      show(
        h('p', { class: 'error', role: 'alert', 'data-testid': `${side}-error` }, h('strong', {}, `${error.error.code}: `), error.error.message),
      );
    },
    showContent(...children) {
      redrawLast = null;
      show(...children);
    },
    showMissing(message, command) {
      redrawLast = null;
      show(h('p', { class: 'idle', 'data-testid': `${side}-missing` }, message), h('pre', { class: 'command' }, h('code', {}, command)));
    },
    redraw() {
      redrawLast?.();
    },
    lastReport: () => last,
  };
}
