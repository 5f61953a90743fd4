// The experiment "producers and consumers through a bounded queue": in this browser (the core's
// queue in WebAssembly threads where the page is isolated, and Workers passing messages with
// credits) and natively through cplay serve, one after the other, never at once. The C++ shown is
// cut from the core's source; the Python is what a learner would write.
import './queue.css';
import { busyNote, codeBlock, errorLine, experimentCard, idleLine, runButton, sideBody } from '../experiment-card';
import { choiceSelect } from '../experiment-inputs';
import { claimJob, followJobLock } from '../job-lock-view';
import { sidesView } from '../sides-view';
import queuePop from 'cpp-region:core/src/bounded_queue.cpp:queue-pop';
import queuePush from 'cpp-region:core/src/bounded_queue.cpp:queue-push';
import type { QueueCatalog } from '../../../../wasm/js/types';
import { isErrorReport } from '../../../../wasm/js/types';
import { CATALOG } from '../../model/catalog';
import type { BrowserRuntime } from '../../runtime/browser-runtime';
import { h, replaceChildren } from '../../ui/dom';
import { messageOf } from '../../ui/failure';
import type { JobLock } from '../../ui/page-context';
import { CancelledRun, runBrowserQueue } from './browser-workers-run';
import { createStreamForm, readStreamOptions, type StreamOptions } from './form';
import { handoffView } from './handoff-view';
import { isQueueReport, runNativeQueue } from './native-run';
import { PYTHON_QUEUE_JOIN_ORDER, PYTHON_QUEUE_THREADS } from './python';
import { runRingQueue, sharedRingAvailable } from './ring-run';
import { figuresOfBrowser, figuresOfReport, figuresOfRing, sideView } from './view';

const JOB = 'queue';

export interface QueueContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  /** The page's runtime: its main Worker holds the threads build when the page is isolated. */
  runtime: BrowserRuntime;
  threads: boolean;
  jobs: JobLock;
  catalog?: QueueCatalog;
}

/** The same run for a terminal; in processes mode the parent is the one consumer. */
function cliLine(options: StreamOptions, mode: string): string {
  const flags = Object.entries(options)
    .filter(([key]) => mode !== 'processes' || key !== 'consumers')
    .map(([key, value]) => `--${key.replaceAll('_', '-')} ${value}`);
  return `cplay queue${mode === 'processes' ? ' --mode processes' : ''} ${flags.join(' ')}`;
}

export function createQueueSection(ctx: QueueContext): HTMLElement {
  const catalog = ctx.catalog ?? CATALOG.experiments.queue;
  const form = createStreamForm(catalog);
  const nativeMode = choiceSelect('queue-native-mode', catalog.modes);
  const streamButton = runButton();
  const cancelButton = h('button', { type: 'button', disabled: true }, 'Cancel');
  const handoffButton = h('button', { type: 'button' }, 'Run both orders natively');
  const note = busyNote();
  const wasmBody = sideBody('queue-wasm', idleLine(ctx.threads ? 'Not run yet.' : 'The core’s queue needs WebAssembly threads: this page is not cross-origin isolated, so only the Workers below run here.'));
  const workersBody = sideBody('queue-workers', idleLine('Not run yet.'));
  const ringShared = sharedRingAvailable();
  const ringBody = sideBody('queue-ring', idleLine(ringShared ? 'Not run yet.' : 'A queue in shared memory needs SharedArrayBuffer: this page is not cross-origin isolated, so the Workers above pass messages instead.'));
  const nativeBody = sideBody(
    'queue-native',
    ctx.liveBase ? idleLine('Run the experiment to ask cplay serve’s machine.') : h('p', { class: 'idle', 'data-testid': 'queue-no-server' }, 'No native server here: run ', h('code', {}, 'cplay queue'), ' (add ', h('code', {}, '--mode processes'), ' for a real pipe between processes) in a terminal, or start ', h('code', {}, 'cplay serve'), ' and open the page it serves.'),
  );
  const handoffBody = sideBody(
    'queue-handoff-native',
    ctx.liveBase ? null : h('p', { class: 'idle' }, 'No native server here: run ', h('code', {}, 'cplay queue --mode processes --order join-then-get'), ' in a terminal to see it deadlock, and ', h('code', {}, '--order get-then-join'), ' to see it finish.'),
  );
  let controller: AbortController | null = null;
  let wasmRunning = false;

  const exclusive = async (body: (signal: AbortSignal) => Promise<void>): Promise<void> => {
    if (!claimJob(ctx.jobs, JOB, note)) return;
    controller = new AbortController();
    section.dataset.busy = 'true';
    cancelButton.disabled = false;
    note.textContent = 'Running…';
    try {
      await body(controller.signal);
      note.textContent = controller.signal.aborted ? 'Cancelled.' : '';
    } finally {
      controller = null;
      cancelButton.disabled = true;
      section.dataset.busy = 'false';
      ctx.jobs.release(JOB);
    }
  };

  const runStream = (options: StreamOptions) =>
    exclusive(async (signal) => {
      if (ctx.threads) {
        replaceChildren(wasmBody, idleLine('Running the core’s queue in WebAssembly threads…'));
        wasmRunning = true;
        try {
          const value = await ctx.runtime.runQueue({ mode: 'threads', ...options });
          if (isQueueReport(value)) replaceChildren(wasmBody, sideView(figuresOfReport(value), 'WebAssembly threads, the core’s queue.'));
          else replaceChildren(wasmBody, errorLine(isErrorReport(value) ? value.error.message : 'the module’s report is malformed'));
        } catch (error) {
          replaceChildren(wasmBody, errorLine(signal.aborted ? 'Cancelled.' : messageOf(error)));
        } finally {
          wasmRunning = false;
        }
      }
      if (signal.aborted) return;
      replaceChildren(workersBody, idleLine('Starting producer Workers…'));
      try {
        const result = await runBrowserQueue({ ...options }, signal);
        replaceChildren(workersBody, sideView(figuresOfBrowser(result, options.capacity), 'Producer Workers and the page as consumer.'));
      } catch (error) {
        replaceChildren(workersBody, errorLine(error instanceof CancelledRun ? 'Cancelled.' : messageOf(error)));
      }
      if (signal.aborted) return;
      if (ringShared) {
        replaceChildren(ringBody, idleLine('Starting producer Workers on a shared ring…'));
        try {
          const result = await runRingQueue({ ...options }, signal);
          replaceChildren(ringBody, sideView(figuresOfRing(result, options.capacity), 'Producer Workers blocked in Atomics.wait while the ring is full; the page consumes.'));
        } catch (error) {
          replaceChildren(ringBody, errorLine(error instanceof CancelledRun ? 'Cancelled.' : messageOf(error)));
        }
      }
      if (signal.aborted || !ctx.liveBase) return;
      replaceChildren(nativeBody, idleLine('Asking cplay serve…'));
      const mode = nativeMode.value;
      // Processes mode: the parent reads the pipe, the one consumer.
      const { consumers, ...rest } = options;
      const request = mode === 'processes' ? { mode, ...rest } : { mode, consumers, ...rest };
      const outcome = await runNativeQueue(ctx.liveBase, request, signal);
      if ('error' in outcome) replaceChildren(nativeBody, errorLine(outcome.error));
      else
        replaceChildren(
          nativeBody,
          sideView(figuresOfReport(outcome.report), mode === 'processes' ? 'Native processes, one real pipe.' : 'Native threads, the core’s queue.'),
          outcome.report.handoff ? handoffView(outcome.report.handoff) : null,
        );
    });

  streamButton.addEventListener('click', () => {
    const read = readStreamOptions(catalog, form.values());
    if ('problem' in read) {
      note.textContent = read.problem;
      return;
    }
    commandLine.textContent = cliLine(read.options, nativeMode.value);
    void runStream(read.options);
  });
  cancelButton.addEventListener('click', () => {
    if (!controller) return;
    controller.abort();
    // The threads build blocks its Worker while it runs: ending it is the only way to stop it.
    if (wasmRunning) ctx.runtime.cancel();
  });
  handoffButton.addEventListener('click', () =>
    void exclusive(async (signal) => {
      if (!ctx.liveBase) return;
      const views: HTMLElement[] = [];
      for (const order of ['get-then-join', 'join-then-get']) {
        if (signal.aborted) return;
        replaceChildren(handoffBody, ...views, idleLine(`Running ${order} natively…`));
        const outcome = await runNativeQueue(ctx.liveBase, { mode: 'processes', messages: 1, order }, signal);
        views.push('error' in outcome ? errorLine(outcome.error) : outcome.report.handoff ? handoffView(outcome.report.handoff) : errorLine('the native report has no hand-off'));
      }
      replaceChildren(handoffBody, ...views);
    }),
  );
  handoffButton.hidden = ctx.liveBase === null;
  followJobLock(ctx.jobs, JOB, [streamButton, handoffButton], note);

  const defaults = readStreamOptions(catalog, form.values());
  const commandLine = h('code', {}, 'options' in defaults ? cliLine(defaults.options, 'threads') : 'cplay queue');
  const section = experimentCard({
    name: 'queue',
    title: 'Producers and consumers: a bounded queue',
    explanation: [
      'Producers put numbered messages on a queue that holds at most capacity of them; consumers take them off and pause after each. When consumers are slower the queue fills, and a full queue makes its producer wait until there is room: back-pressure, which keeps a fast producer from burying a slow consumer. The timeline marks every wait. Each message carries its producer, its number and a payload derived from them, so the consumers can check that every one arrived exactly once and intact.',
      'In this browser the core’s own queue (a mutex and two condition variables) runs as WebAssembly threads. Workers share no queue, so the second run passes messages instead: producer Workers post to the page, the one consumer, which acknowledges each message once consumed. A producer with capacity messages unacknowledged waits for an acknowledgement — back-pressure by credits, since postMessage itself never blocks. Where the page is cross-origin isolated, Workers can also share memory: the third run puts one ring of capacity slots in a SharedArrayBuffer, producers claim slots with atomic compare-and-swap and block in Atomics.wait while it is full, and the page, which must never block, waits for messages with Atomics.waitAsync. Natively the threads run the same C++; processes write to one real pipe, which blocks a writer when full.',
    ],
    fields: [form.element, ['Native as ', nativeMode]],
    actions: [streamButton, cancelButton, note],
    sides: sidesView(
      { label: 'The queue', browser: 'In this browser' },
      [
        h('div', { class: 'queue-subside' }, h('h4', {}, 'WebAssembly threads: the core’s queue'), wasmBody),
        h('div', { class: 'queue-subside' }, h('h4', {}, 'Workers: postMessage with credits'), workersBody),
        h('div', { class: 'queue-subside' }, h('h4', {}, 'Workers: a ring in a SharedArrayBuffer'), ringBody),
      ],
      nativeBody,
    ),
    below: [
      h('h3', {}, 'Join before you read: a hang'),
      h(
        'p',
        {},
        'A child process hands back its result through a pipe, and a pipe holds only so much (64 KiB by default on Linux). If the parent joins the child first and reads afterwards, a result larger than the pipe can never get out: the child waits, inside its write, for someone to read; the parent waits, inside join, for the child to end. Neither moves. Python’s multiprocessing does the same: join a Process before get() from its Queue, with 100000! in it, and it hangs. Read first, then join, and it finishes.',
      ),
      h('div', { class: 'actions' }, handoffButton),
      handoffBody,
      h('details', {}, h('summary', {}, 'C++: the bounded queue’s push and pop (what runs, natively and as WebAssembly)'), codeBlock('cpp', queuePush), codeBlock('cpp', queuePop)),
      h('details', {}, h('summary', {}, 'Python: queue.Queue(maxsize) between threads'), codeBlock('python', PYTHON_QUEUE_THREADS)),
      h('details', {}, h('summary', {}, 'Python: join-then-get, and the fix'), codeBlock('python', PYTHON_QUEUE_JOIN_ORDER)),
      h('p', { class: 'note' }, 'The same run in a terminal: ', commandLine),
    ],
  });
  return section;
}
