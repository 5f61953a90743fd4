// What the card shows of the explorer's reports: each worker's program with its next operation
// marked, its registers, the shared variables and lock owners, the steps so far (from a replay),
// and the table of outcomes (from an exploration). Buttons come from the section.
import { h } from '../../ui/dom';
import type { ExploreReport, ReplayReport } from './report';
import { share } from './schedule';

/** One column per worker: its operations, done ones dimmed, the next one marked. */
/** One language's text of a worker's steps, the next one marked (in both lists, one for one). */
function opsList(language: string, ops: string[], pc: number, current: boolean): HTMLElement {
  return h(
    'div',
    { class: 'explore-language', 'data-language': language },
    h('p', { class: 'explore-language-name' }, language),
    h(
      'ol',
      { class: 'explore-ops', start: 0 },
      ...ops.map((text, i) => h('li', { class: i < pc ? 'done' : i === pc ? 'next' : null, 'aria-current': current && i === pc ? 'step' : null }, h('code', {}, text))),
    ),
  );
}

export function programView(replay: ReplayReport, moveButtons: HTMLButtonElement[]): HTMLElement {
  const { program, final } = replay;
  return h(
    'div',
    { class: 'explore-workers' },
    ...program.workers.map((ops, worker) => {
      const pc = final.pc[worker] ?? 0;
      const registers = (final.registers[worker] ?? []).map((value, r) => `r${r} = ${value}`).join(', ');
      return h(
        'div',
        { class: 'explore-worker', 'data-worker': worker, 'data-pc': pc },
        h('h3', {}, `worker ${worker}`),
        opsList('C++', ops, pc, true),
        opsList('Python', program.python[worker] ?? [], pc, false),
        pc >= ops.length ? h('p', { class: 'explore-finished' }, 'finished') : null,
        h('p', { class: 'explore-registers', 'data-testid': `explore-registers-${worker}` }, 'registers: ', h('code', {}, registers)),
        moveButtons[worker],
      );
    }),
  );
}

/** The shared variables and who holds each lock, after the schedule so far. */
export function sharedView(replay: ReplayReport): HTMLElement {
  const { program, final } = replay;
  const rows = [
    ...program.variables.map((name) => h('tr', { 'data-variable': name }, h('th', { scope: 'row' }, h('code', {}, name)), h('td', {}, String(final.variables[name] ?? 0)))),
    ...program.locks.map((name) => {
      const owner = final.locks[name];
      return h('tr', { 'data-lock': name }, h('th', { scope: 'row' }, 'lock ', h('code', {}, name)), h('td', {}, owner === undefined || owner === null || owner < 0 ? 'free' : `held by worker ${owner}`));
    }),
  ];
  return h('table', { class: 'explore-shared', 'data-testid': 'explore-shared' }, h('caption', {}, 'Shared state'), h('tbody', {}, ...rows));
}

/** The steps run so far, each with what its operations saw. */
export function stepsView(replay: ReplayReport): HTMLElement {
  if (replay.steps.length === 0) return h('p', { class: 'idle', 'data-testid': 'explore-steps' }, 'No step yet: choose which worker moves first.');
  return h(
    'ol',
    { class: 'explore-steps', 'data-testid': 'explore-steps' },
    ...replay.steps.map((step) => h('li', {}, `worker ${step.worker}: `, h('code', {}, step.ops.join('; ')))),
  );
}

/** Every outcome with its schedules, share and a button that plays its witness. */
export function outcomesView(report: ExploreReport, playButtons: HTMLButtonElement[]): HTMLElement {
  const saturated = report.saturated ? ' (counts saturated at 2^64 − 1)' : '';
  return h(
    'div',
    { 'data-testid': 'explore-outcomes' },
    h(
      'p',
      { class: 'explore-summary' },
      `${report.program.title}: ${report.schedules.toLocaleString('en')} schedules, ${report.states.toLocaleString('en')} distinct states explored in ${report.wall_ms.toFixed(1)} ms (WebAssembly, in this browser)${saturated}.`,
    ),
    h(
      'table',
      { class: 'explore-outcomes' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Outcome'), h('th', { scope: 'col' }, 'Schedules'), h('th', { scope: 'col' }, 'Share'), h('th', { scope: 'col' }, 'One of them (the worker of each step)'))),
      h(
        'tbody',
        {},
        ...report.outcomes.map((outcome, i) =>
          h(
            'tr',
            { 'data-outcome': outcome.label, class: outcome.deadlock ? 'deadlock' : null },
            h('th', { scope: 'row' }, outcome.label),
            h('td', { class: 'number' }, outcome.schedules.toLocaleString('en')),
            h('td', { class: 'number' }, share(outcome.schedules, report.schedules)),
            h('td', {}, h('code', {}, outcome.witness.join(',')), ' ', playButtons[i]),
          ),
        ),
      ),
    ),
  );
}
