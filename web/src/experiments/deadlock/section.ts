// The experiment "deadlock": workers take two locks in opposite (or one consistent) order, in this
// browser (the core in the wasm threads build) and natively through cplay serve, one after the
// other. The C++ shown is cut from the core's source; the Python is what a learner would write.
import './deadlock.css';
import { busyNote, codeBlock, experimentCard, idleLine, nativeIdle, outcomeView, runButton, sideBody } from '../experiment-card';
import { choiceSelect, numberInput } from '../experiment-inputs';
import { followJobLock, runAsJob } from '../job-lock-view';
import { seeHowLink } from '../explore/section';
import { sidesView } from '../sides-view';
import lockOrders from 'cpp-region:core/src/deadlock_board.cpp:lock-orders';
import tryLockBackoff from 'cpp-region:core/src/deadlock_board.cpp:try-lock-backoff';
import { h, replaceChildren } from '../../ui/dom';
import type { JobLock } from '../../ui/page-context';
import { runBrowserDeadlock } from './browser-run';
import { DEFAULT_HOLD_MS, DEFAULT_ROUNDS, MAX_WORKERS, MIN_WORKERS } from './limits';
import { runNativeDeadlock } from './native-run';
import { DEADLOCK_PYTHON } from './python';
import type { DeadlockOptions } from './report';
import { deadlockView } from './view';

const JOB = 'deadlock';

export interface DeadlockContext {
  /** Where `cplay serve` answers; null when the page has no native server. */
  liveBase: URL | null;
  /** The folder holding wasm/threads/. */
  wasmBase: string;
  /** Whether this page may run the threads build (cross-origin isolated). */
  threads: boolean;
  jobs: JobLock;
}

export function createDeadlockSection(ctx: DeadlockContext): HTMLElement {
  const workers = numberInput('deadlock-workers', { min: MIN_WORKERS, max: MAX_WORKERS, default: MIN_WORKERS });
  const order = choiceSelect('deadlock-order', ['opposite', 'consistent']);
  const strategy = choiceSelect('deadlock-strategy', ['block', 'try-lock']);
  const nativeMode = choiceSelect('deadlock-native-mode', ['threads', 'processes']);
  const button = runButton();
  const note = busyNote();
  const browserBody = sideBody('deadlock-browser', idleLine(ctx.threads ? 'Not run yet.' : 'This needs threads: the page is not cross-origin isolated, so only the single-threaded WebAssembly build can load here.'));
  const nativeBody = sideBody('deadlock-native', nativeIdle(ctx.liveBase !== null, 'cplay deadlock'));

  const run = async (): Promise<void> => {
    const count = Number(workers.value);
    if (!Number.isInteger(count) || count < MIN_WORKERS || count > MAX_WORKERS) {
      note.textContent = `Workers must be a whole number from ${MIN_WORKERS} to ${MAX_WORKERS}.`;
      return;
    }
    const options: DeadlockOptions = {
      workers: count,
      order: order.value as DeadlockOptions['order'],
      strategy: strategy.value as DeadlockOptions['strategy'],
      rounds: DEFAULT_ROUNDS,
      hold_ms: DEFAULT_HOLD_MS,
    };
    await runAsJob(ctx.jobs, JOB, section, note, async () => {
      if (ctx.threads) {
        replaceChildren(browserBody, idleLine('Running in WebAssembly threads…'));
        replaceChildren(browserBody, outcomeView(await runBrowserDeadlock(ctx.wasmBase, options), deadlockView));
      }
      if (ctx.liveBase) {
        replaceChildren(nativeBody, idleLine('Asking cplay serve…'));
        const mode = nativeMode.value as 'threads' | 'processes';
        replaceChildren(nativeBody, outcomeView(await runNativeDeadlock(ctx.liveBase, { ...options, mode }), deadlockView));
      }
    });
  };
  button.addEventListener('click', () => void run());
  followJobLock(ctx.jobs, JOB, [button], note);

  const section = experimentCard({
    name: 'deadlock',
    title: 'Deadlock: two locks, opposite orders',
    explanation: [
      `Each worker takes two locks: worker i takes lock i, holds it ${DEFAULT_HOLD_MS} ms, then reaches for lock i+1 (the last wraps round to the first), ${DEFAULT_ROUNDS} rounds. In opposite order every worker ends up holding one lock and waiting for its neighbour’s: a cycle, and nobody can move. A watchdog reads who holds each lock and who waits for which, finds that cycle in two samples in a row, reports it and cancels the run. The workers wait in timed attempts of a few ms that check for the cancel, so they can let go; a plain lock() blocked in a deadlock can never be taken back.`,
      'In consistent order every worker takes the lower-numbered lock first: no cycle can close, and every round completes. With try-lock a worker never waits while holding a lock: if the second is taken it lets go of the first, backs off a random while and tries again — the retries are counted.',
      h('p', {}, seeHowLink('deadlock', 'See how this happens: step through the two locks, one worker at a time')),
    ],
    fields: [
      ['Workers ', workers],
      ['Order ', order],
      ['Strategy ', strategy],
      ['Native as ', nativeMode],
    ],
    actions: [button, note],
    sides: sidesView({ label: 'Deadlock', browser: 'In this browser (WebAssembly threads)' }, browserBody, nativeBody),
    below: [
      h('details', {}, h('summary', {}, 'C++: the two lock orders (what runs, natively and as WebAssembly)'), codeBlock('cpp', lockOrders), h('p', {}, 'try-lock: let go, back off, retry'), codeBlock('cpp', tryLockBackoff)),
      h('details', {}, h('summary', {}, 'Python: the same deadlock with threading.Lock'), codeBlock('python', DEADLOCK_PYTHON)),
    ],
  });
  return section;
}
