// The experiment "pool": M small tasks on W workers started once (a pool) against a new worker per
// task, at most W alive (fresh). In this browser: the core's threads in the wasm threads build, and
// the browser's own Workers (a pool of W reused against a `new Worker` per task); natively: cplay
// serve's threads or child processes (fork or spawn). The C++ shown is cut from the core's source;
// the Python is what a learner would write.
import './pool.css';
import { busyNote, codeBlock, errorLine, experimentCard, idleLine, outcomeView, runButton, sideBody } from '../experiment-card';
import { choiceSelect, numberInput } from '../experiment-inputs';
import { followJobLock, runAsJob } from '../job-lock-view';
import { sidesView } from '../sides-view';
import freshThreads from 'cpp-region:core/src/pool_threads.cpp:fresh-threads';
import poolThreads from 'cpp-region:core/src/pool_threads.cpp:pool-threads';
import poolTask from 'cpp-region:core/include/playground/pool.hpp:pool-task';
import { h, replaceChildren } from '../../ui/dom';
import type { JobLock } from '../../ui/page-context';
import { runWasmPool } from './browser-run';
import { MAX_TOTAL_WORK, TASKS, WORK, WORKERS } from './limits';
import { runNativePool } from './native-run';
import { POOL_PYTHON } from './python';
import type { PoolOptions } from './report';
import { poolView } from './view';
import { runWorkersPool } from './workers-run';

const JOB = 'pool';

export interface PoolContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  /** The folder holding wasm/threads/. */
  wasmBase: string;
  /** Whether this page may run the threads build (cross-origin isolated). */
  threads: boolean;
  jobs: JobLock;
}

/** The options, or the problem with them in the core's words and ranges. */
function readOptions(mode: string, startMethod: string, tasks: number, workers: number, work: number): PoolOptions | string {
  const whole = (n: number, r: { min: number; max: number }) => Number.isInteger(n) && n >= r.min && n <= r.max;
  if (!whole(tasks, TASKS)) return `Tasks must be a whole number from ${TASKS.min} to ${TASKS.max}.`;
  if (!whole(workers, { min: WORKERS.min, max: Math.min(WORKERS.max, tasks) })) return `Workers must be a whole number from ${WORKERS.min} to ${WORKERS.max}, and at most the tasks (${tasks}).`;
  if (!whole(work, WORK)) return `The work must be a whole number of steps from ${WORK.min} to ${WORK.max}.`;
  if (tasks * work > MAX_TOTAL_WORK) return `Tasks × work must be at most ${MAX_TOTAL_WORK} (got ${tasks * work}).`;
  const options: PoolOptions = { mode: mode as PoolOptions['mode'], tasks, workers, work };
  if (options.mode === 'processes') options.start_method = startMethod as 'fork' | 'spawn';
  return options;
}

function subside(title: string, testid: string, idle: string): { element: HTMLElement; body: HTMLElement } {
  const body = sideBody(testid, idleLine(idle));
  return { element: h('div', { class: 'pool-subside' }, h('h4', {}, title), body), body };
}

export function createPoolSection(ctx: PoolContext): HTMLElement {
  const mode = choiceSelect('pool-mode', ['threads', 'processes']);
  const startMethod = choiceSelect('pool-start-method', ['fork', 'spawn']);
  const tasks = numberInput('pool-tasks', TASKS);
  const workers = numberInput('pool-workers', WORKERS);
  const work = numberInput('pool-work', WORK);
  const button = runButton();
  const note = busyNote();
  const wasm = subside('C++ threads (the core in WebAssembly)', 'pool-wasm', ctx.threads ? 'Not run yet.' : 'Not run yet. The page is not cross-origin isolated, so the WebAssembly threads build cannot load here: the core’s threads need it.');
  const workersSide = subside('Web Workers', 'pool-workers', 'Not run yet.');
  const native = subside(
    'C++ threads or processes (cplay serve)',
    'pool-native',
    ctx.liveBase ? 'Run the experiment to ask cplay serve’s machine (the mode and start method above choose how).' : 'No native server here: run cplay pool --mode processes --start-method spawn in a terminal.',
  );

  const run = async (): Promise<void> => {
    const options = readOptions(mode.value, startMethod.value, Number(tasks.value), Number(workers.value), Number(work.value));
    if (typeof options === 'string') {
      note.textContent = options;
      return;
    }
    await runAsJob(ctx.jobs, JOB, section, note, async () => {
      if (ctx.threads) {
        replaceChildren(wasm.body, idleLine('Running the core’s threads in WebAssembly…'));
        replaceChildren(wasm.body, outcomeView(await runWasmPool(ctx.wasmBase, options), (report) => poolView(report, 'threads')));
      } else {
        replaceChildren(wasm.body, errorLine('The core’s threads need the WebAssembly threads build, which needs a cross-origin isolated page; the Web Workers below run anyway.'));
      }
      replaceChildren(workersSide.body, idleLine('Running Web Workers…'));
      replaceChildren(workersSide.body, outcomeView(await runWorkersPool(options.tasks, options.workers, options.work), (report) => poolView(report, 'Workers')));
      if (ctx.liveBase) {
        replaceChildren(native.body, idleLine('Asking cplay serve…'));
        const startsWhat = options.mode === 'processes' ? 'processes' : 'threads';
        replaceChildren(native.body, outcomeView(await runNativePool(ctx.liveBase, options), (report) => poolView(report, startsWhat)));
      }
    });
  };
  button.addEventListener('click', () => void run());
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = experimentCard({
    name: 'pool',
    title: 'Pools: start once, reuse',
    explanation: [
      'Starting a worker costs time before it does anything: a thread needs a stack and a place in the scheduler, a forked process a copy of its parent’s page tables, a spawned one a whole new program, a browser Worker a new JavaScript realm and its module. A pool pays that once per worker: W workers start, then take task after task from a queue (Python’s ThreadPoolExecutor and ProcessPoolExecutor). Starting a fresh worker per task pays it once per task.',
      'Each run does the same M small tasks both ways, one after the other, and times every start from asking for the worker to its first instruction (for a Worker: from new Worker to its first message). The table shows W starts against M and what they cost in all, the lanes show where the time went, and every task’s value is checked against the same task computed one by one. In WebAssembly, a “new” thread is itself handed a Worker from Emscripten’s pre-started pool, so its start is cheap: that is a pool too. The pool strategy runs first there, so the fresh threads after it land on Workers that have already run a thread once; compare the lanes before reading the ratio.',
    ],
    fields: [
      ['Tasks M ', tasks],
      ['Workers W ', workers],
      ['Work (steps per task) ', work],
      ['Native mode ', mode],
      ['start method ', startMethod],
    ],
    actions: [button, note],
    sides: sidesView({ label: 'Pools', browser: 'In this browser' }, [wasm.element, workersSide.element], native.element),
    below: [
      h(
        'details',
        {},
        h('summary', {}, 'C++: a pool worker taking task after task, and a fresh thread per task (what runs, natively and as WebAssembly)'),
        codeBlock('cpp', poolThreads),
        codeBlock('cpp', freshThreads),
        h('p', {}, 'The task itself, the same on every side'),
        codeBlock('cpp', poolTask),
      ),
      h('details', {}, h('summary', {}, 'Python: ThreadPoolExecutor and ProcessPoolExecutor against a Thread and a Process per task'), codeBlock('python', POOL_PYTHON)),
    ],
  });
  return section;
}
