// The experiment "barrier": workers compute a ring phase by phase, each phase reading what the
// one before wrote, kept in order by a barrier, by joining threads per phase, or not at all; in
// this browser (the core in the wasm threads build) and natively through cplay serve, one after
// the other. The C++ shown is cut from the core's source; the Python is what a learner would write.
import './barrier.css';
import { busyNote, codeBlock, experimentCard, idleLine, nativeIdle, outcomeView, runButton, sideBody } from '../experiment-card';
import { choiceSelect, numberInput } from '../experiment-inputs';
import { followJobLock, runAsJob } from '../job-lock-view';
import { sidesView } from '../sides-view';
import barrierWait from 'cpp-region:core/src/barrier_threads.cpp:barrier-wait';
import joinPerPhase from 'cpp-region:core/src/barrier_threads.cpp:join-per-phase';
import phaseStep from 'cpp-region:core/src/barrier_grid.cpp:phase-step';
import { h, replaceChildren } from '../../ui/dom';
import type { JobLock } from '../../ui/page-context';
import { runBrowserBarrier } from './browser-run';
import { MAX_SLOWEST_MS, PHASES, SKEW_MS, SYNCS, WORK_MS, WORKERS, type IntegerRange } from './limits';
import { runNativeBarrier } from './native-run';
import { BARRIER_PYTHON } from './python';
import type { BarrierOptions } from './report';
import { barrierView } from './view';

const JOB = 'barrier';

export interface BarrierContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  /** The folder holding wasm/threads/. */
  wasmBase: string;
  /** Whether this page may run the threads build (cross-origin isolated). */
  threads: boolean;
  jobs: JobLock;
}

type NumberKey = 'workers' | 'phases' | 'work_ms' | 'skew_ms';

/** The options, or a message naming the input and its accepted range (the core's words). */
function readOptions(sync: string, inputs: Record<NumberKey, [string, HTMLInputElement, IntegerRange]>): BarrierOptions | string {
  const read = (key: NumberKey): number | string => {
    const [label, input, range] = inputs[key];
    const value = Number(input.value);
    if (input.value.trim() === '' || !Number.isInteger(value) || value < range.min || value > range.max)
      return `${label} must be a whole number from ${range.min} to ${range.max}.`;
    return value;
  };
  const [workers, phases, work_ms, skew_ms] = [read('workers'), read('phases'), read('work_ms'), read('skew_ms')];
  for (const value of [workers, phases, work_ms, skew_ms]) if (typeof value === 'string') return value;
  const options = { sync: sync as BarrierOptions['sync'], workers: Number(workers), phases: Number(phases), work_ms: Number(work_ms), skew_ms: Number(skew_ms) };
  const slowest = options.phases * (options.work_ms + (options.workers - 1) * options.skew_ms);
  if (slowest > MAX_SLOWEST_MS) return `Phases × (work + (workers − 1) × skew) must be at most ${MAX_SLOWEST_MS} ms (got ${slowest}).`;
  return options;
}

export function createBarrierSection(ctx: BarrierContext): HTMLElement {
  const sync = choiceSelect('barrier-sync', SYNCS);
  const workers = numberInput('barrier-workers', WORKERS);
  const phases = numberInput('barrier-phases', PHASES);
  const workMs = numberInput('barrier-work-ms', WORK_MS);
  const skewMs = numberInput('barrier-skew-ms', SKEW_MS);
  const button = runButton();
  const note = busyNote();
  const browserBody = sideBody('barrier-browser', idleLine(ctx.threads ? 'Not run yet.' : 'This needs threads: the page is not cross-origin isolated, so only the single-threaded WebAssembly build can load here.'));
  const nativeBody = sideBody('barrier-native', nativeIdle(ctx.liveBase !== null, 'cplay barrier'));

  const run = async (): Promise<void> => {
    const options = readOptions(sync.value, {
      workers: ['Workers', workers, WORKERS],
      phases: ['Phases', phases, PHASES],
      work_ms: ['Work ms', workMs, WORK_MS],
      skew_ms: ['Skew ms', skewMs, SKEW_MS],
    });
    if (typeof options === 'string') {
      note.textContent = options;
      return;
    }
    await runAsJob(ctx.jobs, JOB, section, note, async () => {
      if (ctx.threads) {
        replaceChildren(browserBody, idleLine('Running in WebAssembly threads…'));
        replaceChildren(browserBody, outcomeView(await runBrowserBarrier(ctx.wasmBase, options), barrierView));
      }
      if (ctx.liveBase) {
        replaceChildren(nativeBody, idleLine('Asking cplay serve…'));
        replaceChildren(nativeBody, outcomeView(await runNativeBarrier(ctx.liveBase, options), barrierView));
      }
    });
  };
  button.addEventListener('click', () => void run());
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = experimentCard({
    name: 'barrier',
    title: 'Barrier: phases that wait for each other',
    explanation: [
      'The workers fill a ring of cells, one row per phase: in phase p worker i writes its cell from its own cell and its two neighbours’ cells of phase p − 1. So no worker may start phase p before both neighbours have finished phase p − 1. The work is uneven on purpose: worker i works “work + i × skew” ms per phase, so the fast ones finish first. Every cell is checked against the same ring computed one cell at a time.',
      h(
        'ul',
        {},
        h('li', {}, h('strong', {}, 'barrier'), ': the same threads run every phase and meet at a barrier after each one. A barrier is a meeting point: each worker that arrives waits (the hatched stretches on the timeline) until the last one arrives, then all pass together and go on. Nobody ends.'),
        h('li', {}, h('strong', {}, 'join'), ': new threads for every phase, started and then joined. join waits for one thread to finish, for good: to wait for all of them the main thread joins each in turn, and the next phase needs new threads. The cost of starting and joining them, phase after phase, is measured.'),
        h('li', {}, h('strong', {}, 'none'), ': the same threads run phase after phase without waiting. A fast worker reads a slow neighbour’s cell before it is written, still 0, and computes on with it: a wrong answer, counted as stale reads. The cells are atomics, so it is a wrong answer and not a data race; without them it would be undefined behaviour too.'),
      ),
    ],
    fields: [
      ['Sync ', sync],
      ['Workers ', workers],
      ['Phases ', phases],
      ['Work ms ', workMs],
      ['Skew ms ', skewMs],
    ],
    actions: [button, note],
    sides: sidesView({ label: 'Barrier', browser: 'In this browser (WebAssembly threads)' }, browserBody, nativeBody),
    below: [
      h(
        'details',
        {},
        h('summary', {}, 'C++: one phase’s step, the wait at the barrier, and joining per phase (what runs, natively and as WebAssembly)'),
        codeBlock('cpp', phaseStep),
        h('p', {}, 'Each worker’s phases: with a barrier they meet after each one; with none they run straight on'),
        codeBlock('cpp', barrierWait),
        h('p', {}, 'join: every phase'),
        codeBlock('cpp', joinPerPhase),
      ),
      h('details', {}, h('summary', {}, 'Python: threading.Barrier, joining per phase, and no waiting'), codeBlock('python', BARRIER_PYTHON)),
    ],
  });
  return section;
}
