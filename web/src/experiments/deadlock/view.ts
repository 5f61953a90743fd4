// One side's result: the verdict (the cycle, who holds and waits for what), then a row per worker.
import { h } from '../../ui/dom';
import { lockName, type DeadlockReport } from './report';

function verdict(report: DeadlockReport): HTMLElement {
  if (report.deadlock) {
    return h(
      'div',
      { class: 'deadlock-verdict stuck', 'data-testid': 'deadlock-verdict' },
      h('p', {}, h('strong', {}, 'Deadlock'), ` after ${(report.detected_ms ?? 0).toFixed(1)} ms: the watchdog saw the same cycle in two samples in a row.`),
      h('ul', {}, ...report.cycle.map((l) => h('li', {}, `worker ${l.worker} holds ${lockName(l.holds)} and waits for ${lockName(l.waits_for)} (held by worker ${l.held_by})`))),
      h('p', {}, 'It cancelled the run: each worker gave up its timed wait, let go of what it held and ended.'),
    );
  }
  const retries = report.strategy === 'try-lock' ? ` ${report.retries} retries: a worker that found its second lock taken let go of its first, backed off and tried again.` : '';
  return h(
    'div',
    { class: 'deadlock-verdict done', 'data-testid': 'deadlock-verdict' },
    h('p', {}, h('strong', {}, 'No deadlock'), `: every worker finished its rounds (the watchdog looked ${report.detection.samples} times).${retries}`),
  );
}

export function deadlockView(report: DeadlockReport): HTMLElement {
  const rows = report.per_worker.map((w, i) =>
    h(
      'tr',
      {},
      h('td', {}, String(w.worker)),
      h('td', {}, `${lockName(w.first_lock)}, then ${lockName(w.second_lock)}`),
      h('td', {}, `${w.rounds_completed} of ${report.rounds}${w.gave_up ? ', gave up' : ''}`),
      h('td', {}, String(w.retries)),
      h('td', {}, report.mode === 'processes' ? `pid ${report.spans[i]?.pid ?? '?'}` : `tid ${report.spans[i]?.tid ?? '?'}`),
    ),
  );
  return h(
    'div',
    { 'data-deadlock': String(report.deadlock) },
    verdict(report),
    h(
      'table',
      { class: 'deadlock-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'worker'), h('th', { scope: 'col' }, 'takes'), h('th', { scope: 'col' }, 'rounds done'), h('th', { scope: 'col' }, 'retries'), h('th', { scope: 'col' }, report.mode))),
      h('tbody', {}, ...rows),
    ),
    h('p', { class: 'note' }, `${report.workers} workers in ${report.mode}, run took ${report.wall_ms.toFixed(1)} ms.`),
  );
}
