// The card "See the interleaving": the race, the deadlock, the async race and the barrier as tiny
// programs the learner steps through, choosing which worker moves next, and the table of every
// schedule's outcome from an exhaustive exploration. All of it is the core's explorer
// (core/src/explore_*.cpp) in WebAssembly, in a Worker of its own; the page keeps only the
// schedule so far and replays it after each change.
import './explore.css';
import { busyNote, errorLine, experimentCard, idleLine, runButton } from '../experiment-card';
import { choiceSelect, numberInput } from '../experiment-inputs';
import { h, replaceChildren } from '../../ui/dom';
import { ExploreClient, type ExploreRequest } from './client';
import { SCENARIO_NAMES, SCENARIOS } from './limits';
import type { ExploreReport, ExploreScenario, ReplayReport } from './report';
import { expectedCounter, findingFor, pickOutcome, randomMove, undo, withMove } from './schedule';
import { programView, sharedView, stepsView, outcomesView } from './view';

export interface ExploreContext {
  /** The folder holding wasm/single/. */
  wasmBase: string;
}

/** A link that opens this card on `scenario` ("see how this happens"), for the race and deadlock cards. */
export function seeHowLink(scenario: ExploreScenario, text = 'See how this happens, step by step'): HTMLAnchorElement {
  return h('a', { href: '#experiment-explore', class: 'explore-link', 'data-explore-scenario': scenario }, text);
}

export function createExploreSection(ctx: ExploreContext): HTMLElement {
  const client = new ExploreClient(ctx.wasmBase);
  const scenario = choiceSelect('explore-scenario', SCENARIO_NAMES);
  const variant = h('select', { id: 'explore-variant' });
  const workers = numberInput('explore-workers', SCENARIOS.race.workers);
  const size = numberInput('explore-size', SCENARIOS.race.size ?? { min: 1, max: 4, default: 2 });
  const sizeName = h('span', {}, 'Increments');
  const sizeLabel = h('label', { for: 'explore-size' }, sizeName, ' ');
  const button = runButton();
  button.textContent = 'Explore every schedule';
  const note = busyNote();

  const undoButton = h('button', { type: 'button' }, 'Undo');
  const randomButton = h('button', { type: 'button' }, 'Random step');
  const findButton = h('button', { type: 'button' }, 'Find a lost update');
  const status = h('p', { class: 'explore-status', 'data-testid': 'explore-status', role: 'status' });
  const stepper = h('div', { class: 'explore-stepper', 'data-testid': 'explore-stepper' }, idleLine('The explorer starts when this card comes into view.'));
  const outcomes = h('div', { class: 'explore-table' });

  let request: ExploreRequest = { scenario: 'race' };
  let exploration: ExploreReport | null = null;
  let schedule: number[] = [];
  let replay: ReplayReport | null = null;
  let busy = false;
  let generation = 0; // answers to an older request than the newest are dropped

  const setScenario = (name: ExploreScenario): void => {
    const choice = SCENARIOS[name];
    scenario.value = name;
    replaceChildren(variant, ...Object.keys(choice.variants).map((v) => h('option', { value: v }, v)));
    Object.assign(workers, { min: String(choice.workers.min), max: String(choice.workers.max), value: String(choice.workers.default) });
    size.disabled = choice.size === null;
    sizeLabel.hidden = size.hidden = choice.size === null;
    if (choice.size) {
      sizeName.textContent = choice.size.label;
      Object.assign(size, { min: String(choice.size.min), max: String(choice.size.max), value: String(choice.size.default) });
    }
    const finding = findingFor(name);
    findButton.hidden = finding === null;
    findButton.textContent = finding === 'deadlock' ? 'Find a deadlock' : 'Find a lost update';
  };

  const readRequest = (): ExploreRequest => {
    const choice = SCENARIOS[scenario.value as ExploreScenario];
    const fields: ExploreRequest = { scenario: choice.scenario, ...choice.variants[variant.value], workers: Number(workers.value) };
    if (choice.size) fields[choice.size.key] = Number(size.value);
    return fields;
  };

  const setBusy = (on: boolean): void => {
    busy = on;
    for (const control of [button, undoButton, randomButton, findButton]) control.disabled = on;
    section.dataset.busy = String(on);
    if (!on) render();
  };

  /** The counter with no update lost, for a race; null for the other scenarios. */
  const expected = (): number | null => (findingFor(request.scenario as ExploreScenario) === 'lost-update' ? expectedCounter(Number(request.workers), Number(request.increments ?? 2)) : null);

  const describeOutcome = (report: ReplayReport): string => {
    const steps = `${report.schedule.length} step${report.schedule.length === 1 ? '' : 's'}`;
    const done = report.schedule.length === 0 ? 'Nothing has run yet.' : `Schedule ${report.schedule.join(',')} (${steps}).`;
    if (report.outcome === null) return `${done} Workers that can move: ${report.can_still_move.join(', ')}.`;
    const want = expected();
    const counter = report.final.variables.counter;
    const lost = want !== null && counter !== undefined && counter < want ? ` — expected ${want}: ${want - counter} update${want - counter === 1 ? '' : 's'} lost` : '';
    return `${done} Nobody can move: ${report.outcome}${lost}.`;
  };

  function render(): void {
    undoButton.disabled = busy || schedule.length === 0;
    randomButton.disabled = busy || !replay || replay.can_still_move.length === 0;
    findButton.disabled = busy || !exploration;
    if (!replay) return;
    const current = replay;
    const moves = current.program.workers.map((ops, worker) => {
      const canMove = current.can_still_move.includes(worker);
      const finishedAll = (current.final.pc[worker] ?? 0) >= ops.length;
      return h(
        'button',
        { type: 'button', 'data-move': worker, disabled: busy || !canMove, title: canMove ? null : finishedAll ? 'it has finished' : 'it waits (for a lock, or for the others at the barrier)', onclick: () => void goTo(withMove(schedule, worker)) },
        `worker ${worker} moves`,
      );
    });
    status.textContent = describeOutcome(current);
    replaceChildren(stepper, programView(current, moves), h('div', { class: 'explore-side' }, sharedView(current), stepsView(current)));
  }

  /** Replays `next` and shows it; the core refuses a worker that cannot move, in its words. */
  async function goTo(next: number[]): Promise<void> {
    const mine = ++generation;
    setBusy(true);
    const outcome = await client.replay(request, next);
    if (mine !== generation) return;
    if ('report' in outcome) {
      schedule = next;
      replay = outcome.report;
      note.textContent = '';
    } else note.textContent = outcome.error;
    setBusy(false);
  }

  async function exploreNow(): Promise<void> {
    request = readRequest();
    exploration = null;
    replay = null;
    schedule = [];
    const mine = ++generation;
    setBusy(true);
    note.textContent = 'Exploring…';
    replaceChildren(outcomes, idleLine('Exploring every schedule…'));
    const [found, start] = await Promise.all([client.explore(request), client.replay(request, [])]);
    if (mine !== generation) return;
    note.textContent = '';
    if ('report' in start) replay = start.report;
    else replaceChildren(stepper, errorLine(start.error));
    if ('report' in found) {
      exploration = found.report;
      const report = found.report;
      const plays = report.outcomes.map((o) => h('button', { type: 'button', 'data-play': o.label, onclick: () => void goTo([...o.witness]) }, 'Play witness'));
      replaceChildren(outcomes, outcomesView(report, plays));
    } else replaceChildren(outcomes, errorLine(found.error));
    setBusy(false);
  }

  undoButton.addEventListener('click', () => void goTo(undo(schedule)));
  randomButton.addEventListener('click', () => {
    const worker = replay ? randomMove(replay.can_still_move) : null;
    if (worker !== null) void goTo(withMove(schedule, worker));
  });
  findButton.addEventListener('click', () => {
    const finding = findingFor(request.scenario as ExploreScenario);
    if (!exploration || !finding) return;
    const found = pickOutcome(exploration.outcomes, finding, expected() ?? 0);
    if (found) void goTo([...found.witness]);
    else note.textContent = finding === 'deadlock' ? 'No schedule deadlocks here: every one completes.' : 'No schedule loses an update here: every one ends at the expected count.';
  });
  button.addEventListener('click', () => void exploreNow());
  scenario.addEventListener('change', () => setScenario(scenario.value as ExploreScenario));
  setScenario('race');

  // "See how this happens" links anywhere on the page open this card on their scenario.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-explore-scenario]') : null;
    const name = link?.dataset.exploreScenario as ExploreScenario | undefined;
    if (!name || !(name in SCENARIOS)) return;
    setScenario(name);
    void exploreNow();
  });

  const section = experimentCard({
    name: 'explore',
    title: 'See the interleaving: every schedule of a tiny race or deadlock',
    explanation: [
      'A real run shows that updates get lost; it cannot show how, because the interleaving that lost them is gone. Here the same experiments are tiny programs of steps on shared state, run by a deterministic scheduler: you choose which worker takes the next step. Each operation below is one indivisible step, in C++ and, beneath it, the same step in the lesson’s Python: “r0 = counter.load()” (Python: “seen = counter”) reads the shared counter into the worker’s own register r0, and “counter.store(r0 + 1)” (“counter = seen + 1”) writes it back. The marked line is the step the worker takes when it moves next.',
      'Explore every schedule visits every order in which the workers’ steps can interleave, grouped by how they end, with one witness schedule each (the worker of each step). States already seen are not explored twice. It runs the core’s explorer in WebAssembly, in a Worker; natively, run cplay explore.',
    ],
    fields: [['Scenario ', scenario], ['Variant ', variant], ['Workers ', workers], sizeLabel, size],
    actions: [button, note],
    sides: h('div', { class: 'explore-controls' }, h('div', { class: 'actions' }, undoButton, randomButton, findButton), status, stepper),
    below: [h('h3', {}, 'Every schedule'), outcomes],
  });
  // The default exploration when the card first comes into view: a page load that never gets
  // here starts no Worker and loads no module for it.
  const shown = new IntersectionObserver((entries) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    shown.disconnect();
    if (generation === 0) void exploreNow();
  });
  shown.observe(section);
  return section;
}
