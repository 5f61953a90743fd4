// The experiment "async control": gather, cancel, timeout and a race across an await, all on one
// coroutine event loop, in this browser (the core in wasm, either build) and natively through
// cplay serve, one after the other. The C++ shown is cut from the core's source; the Python is
// what a learner would write.
import './async.css';
import asyncCancel from 'cpp-region:core/src/async_control_cancel.cpp:async-cancel';
import asyncGather from 'cpp-region:core/src/async_control_gather.cpp:async-gather';
import asyncRace from 'cpp-region:core/src/async_control_race.cpp:async-race';
import asyncTimeout from 'cpp-region:core/src/async_control_cancel.cpp:async-timeout';
import { busyNote, codeBlock, experimentCard, idleLine, nativeIdle, outcomeView, runButton, sideBody } from '../experiment-card';
import { choiceSelect, numberInput } from '../experiment-inputs';
import { followJobLock, runAsJob } from '../job-lock-view';
import { sidesView } from '../sides-view';
import { h, replaceChildren } from '../../ui/dom';
import type { JobLock } from '../../ui/page-context';
import { runBrowserAsync } from './browser-run';
import { INCREMENTS, LATENCY_MS, SCENARIOS, SYNCS, TASKS, TIMEOUT_MS } from './limits';
import { runNativeAsync } from './native-run';
import { ASYNC_PYTHON } from './python';
import type { AsyncOptions } from './report';
import { asyncView } from './view';

const JOB = 'async';

export interface AsyncContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  /** The folder holding wasm/threads/ and wasm/single/. */
  wasmBase: string;
  /** Whether this page may run the threads build (cross-origin isolated); either build runs this. */
  threads: boolean;
  jobs: JobLock;
}

/** The options, or the problem with them in the core's words and ranges. */
function readOptions(scenario: string, sync: string, numbers: Record<'tasks' | 'latency_ms' | 'timeout_ms' | 'increments', number>): AsyncOptions | string {
  const ranges = { tasks: TASKS, latency_ms: LATENCY_MS, timeout_ms: TIMEOUT_MS, increments: INCREMENTS };
  const names = { tasks: 'Tasks', latency_ms: 'The latency', timeout_ms: 'The timeout', increments: 'Increments' };
  for (const key of Object.keys(ranges) as Array<keyof typeof ranges>) {
    const n = numbers[key];
    const r = ranges[key];
    if (!Number.isInteger(n) || n < r.min || n > r.max) return `${names[key]} must be a whole number from ${r.min} to ${r.max}.`;
  }
  return { scenario: scenario as AsyncOptions['scenario'], sync: sync as AsyncOptions['sync'], ...numbers };
}

export function createAsyncSection(ctx: AsyncContext): HTMLElement {
  const scenario = choiceSelect('async-scenario', SCENARIOS, 'all');
  const sync = choiceSelect('async-sync', SYNCS, 'none');
  const tasks = numberInput('async-tasks', TASKS);
  const latency = numberInput('async-latency', LATENCY_MS);
  const timeout = numberInput('async-timeout', TIMEOUT_MS);
  const increments = numberInput('async-increments', INCREMENTS);
  const button = runButton();
  const note = busyNote();
  const browserBody = sideBody('async-browser', idleLine('Not run yet.'));
  const nativeBody = sideBody('async-native', nativeIdle(ctx.liveBase !== null, 'cplay async'));

  const run = async (): Promise<void> => {
    const options = readOptions(scenario.value, sync.value, {
      tasks: Number(tasks.value),
      latency_ms: Number(latency.value),
      timeout_ms: Number(timeout.value),
      increments: Number(increments.value),
    });
    if (typeof options === 'string') {
      note.textContent = options;
      return;
    }
    await runAsJob(ctx.jobs, JOB, section, note, async () => {
      replaceChildren(browserBody, idleLine('Running in WebAssembly…'));
      replaceChildren(browserBody, outcomeView(await runBrowserAsync(ctx.wasmBase, ctx.threads, options), asyncView));
      if (ctx.liveBase) {
        replaceChildren(nativeBody, idleLine('Asking cplay serve…'));
        replaceChildren(nativeBody, outcomeView(await runNativeAsync(ctx.liveBase, options), asyncView));
      }
    });
  };
  button.addEventListener('click', () => void run());
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = experimentCard({
    name: 'async',
    title: 'Async control: gather, cancel, timeout, and a race across an await',
    explanation: [
      'Four lessons of one coroutine event loop, on one thread. gather awaits several tasks and hands back their results in the order the tasks were given, though here the last one given ends first. A cancel ends a task in the middle of its wait: the wait ends with "cancelled", and the task’s cleanup block still runs. A timeout around a slow task cancels it when the deadline passes, and waits for its cleanup.',
      'The race: coroutines each read a shared counter, await sleep(0), then write back what they read plus one. Nothing runs at the same instant, yet updates are lost, because the await lets every other coroutine read the same value first: with K coroutines each round of K increments adds one. An async lock held across the read, the await and the write keeps every update. cplay async exits 1 when the race lost updates, as cplay barrier does for a wrong answer; here the page shows the count.',
    ],
    fields: [
      ['Scenario ', scenario],
      ['Tasks ', tasks],
      ['Latency ms ', latency],
      ['Timeout ms ', timeout],
      ['Race sync ', sync],
      ['Increments ', increments],
    ],
    actions: [button, note],
    sides: sidesView({ label: 'Async control', browser: 'In this browser (WebAssembly)' }, browserBody, nativeBody),
    below: [
      h(
        'details',
        {},
        h('summary', {}, 'C++: the coroutines on the core’s event loop (what runs, natively and as WebAssembly)'),
        h('p', {}, 'gather'),
        codeBlock('cpp', asyncGather),
        h('p', {}, 'A task with its cleanup, cancelled in its wait'),
        codeBlock('cpp', asyncCancel),
        h('p', {}, 'wait_for with a deadline'),
        codeBlock('cpp', asyncTimeout),
        h('p', {}, 'The race: read, await, write'),
        codeBlock('cpp', asyncRace),
      ),
      h('details', {}, h('summary', {}, 'Python: asyncio.gather, task.cancel() with finally, asyncio.wait_for, asyncio.Lock'), codeBlock('python', ASYNC_PYTHON)),
    ],
  });
  return section;
}
