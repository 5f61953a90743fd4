// The browser side: a Web Worker per worker (A, B, ...), each posting 'started' and 'ended'; the
// page checks at the interval which have not ended yet. Every Worker is terminated however the
// run ends (done, cancelled).
import { workerName, type MonitorLine } from './events';

export interface MonitorRun {
  durations_ms: number[];
  interval_ms: number;
}

export function runBrowserMonitor(options: MonitorRun, onLine: (line: MonitorLine) => void, signal: AbortSignal): Promise<void> {
  const origin = performance.timeOrigin + performance.now();
  const names = options.durations_ms.map((_, i) => workerName(i));
  const alive = new Map<string, boolean>();
  const workers = names.map(() => new Worker(new URL('./monitor.worker.ts', import.meta.url), { type: 'module', name: 'cplay-monitor' }));
  let sampler: ReturnType<typeof setInterval> | undefined;
  return new Promise<void>((resolve, reject) => {
    const sample = (): void => {
      const now = performance.timeOrigin + performance.now() - origin;
      onLine({ event: 'sample', t_ms: now, workers: names.map((worker) => ({ worker, alive: alive.get(worker) === true })) });
    };
    let ended = 0;
    workers.forEach((w, i) => {
      const worker = workerName(i);
      w.onmessage = (event: MessageEvent<{ event: 'started' | 'ended'; at: number }>) => {
        alive.set(worker, event.data.event === 'started');
        onLine({ event: event.data.event, t_ms: Math.max(0, event.data.at - origin), worker });
        if (event.data.event === 'ended' && ++ended === workers.length) {
          sample();  // the last check: nobody is alive
          resolve();
        }
      };
      w.onerror = (event) => reject(new Error(event.message || 'a Worker failed to load'));
      w.postMessage({ durationMs: options.durations_ms[i] });
    });
    sampler = setInterval(sample, options.interval_ms);
    signal.addEventListener('abort', () => reject(new Error('Cancelled.')), { once: true });
  }).finally(() => {
    clearInterval(sampler);
    for (const w of workers) w.terminate();
  });
}
