// One side's result: both strategies' wall time, starts, start cost and the check of every task,
// the ratio fresh/pool measured in this run, and a timeline per strategy with a lane per worker
// (hatched: a worker starting; solid: a task running). Every number is the run's own.
import { h } from '../../ui/dom';
import type { PoolComparison, PoolStrategy } from './report';

function percent(ms: number, wallMs: number): string {
  return `${((Math.max(0, ms) / Math.max(wallMs, 1e-9)) * 100).toFixed(2)}%`;
}

function bar(kind: 'starting' | 'running', fromMs: number, toMs: number, wallMs: number): HTMLElement {
  const element = h('span', { class: `pool-bar ${kind}` });
  element.style.left = percent(fromMs, wallMs);
  element.style.width = percent(Math.max(toMs - fromMs, 0), wallMs);
  return element;
}

function timeline(name: string, run: PoolStrategy, lanes: number): HTMLElement {
  const rows = Array.from({ length: lanes }, (_, lane) => {
    const starts = run.workers.filter((w) => w.worker === lane);
    const tasks = run.per_task.filter((t) => t.worker === lane);
    return h(
      'li',
      { class: 'pool-lane', 'aria-label': `${name}, worker ${lane}: ${starts.length} start${starts.length === 1 ? '' : 's'}, ${tasks.length} task${tasks.length === 1 ? '' : 's'}` },
      h('span', { class: 'pool-lane-name' }, `w${lane}`),
      h(
        'span',
        { class: 'pool-track' },
        ...starts.map((s) => bar('starting', s.asked_ms, s.running_ms, run.wall_ms)),
        ...tasks.map((t) => bar('running', t.started_ms, t.ended_ms, run.wall_ms)),
      ),
    );
  });
  return h('figure', { class: 'pool-figure' }, h('figcaption', {}, `${name}: ${run.wall_ms.toFixed(2)} ms`), h('ol', { class: 'pool-timeline', 'data-testid': `pool-timeline-${name}` }, ...rows));
}

function row(name: string, run: PoolStrategy): HTMLElement {
  return h(
    'tr',
    { 'data-strategy': name, 'data-starts': String(run.starts), 'data-correct': String(run.correct) },
    h('th', { scope: 'row' }, name),
    h('td', {}, run.wall_ms.toFixed(2)),
    h('td', {}, String(run.starts)),
    h('td', {}, run.start_cost_ms.toFixed(2)),
    h('td', {}, run.correct ? 'yes' : 'NO'),
  );
}

export function poolView(report: PoolComparison, startsWhat: string): HTMLElement {
  return h(
    'div',
    { class: 'pool-result', 'data-correct': String(report.correct), 'data-pool-starts': String(report.pool.starts), 'data-fresh-starts': String(report.fresh.starts) },
    h(
      'table',
      { class: 'pool-table' },
      h('thead', {}, h('tr', {}, ...['strategy', 'wall ms', `${startsWhat} started`, 'start cost ms', 'every result right'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, row('pool', report.pool), row('fresh', report.fresh)),
    ),
    h(
      'p',
      { class: 'pool-verdict', 'data-testid': 'pool-verdict' },
      h('strong', {}, `fresh / pool wall time: ${report.fresh_over_pool.toFixed(2)}`),
      ` (measured in this run). The pool paid ${report.pool.starts} start${report.pool.starts === 1 ? '' : 's'}, fresh paid ${report.fresh.starts}; every task's value ${report.correct ? 'matched' : 'did NOT match'} the same task computed one by one (sum ${report.expected_sum}).`,
    ),
    timeline('pool', report.pool, report.workers),
    timeline('fresh', report.fresh, report.workers),
    h('p', { class: 'note' }, 'Hatched: a worker starting (asked for, not yet running); solid: a task running.'),
  );
}
