// The experiment "fork vs spawn: what a child inherits": the native side (cplay serve, when live)
// and this browser, run one after the other, never at once (they share the cores).
import './start-methods.css';
import { busyNote, errorLine, experimentCard, idleLine, outcomeView, runButton, sideBody } from '../experiment-card';
import { numberInput } from '../experiment-inputs';
import { followJobLock, runAsJob } from '../job-lock-view';
import { h, replaceChildren } from '../../ui/dom';
import { messageOf } from '../../ui/failure';
import type { JobLock } from '../../ui/page-context';
import { CATALOG } from '../../model/catalog';
import { runBrowserStartMethods } from './browser-probe';
import { runNativeStartMethods } from './native-probe';
import { browserTable, nativeTable } from './tables';

// The core's range and default (experiments.start_methods), as cplay start-methods takes them.
const workersParam = CATALOG.experiments.start_methods.params.find((param) => param.key === 'workers');
if (workersParam?.kind !== 'integer') throw new Error("the core's start-methods catalog has no integer workers");
const MIN_WORKERS = workersParam.min;
const MAX_WORKERS = workersParam.max;
const DEFAULT_WORKERS = workersParam.default;
/** The name the page's other cards show while this runs ("the fork vs spawn card is running"). */
const JOB = 'fork vs spawn';

export interface StartMethodsContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  jobs: JobLock;
}

function parseWorkers(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= MIN_WORKERS && value <= MAX_WORKERS ? value : null;
}

function idleNative(live: boolean): HTMLElement {
  if (live) return idleLine('Run the experiment to ask cplay serve’s machine.');
  return h(
    'p',
    { class: 'idle', 'data-testid': 'start-methods-no-server' },
    'No native server here. Start one with ',
    h('code', {}, 'npm start'),
    ' (or ',
    h('code', {}, 'build/native/cplay serve'),
    ') and open the page it serves, or run ',
    h('code', {}, 'cplay start-methods'),
    ' in a terminal.',
  );
}

export function createStartMethodsSection(ctx: StartMethodsContext): HTMLElement {
  const input = numberInput('start-methods-workers', { min: MIN_WORKERS, max: MAX_WORKERS, default: DEFAULT_WORKERS });
  const button = runButton();
  const note = busyNote();
  const browserBody = sideBody('start-methods-browser', idleLine('Not run yet.'));
  const nativeBody = sideBody('start-methods-native', idleNative(ctx.liveBase !== null));

  const run = async (): Promise<void> => {
    const workers = parseWorkers(input.value);
    if (workers === null) {
      note.textContent = `Workers per kind must be a whole number from ${MIN_WORKERS} to ${MAX_WORKERS}.`;
      return;
    }
    await runAsJob(ctx.jobs, JOB, section, note, async () => {
      replaceChildren(browserBody, idleLine('Starting Workers…'));
      try {
        replaceChildren(browserBody, browserTable(await runBrowserStartMethods(workers)));
      } catch (error) {
        replaceChildren(browserBody, errorLine(messageOf(error)));
      }
      if (ctx.liveBase) {
        replaceChildren(nativeBody, idleLine('Asking cplay serve…'));
        replaceChildren(nativeBody, outcomeView(await runNativeStartMethods(ctx.liveBase, workers), nativeTable));
      }
    });
  };
  button.addEventListener('click', () => void run());
  // One run at a time on the page: the cards' runs would skew these timings, and these theirs.
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = experimentCard({
    name: 'start-methods',
    // No experiment-start-methods class: its stylesheet names its tables and input instead.
    styled: false,
    title: 'fork vs spawn: what a child inherits',
    explanation: [
      'Before starting any worker, the parent changes a global variable, holds a file open and starts a thread that keeps running. Then it asks one worker of each kind what it sees, and times starting and joining workers that do nothing. A thread shares everything; fork copies the memory and the open files but only the thread that called it; spawn starts the program afresh.',
      'Browser Workers always start fresh, like spawn: each loads its own copy of every module and shares nothing with the page but the messages it is sent.',
    ],
    fields: [['Workers per kind ', input]],
    actions: [button, note],
    rowClass: 'actions',
    sides: h(
      'div',
      { class: 'sides' },
      h('section', { class: 'side side-browser', 'data-side': 'browser', 'aria-label': 'In this browser' }, h('h3', {}, 'In this browser'), browserBody),
      h('section', { class: 'side side-native', 'data-side': 'native', 'aria-label': 'Native' }, h('h3', {}, 'Native (cplay serve)'), nativeBody),
    ),
  });
  return section;
}
