// The experiment "semaphore": N downloads of which at most K run at once, in this browser (the
// core in wasm: threads in the pthreads build, async in either) and natively through cplay serve,
// one after the other. The C++ shown is cut from the core's source; the Python is what a learner
// would write.
import './semaphore.css';
import { busyNote, codeBlock, errorLine, experimentCard, idleLine, nativeIdle, outcomeView, runButton, sideBody } from '../experiment-card';
import { choiceSelect, numberInput } from '../experiment-inputs';
import { followJobLock, runAsJob } from '../job-lock-view';
import { sidesView } from '../sides-view';
import semaphoreAsync from 'cpp-region:core/src/semaphore_async.cpp:semaphore-async';
import semaphoreThreads from 'cpp-region:core/src/semaphore_threads.cpp:semaphore-threads';
import { h, replaceChildren } from '../../ui/dom';
import type { JobLock } from '../../ui/page-context';
import { runBrowserSemaphore } from './browser-run';
import { LATENCY_MS, LIMIT, MAX_IDEAL_MS, TASKS } from './limits';
import { runNativeSemaphore } from './native-run';
import { SEMAPHORE_PYTHON } from './python';
import type { SemaphoreOptions } from './report';
import { semaphoreView } from './view';

const JOB = 'semaphore';

export interface SemaphoreContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  /** The folder holding wasm/threads/ and wasm/single/. */
  wasmBase: string;
  /** Whether this page may run the threads build (cross-origin isolated). */
  threads: boolean;
  jobs: JobLock;
}

function sweepIdealMs(tasks: number, latencyMs: number): number {
  let total = 0;
  for (let k = 1; k <= tasks; k++) total += Math.ceil(tasks / k) * latencyMs;
  return total;
}

/** The options, or the problem with them in the core's words and ranges. */
function readOptions(mode: string, tasks: number, limit: number, latencyMs: number, sweep: boolean): SemaphoreOptions | string {
  const whole = (n: number, r: { min: number; max: number }) => Number.isInteger(n) && n >= r.min && n <= r.max;
  if (!whole(tasks, TASKS)) return `Tasks must be a whole number from ${TASKS.min} to ${TASKS.max}.`;
  if (!whole(limit, { min: LIMIT.min, max: tasks })) return `The limit must be a whole number from ${LIMIT.min} to the tasks (${tasks}).`;
  if (!whole(latencyMs, LATENCY_MS)) return `The latency must be a whole number of ms from ${LATENCY_MS.min} to ${LATENCY_MS.max}.`;
  const ideal = sweep ? sweepIdealMs(tasks, latencyMs) : Math.ceil(tasks / limit) * latencyMs;
  if (ideal > MAX_IDEAL_MS) return `That would take at least ${ideal} ms; at most ${MAX_IDEAL_MS} ms is allowed: lower the tasks or the latency.`;
  return { mode: mode as SemaphoreOptions['mode'], tasks, limit, latency_ms: latencyMs, sweep };
}

export function createSemaphoreSection(ctx: SemaphoreContext): HTMLElement {
  const mode = choiceSelect('semaphore-mode', ['threads', 'async'], ctx.threads ? undefined : 'async');
  const tasks = numberInput('semaphore-tasks', TASKS);
  const limit = numberInput('semaphore-limit', LIMIT);
  const latency = numberInput('semaphore-latency', LATENCY_MS);
  const sweep = h('input', { type: 'checkbox', id: 'semaphore-sweep' });
  const button = runButton();
  const note = busyNote();
  const browserBody = sideBody('semaphore-browser', idleLine(ctx.threads ? 'Not run yet.' : 'Not run yet. The page is not cross-origin isolated, so only the single-threaded build loads here: async runs, threads need the threads build.'));
  const nativeBody = sideBody('semaphore-native', nativeIdle(ctx.liveBase !== null, 'cplay semaphore --sweep'));

  const run = async (): Promise<void> => {
    const options = readOptions(mode.value, Number(tasks.value), Number(limit.value), Number(latency.value), sweep.checked);
    if (typeof options === 'string') {
      note.textContent = options;
      return;
    }
    await runAsJob(ctx.jobs, JOB, section, note, async () => {
      if (options.mode === 'threads' && !ctx.threads) {
        replaceChildren(browserBody, errorLine('Threads mode needs the WebAssembly threads build, which needs a cross-origin isolated page; choose async to run here.'));
      } else {
        replaceChildren(browserBody, idleLine(`Running in WebAssembly (${options.mode})…`));
        replaceChildren(browserBody, outcomeView(await runBrowserSemaphore(ctx.wasmBase, ctx.threads, options), semaphoreView));
      }
      if (ctx.liveBase) {
        replaceChildren(nativeBody, idleLine('Asking cplay serve…'));
        replaceChildren(nativeBody, outcomeView(await runNativeSemaphore(ctx.liveBase, options), semaphoreView));
      }
    });
  };
  button.addEventListener('click', () => void run());
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = experimentCard({
    name: 'semaphore',
    title: 'Semaphore: limit concurrent downloads',
    explanation: [
      'N downloads start together, but a counting semaphore with K permits lets only K of them in at once: each takes a permit, waits its latency as a download would, and gives the permit back, which lets the next one in. An atomic counter goes up right after a task gets its permit and down right before it gives it back; the most it ever held is never more than K.',
      'So the downloads go in waves of K, and the wall time is about ceil(N / K) × latency: six downloads with K = 4 still take two waves. The sweep runs the same downloads with every K from 1 to N and puts each wall time beside that ideal. Threads block in acquire(); coroutines on one event loop are suspended there, and the loop runs the others.',
    ],
    fields: [['Mode ', mode], ['Tasks N ', tasks], ['Limit K ', limit], ['Latency ms ', latency], h('label', { for: 'semaphore-sweep' }, sweep, ' sweep K = 1 … N')],
    actions: [button, note],
    sides: sidesView({ label: 'Semaphore', browser: 'In this browser (WebAssembly)' }, browserBody, nativeBody),
    below: [
      h('details', {}, h('summary', {}, 'C++: a download in threads, with std::counting_semaphore (what runs, natively and as WebAssembly)'), codeBlock('cpp', semaphoreThreads), h('p', {}, 'The same download as a coroutine, with the core’s async semaphore'), codeBlock('cpp', semaphoreAsync)),
      h('details', {}, h('summary', {}, 'Python: threading.Semaphore and asyncio.Semaphore'), codeBlock('python', SEMAPHORE_PYTHON)),
    ],
  });
  return section;
}
