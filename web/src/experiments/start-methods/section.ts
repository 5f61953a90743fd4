// The experiment "fork vs spawn: what a child inherits": the native side (cplay serve, when live)
// and this browser, run one after the other, never at once (they share the cores).
import './start-methods.css';
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
  if (live) return h('p', { class: 'idle' }, 'Run the experiment to ask cplay serve’s machine.');
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
  const input = h('input', { type: 'number', id: 'start-methods-workers', min: MIN_WORKERS, max: MAX_WORKERS, step: 1, value: DEFAULT_WORKERS, inputmode: 'numeric' });
  const button = h('button', { type: 'button', class: 'primary' }, 'Run the experiment');
  const note = h('span', { class: 'busy-note', role: 'status' });
  const browserBody = h('div', { class: 'side-body', 'data-testid': 'start-methods-browser' }, h('p', { class: 'idle' }, 'Not run yet.'));
  const nativeBody = h('div', { class: 'side-body', 'data-testid': 'start-methods-native' }, idleNative(ctx.liveBase !== null));

  const run = async (): Promise<void> => {
    const workers = parseWorkers(input.value);
    if (workers === null) {
      note.textContent = `Workers per kind must be a whole number from ${MIN_WORKERS} to ${MAX_WORKERS}.`;
      return;
    }
    await runAsJob(ctx.jobs, JOB, section, note, async () => {
      replaceChildren(browserBody, h('p', { class: 'idle' }, 'Starting Workers…'));
      try {
        replaceChildren(browserBody, browserTable(await runBrowserStartMethods(workers)));
      } catch (error) {
        replaceChildren(browserBody, h('p', { class: 'error', role: 'alert' }, messageOf(error)));
      }
      if (ctx.liveBase) {
        replaceChildren(nativeBody, h('p', { class: 'idle' }, 'Asking cplay serve…'));
        const outcome = await runNativeStartMethods(ctx.liveBase, workers);
        replaceChildren(nativeBody, 'report' in outcome ? nativeTable(outcome.report) : h('p', { class: 'error', role: 'alert' }, outcome.error));
      }
    });
  };
  button.addEventListener('click', () => void run());
  // One run at a time on the page: the cards' runs would skew these timings, and these theirs.
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = h(
    'section',
    { class: 'card experiment', id: 'experiment-start-methods', 'data-experiment': 'start-methods', 'data-busy': 'false', 'aria-labelledby': 'start-methods-title' },
    h('h2', { id: 'start-methods-title' }, 'fork vs spawn: what a child inherits'),
    h(
      'p',
      {},
      'Before starting any worker, the parent changes a global variable, holds a file open and starts a thread that keeps running. Then it asks one worker of each kind what it sees, and times starting and joining workers that do nothing. A thread shares everything; fork copies the memory and the open files but only the thread that called it; spawn starts the program afresh.',
    ),
    h(
      'p',
      {},
      'Browser Workers always start fresh, like spawn: each loads its own copy of every module and shares nothing with the page but the messages it is sent.',
    ),
    h('div', { class: 'actions' }, h('label', { for: 'start-methods-workers' }, 'Workers per kind '), input, button, note),
    h(
      'div',
      { class: 'sides' },
      h('section', { class: 'side side-browser', 'data-side': 'browser', 'aria-label': 'In this browser' }, h('h3', {}, 'In this browser'), browserBody),
      h('section', { class: 'side side-native', 'data-side': 'native', 'aria-label': 'Native' }, h('h3', {}, 'Native (cplay serve)'), nativeBody),
    ),
  );
  return section;
}
