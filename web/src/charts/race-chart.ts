// Chart (c): for the race demo, how many of R runs lost how many updates, per sync mode.
import { countInBuckets, type Bucket } from '../analysis/histogram';
import { Chart, replaceChart, themeColor } from './chart-setup';

export interface LostSeries {
  sync: string;
  lost: number[];
}

const SYNC_COLORS: Record<string, string> = { none: 'sync-none', lock: 'sync-lock', atomic: 'sync-atomic' };

export function drawRaceChart(canvas: HTMLCanvasElement, series: LostSeries[], buckets: Bucket[], title: string): Chart {
  const datasets = series.map((s) => ({
    label: `sync = ${s.sync} (${s.lost.length} runs)`,
    data: countInBuckets(s.lost, buckets),
    backgroundColor: themeColor(SYNC_COLORS[s.sync] ?? 'text-muted'),
  }));
  canvas.setAttribute(
    'aria-label',
    `${title}: ` +
      series.map((s) => `sync ${s.sync}: ${s.lost.filter((v) => v > 0).length} of ${s.lost.length} runs lost updates`).join('; '),
  );
  return replaceChart(
    canvas,
    () =>
      new Chart(canvas, {
        type: 'bar',
        data: { labels: buckets.map((b) => b.label), datasets },
        options: {
          plugins: { title: { display: true, text: title }, legend: { position: 'bottom' } },
          scales: {
            x: { title: { display: true, text: 'updates lost in one run' } },
            y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'runs' } },
          },
        },
      }),
  );
}
