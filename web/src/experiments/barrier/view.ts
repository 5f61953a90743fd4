// One side's result: the verdict against the sequential reference, a timeline with a lane per
// worker (its work in each phase, and its wait at the barrier), a row per worker and, for join,
// what starting and joining each phase's threads cost.
import { h } from '../../ui/dom';
import type { BarrierReport } from './report';

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}

function verdict(report: BarrierReport): HTMLElement {
  const cells = report.workers * report.phases;
  const stale = `${report.stale_reads} stale reads (a neighbour's cell of the previous phase read before it was written).`;
  if (!report.correct) {
    return h(
      'div',
      { class: 'barrier-verdict wrong', 'data-testid': 'barrier-verdict' },
      h('p', {}, h('strong', {}, 'Wrong answer'), `: ${report.wrong_cells} of ${cells} cells differ from the sequential reference (checksum ${report.checksum}, reference ${report.reference_checksum}); ${stale}`),
    );
  }
  const luck = report.sync === 'none' ? ' Nothing made the phases wait this time: the next run may go wrong.' : '';
  return h(
    'div',
    { class: 'barrier-verdict right', 'data-testid': 'barrier-verdict' },
    h('p', {}, h('strong', {}, 'Correct'), `: all ${cells} cells match the sequential reference (checksum ${report.checksum}); ${stale}${luck}`),
  );
}

function timeline(report: BarrierReport): HTMLElement {
  const total = Math.max(report.wall_ms, 1e-6);
  const lanes = report.per_worker.map((w) => {
    const spans = report.events
      .filter((e) => e.worker === w.worker)
      .map((e) =>
        h('div', {
          class: `barrier-span ${e.state}`,
          style: `left: ${((100 * e.start_ms) / total).toFixed(2)}%; width: ${((100 * (e.end_ms - e.start_ms)) / total).toFixed(2)}%`,
          title: `worker ${e.worker}, phase ${e.phase}: ${e.state} ${ms(e.end_ms - e.start_ms)}`,
        }),
      );
    return h('div', { class: 'barrier-lane' }, h('span', { class: 'barrier-lane-name' }, `worker ${w.worker}`), ...spans);
  });
  const waits = report.events.filter((e) => e.state === 'waiting').length;
  return h(
    'div',
    { class: 'barrier-timeline', role: 'img', 'aria-label': `Timeline of ${report.workers} workers over ${ms(report.wall_ms)}: ${report.events.length - waits} phases of work and ${waits} waits at the barrier` },
    ...lanes,
    h('p', { class: 'barrier-legend note' }, h('span', { class: 'swatch barrier-span running' }), 'working on a phase', h('span', { class: 'swatch barrier-span waiting' }), 'waiting at the barrier'),
  );
}

function joinCosts(report: BarrierReport): HTMLElement | null {
  if (report.sync !== 'join') return null;
  const start = report.phase_costs.reduce((sum, c) => sum + c.start_ms, 0);
  const join = report.phase_costs.reduce((sum, c) => sum + c.join_ms, 0);
  return h(
    'p',
    { class: 'note', 'data-testid': 'barrier-join-cost' },
    `${report.phase_costs.length * report.workers} threads started and joined, ${report.workers} per phase: starting them took ${ms(start)} and joining after each phase's last finish ${ms(join)}, all phases together (measured).`,
  );
}

export function barrierView(report: BarrierReport): HTMLElement {
  const waits = report.sync === 'barrier';
  const rows = report.per_worker.map((w) =>
    h('tr', {}, h('td', {}, String(w.worker)), h('td', {}, `${w.work_ms} ms`), h('td', {}, String(w.stale_reads)), waits ? h('td', {}, ms(w.waited_ms)) : null),
  );
  return h(
    'div',
    { 'data-correct': String(report.correct) },
    verdict(report),
    timeline(report),
    h(
      'table',
      { class: 'barrier-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'worker'), h('th', { scope: 'col' }, 'work per phase'), h('th', { scope: 'col' }, 'stale reads'), waits ? h('th', { scope: 'col' }, 'waited at the barrier') : null)),
      h('tbody', {}, ...rows),
    ),
    joinCosts(report),
    h('p', { class: 'note' }, `${report.workers} workers, ${report.phases} phases, sync ${report.sync}: the run took ${ms(report.wall_ms)}.`),
  );
}
