// One side's result: a lane per task (waiting for a permit, then holding it), the most in flight
// against K, the wall time beside the ideal, and the sweep's table. Every number is the report's.
import { h } from '../../ui/dom';
import type { SemaphoreReport } from './report';

type SweepRun = SemaphoreReport['sweep_runs'][number];

function percent(ms: number, wallMs: number): string {
  return `${((Math.max(0, ms) / Math.max(wallMs, 1e-9)) * 100).toFixed(2)}%`;
}

function bar(kind: 'waiting' | 'holding', fromMs: number, toMs: number, wallMs: number): HTMLElement {
  const bar = h('span', { class: `semaphore-bar ${kind}` });
  bar.style.left = percent(fromMs, wallMs);
  bar.style.width = percent(toMs - fromMs, wallMs);
  return bar;
}

function timeline(report: SemaphoreReport): HTMLElement {
  const lanes = report.per_task.map((t) =>
    h(
      'li',
      { class: 'semaphore-lane', 'aria-label': `task ${t.task}: asked at ${t.asked_ms.toFixed(1)} ms, held a permit from ${t.acquired_ms.toFixed(1)} to ${t.released_ms.toFixed(1)} ms` },
      h('span', { class: 'semaphore-lane-name' }, `task ${t.task}`),
      h('span', { class: 'semaphore-track' }, bar('waiting', t.asked_ms, t.acquired_ms, report.wall_ms), bar('holding', t.acquired_ms, t.released_ms, report.wall_ms)),
    ),
  );
  return h('ol', { class: 'semaphore-timeline', 'data-testid': 'semaphore-timeline' }, ...lanes);
}

function ratio(run: { ratio: number | null }): string {
  return run.ratio === null ? '–' : run.ratio.toFixed(2);
}

function sweepTable(rows: SweepRun[]): HTMLElement {
  return h(
    'table',
    { class: 'semaphore-sweep', 'data-testid': 'semaphore-sweep' },
    h('caption', {}, 'The same downloads with every limit K'),
    h('thead', {}, h('tr', {}, ...['K', 'wall ms', 'ideal ms', 'ratio', 'most in flight'].map((t) => h('th', { scope: 'col' }, t)))),
    h(
      'tbody',
      {},
      ...rows.map((r) => h('tr', {}, h('td', {}, String(r.limit)), h('td', {}, r.wall_ms.toFixed(1)), h('td', {}, String(r.ideal_ms)), h('td', {}, ratio(r)), h('td', {}, String(r.max_in_flight)))),
    ),
  );
}

export function semaphoreView(report: SemaphoreReport): HTMLElement {
  const waves = Math.ceil(report.tasks / report.limit);
  return h(
    'div',
    { 'data-max-in-flight': String(report.max_in_flight), 'data-limit': String(report.limit) },
    h(
      'p',
      { class: 'semaphore-verdict', 'data-testid': 'semaphore-verdict' },
      h('strong', {}, `Most in flight at once: ${report.max_in_flight} of ${report.limit}`),
      ' (counted by an atomic between acquire and release).',
    ),
    timeline(report),
    h('p', { class: 'note' }, 'Light: waiting for a permit; dark: holding it through the download’s wait.'),
    h('p', {}, `${report.tasks} downloads in ${report.mode}: wall ${report.wall_ms.toFixed(1)} ms, ideal ${waves} wave${waves === 1 ? '' : 's'} × ${report.latency_ms} ms = ${report.ideal_ms} ms (ratio ${ratio(report)}).`),
    ...(report.sweep_runs.length > 0 ? [sweepTable(report.sweep_runs)] : []),
  );
}
