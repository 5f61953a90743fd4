// The browser column of "fork vs spawn": what a Worker sees of the page that started it, and what
// starting one costs (create, wait for its first message, terminate), measured here and now.
import { AS_LOADED, CHANGED_BY_PAGE, TICKER_KEY, pageVariable, setPageVariable } from './page-global';
import { isWorkerView, type WorkerView } from './worker-view';

export interface BrowserStartResult {
  /** What the page itself holds when the Worker starts. */
  pageVariable: string;
  view: WorkerView;
  workers: number;
  startJoinMsPerWorker: number;
}

/** A Worker that never answers (a failed load, say) must not hang the run. */
const FIRST_MESSAGE_TIMEOUT_MS = 20_000;

function createProbe(): Worker {
  return new Worker(new URL('./probe.worker.ts', import.meta.url), { type: 'module', name: 'cplay-start-probe' });
}

/** Resolves with the Worker's first message; the Worker is terminated either way. */
function firstMessage(worker: Worker): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<unknown>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`a Worker did not start within ${FIRST_MESSAGE_TIMEOUT_MS / 1000} s`)), FIRST_MESSAGE_TIMEOUT_MS);
    worker.onmessage = (event: MessageEvent) => resolve(event.data);
    worker.onerror = (event: ErrorEvent) => reject(new Error(event.message || 'the Worker failed to load'));
    worker.onmessageerror = () => reject(new Error('a Worker message could not be read'));
  }).finally(() => {
    clearTimeout(timer);
    worker.terminate();
  });
}

/** Starts `count` Workers at once, waits for every first message, and terminates them all. */
async function startJoinMsPerWorker(count: number): Promise<number> {
  const started = performance.now();
  const workers = Array.from({ length: count }, createProbe);
  try {
    await Promise.all(workers.map(firstMessage));
  } finally {
    workers.forEach((worker) => worker.terminate());
  }
  return (performance.now() - started) / count;
}

export async function runBrowserStartMethods(workers: number): Promise<BrowserStartResult> {
  // Before any Worker starts: a changed module variable and a timer that keeps ticking.
  setPageVariable(CHANGED_BY_PAGE);
  const global = globalThis as unknown as Record<string, unknown>;
  global[TICKER_KEY] = 0;
  const ticker = setInterval(() => {
    global[TICKER_KEY] = Number(global[TICKER_KEY]) + 1;
  }, 1);
  try {
    const view = await firstMessage(createProbe());
    if (!isWorkerView(view)) throw new Error('the probe Worker sent an unexpected message');
    const seen = pageVariable();
    // The costs are measured without the timer, as the native ones are without the ticker.
    clearInterval(ticker);
    return { pageVariable: seen, view, workers, startJoinMsPerWorker: await startJoinMsPerWorker(workers) };
  } finally {
    clearInterval(ticker);
    delete global[TICKER_KEY];
    setPageVariable(AS_LOADED);
  }
}
