// Chart (b): what each worker did during the last run — starting (a browser process Worker
// being started), computing, waiting for I/O, or waiting for the GIL — as horizontal bars on one
// time axis. Without events other than starting, the spans are shown as "running", which is what
// they mean for the processes mode.
import type { Report, WorkerState } from '../model/types';
import { Chart, replaceChart, themeColor } from './chart-setup';

const STATES: readonly { state: WorkerState; label: string; color: string }[] = [
  { state: 'starting', label: 'starting (Worker)', color: 'state-starting' },
  { state: 'running', label: 'running', color: 'state-running' },
  { state: 'waiting', label: 'waiting (I/O)', color: 'state-waiting' },
  { state: 'gil-wait', label: 'waiting for the GIL', color: 'state-gil' },
];

interface Bar {
  x: [number, number];
  y: string;
}

/** Each worker's row name: "worker N", with its host where the span names one (MPI ranks). */
export function workerLabels(report: Report): (worker: number) => string {
  const hosts = new Map(report.spans.flatMap((s) => (s.host === undefined ? [] : [[s.worker, s.host] as const])));
  return (worker) => {
    const host = hosts.get(worker);
    return host === undefined ? `worker ${worker}` : `worker ${worker} on ${host}`;
  };
}

export function timelineBars(report: Report): Map<WorkerState, Bar[]> {
  const workerLabel = workerLabels(report);
  const bars = new Map<WorkerState, Bar[]>(STATES.map((s) => [s.state, []]));
  const events = report.events ?? [];
  for (const e of events) bars.get(e.state)?.push({ x: [e.start_ms, e.end_ms], y: workerLabel(e.worker) });
  if (!events.some((e) => e.state !== 'starting')) {
    for (const s of report.spans) bars.get('running')?.push({ x: [s.start_ms, s.end_ms], y: workerLabel(s.worker) });
  }
  return bars;
}

export function drawTimelineChart(canvas: HTMLCanvasElement, report: Report, title: string): Chart<'bar', Bar[], string> {
  const workerLabel = workerLabels(report);
  const workers = [...new Set(report.spans.map((s) => s.worker))].sort((a, b) => a - b);
  const labels = workers.map(workerLabel);
  const bars = timelineBars(report);
  const datasets = STATES.filter((s) => (bars.get(s.state)?.length ?? 0) > 0).map((s) => ({
    label: s.label,
    data: bars.get(s.state) ?? [],
    backgroundColor: themeColor(s.color),
    borderWidth: 0,
    grouped: false,
    barPercentage: 0.7,
    categoryPercentage: 1,
  }));
  const end = Math.max(report.wall_ms, ...report.spans.map((s) => s.end_ms));
  canvas.setAttribute(
    'aria-label',
    `${title}: ${[
      ...report.spans.map((s) => `${workerLabel(s.worker)} from ${s.start_ms.toFixed(1)} to ${s.end_ms.toFixed(1)} ms`),
      ...(bars.get('starting') ?? []).map((b) => `${b.y} starting from ${b.x[0].toFixed(1)} to ${b.x[1].toFixed(1)} ms`),
    ].join(', ')}`,
  );
  // Taller for more workers, so every row stays legible.
  canvas.parentElement?.style.setProperty('height', `${Math.max(170, 100 + labels.length * 30)}px`);
  return replaceChart(
    canvas,
    () =>
      new Chart<'bar', Bar[], string>(canvas, {
        type: 'bar',
        data: { labels, datasets },
        options: {
          indexAxis: 'y',
          plugins: {
            title: { display: true, text: title },
            legend: { position: 'bottom' },
            tooltip: {
              callbacks: {
                label: (item) => {
                  const [from, to] = (item.raw as Bar).x;
                  return `${item.dataset.label ?? ''}: ${from.toFixed(1)}–${to.toFixed(1)} ms`;
                },
              },
            },
          },
          scales: {
            x: { type: 'linear', min: 0, max: end, title: { display: true, text: 'ms since the run started' } },
            y: { type: 'category', labels, ticks: { autoSkip: false } },
          },
        },
      }),
  );
}
