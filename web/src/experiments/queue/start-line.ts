// The start line of a run with Workers: every Worker loads and says 'ready' first, then all begin
// together, so loading time is not counted as the run's.
import { CancelledRun } from './cancelled-run';

export function workersReady(workers: readonly Worker[], signal: AbortSignal): Promise<void> {
  return Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((ready, failed) => {
          worker.onerror = (event) => failed(new Error(event.message || 'a producer Worker failed to load'));
          worker.onmessage = (event: MessageEvent<{ type: string }>) => {
            if (event.data.type === 'ready') ready();
          };
          signal.addEventListener('abort', () => failed(new CancelledRun()));
        }),
    ),
  ).then(() => undefined);
}
