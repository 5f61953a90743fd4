// The experiment "monitor": the lesson's process A (2 s) and B (3 s), checked every second for
// name, pid and alive. In this browser a Web Worker per worker; natively cplay serve's
// POST /api/monitor in threads, processes or async, read as a stream. Both run at once and both
// timelines grow while the run goes on. The C++ is cut from the source; the Python is the lesson's.
import './monitor.css';
import { busyNote, codeBlock, experimentCard, idleLine, nativeIdle, runButton, sideBody } from '../experiment-card';
import { choiceSelect } from '../experiment-inputs';
import { claimJob, followJobLock } from '../job-lock-view';
import { sidesView } from '../sides-view';
import processChild from 'cpp-region:native/monitor/monitor_child.cpp:monitor-process-child';
import processParent from 'cpp-region:native/monitor/monitor_processes.cpp:monitor-process-parent';
import threadWorker from 'cpp-region:core/src/monitor_threads.cpp:monitor-thread-worker';
import threadParent from 'cpp-region:core/src/monitor_threads.cpp:monitor-thread-parent';
import { h, replaceChildren } from '../../ui/dom';
import type { JobLock } from '../../ui/page-context';
import { runBrowserMonitor } from './browser-run';
import { workerName } from './events';
import { DURATIONS_MS, INTERVAL_MS, MONITOR_MODES, MONITOR_START_METHODS } from './limits';
import { runNativeMonitor } from './native-run';
import { MONITOR_PYTHON } from './python';
import { MonitorTimeline } from './timeline';

const JOB = 'monitor';

export interface MonitorContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  jobs: JobLock;
}

/** The durations, or the problem with them in the core's words and ranges. */
function readDurations(text: string): number[] | string {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  const fits =
    parts.length >= DURATIONS_MS.min_items &&
    parts.length <= DURATIONS_MS.max_items &&
    parts.every((p) => /^\d+$/.test(p)) &&
    values.every((v) => v >= DURATIONS_MS.min && v <= DURATIONS_MS.max);
  return fits ? values : `Durations: ${DURATIONS_MS.min_items} to ${DURATIONS_MS.max_items} comma-separated whole numbers of ms from ${DURATIONS_MS.min} to ${DURATIONS_MS.max}.`;
}

export function createMonitorSection(ctx: MonitorContext): HTMLElement {
  const mode = choiceSelect('monitor-mode', MONITOR_MODES, 'processes');
  const startMethod = choiceSelect('monitor-start-method', MONITOR_START_METHODS);
  const durations = h('input', { type: 'text', id: 'monitor-durations', value: DURATIONS_MS.default.join(','), inputmode: 'numeric', size: 14 });
  const interval = h('input', { type: 'number', id: 'monitor-interval', min: INTERVAL_MS.min, max: INTERVAL_MS.max, step: 1, value: INTERVAL_MS.default });
  const button = runButton();
  const cancel = h('button', { type: 'button', disabled: true }, 'Cancel');
  const note = busyNote();
  const browserBody = sideBody('monitor-browser', idleLine('Not run yet.'));
  const nativeBody = sideBody('monitor-native', nativeIdle(ctx.liveBase !== null, 'cplay monitor --mode processes'));
  let controller: AbortController | null = null;

  const side = async (body: HTMLElement, run: (timeline: MonitorTimeline, signal: AbortSignal) => Promise<string>, names: string[], spanMs: number, signal: AbortSignal): Promise<void> => {
    const timeline = new MonitorTimeline(names, spanMs);
    const status = h('p', { class: 'idle', role: 'status' }, 'Running…');
    replaceChildren(body, status, timeline.element);
    const started = performance.now();
    // The lanes of running workers grow between lines too.
    const grow = setInterval(() => timeline.advance(performance.now() - started), 100);
    try {
      status.textContent = await run(timeline, signal);
      body.dataset.done = 'true';
    } catch (error) {
      status.textContent = error instanceof Error ? error.message : String(error);
      status.className = 'error';
    } finally {
      clearInterval(grow);
    }
  };

  const run = async (): Promise<void> => {
    const values = readDurations(durations.value);
    const every = Number(interval.value);
    if (typeof values === 'string') {
      note.textContent = values;
      return;
    }
    if (!Number.isInteger(every) || every < INTERVAL_MS.min || every > INTERVAL_MS.max) {
      note.textContent = `The interval must be a whole number of ms from ${INTERVAL_MS.min} to ${INTERVAL_MS.max}.`;
      return;
    }
    if (!claimJob(ctx.jobs, JOB, note)) return;
    controller = new AbortController();
    const signal = controller.signal;
    section.dataset.busy = 'true';
    cancel.disabled = false;
    note.textContent = 'Running…';
    const names = values.map((_, i) => workerName(i));
    const spanMs = Math.max(...values) + every;
    delete browserBody.dataset.done;
    delete nativeBody.dataset.done;
    try {
      const sides = [
        side(browserBody, async (timeline, s) => {
          await runBrowserMonitor({ durations_ms: values, interval_ms: every }, (line) => timeline.add(line), s);
          return `${names.length} Web Workers; the page checked which had not ended every ${every} ms.`;
        }, names, spanMs, signal),
      ];
      if (ctx.liveBase) {
        const base = ctx.liveBase;
        sides.push(
          side(nativeBody, async (timeline, s) => {
            const outcome = await runNativeMonitor(base, { mode: mode.value, start_method: startMethod.value, durations_ms: values, interval_ms: every }, (line) => timeline.add(line), s);
            if ('error' in outcome) throw new Error(outcome.error);
            return `${mode.value}${mode.value === 'processes' ? ` (${startMethod.value})` : ''}: parent pid ${outcome.report.parent.pid}, wall ${(outcome.report.wall_ms / 1000).toFixed(2)} s.`;
          }, names, spanMs, signal),
        );
      }
      await Promise.all(sides);
      note.textContent = '';
    } finally {
      controller = null;
      cancel.disabled = true;
      section.dataset.busy = 'false';
      ctx.jobs.release(JOB);
    }
  };
  button.addEventListener('click', () => void run());
  cancel.addEventListener('click', () => controller?.abort());
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = experimentCard({
    name: 'monitor',
    title: 'Monitor: who is alive?',
    explanation: [
      'Workers A, B, … each work for their own duration and say when they start and when they end, with the process and thread they run on. Meanwhile the parent checks at a fixed interval which of them are still alive, as the lesson’s loop does with is_alive(): process A (2 s) and B (3 s), checked every second.',
      'Natively a worker is a thread (alive: a flag it clears at its end), a child process (alive: not yet exited, as waitpid says; each has its own pid) or a coroutine (alive: its task has not finished; all share one thread). In this browser each worker is a Web Worker, and the page checks which have not ended yet. Each lane grows while its worker runs; a filled tick is a check that found it alive, a hollow one found it gone.',
    ],
    fields: [
      ['Native mode ', mode],
      ['Start method ', startMethod],
      ['Durations ms ', durations],
      ['Check every ms ', interval],
    ],
    actions: [button, cancel, note],
    sides: sidesView({ label: 'Monitor', browser: 'In this browser (Web Workers)', native: 'Native (cplay serve, streamed)' }, browserBody, nativeBody),
    below: [
      h(
        'details',
        {},
        h('summary', {}, 'C++: a child process reports and works; the parent checks with waitpid(WNOHANG)'),
        codeBlock('cpp', processChild),
        codeBlock('cpp', processParent),
        h('p', {}, 'The same with threads: a flag set and cleared under the lock that orders the events'),
        codeBlock('cpp', threadWorker),
        codeBlock('cpp', threadParent),
      ),
      h('details', {}, h('summary', {}, 'Python: multiprocessing.Process, checked with is_alive()'), codeBlock('python', MONITOR_PYTHON)),
    ],
  });
  return section;
}
