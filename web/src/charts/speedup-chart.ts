// Chart (a): measured speedup against workers for both sides, the ideal line y = x, and the
// Amdahl curve fitted to each side's points.
import { amdahlSpeedup, type SpeedupPoint } from '../analysis/amdahl';
import { Chart, replaceChart, themeColor } from './chart-setup';

export interface SpeedupSeries {
  label: string;
  color: string;
  points: SpeedupPoint[];
  serialFraction: number | null;
}

function curve(serialFraction: number, upto: number): { x: number; y: number }[] {
  const samples: { x: number; y: number }[] = [];
  for (let x = 1; x <= upto + 1e-9; x += 0.25) samples.push({ x, y: amdahlSpeedup(serialFraction, x) });
  return samples;
}

export function drawSpeedupChart(canvas: HTMLCanvasElement, series: SpeedupSeries[], upto: number, title: string): Chart {
  const ideal = themeColor('ideal');
  const datasets = [
    {
      type: 'line' as const,
      label: 'ideal (y = workers)',
      data: [
        { x: 1, y: 1 },
        { x: upto, y: upto },
      ],
      borderColor: ideal,
      backgroundColor: ideal,
      borderDash: [2, 4],
      pointRadius: 0,
      borderWidth: 1.5,
    },
  ];
  const measured = series.flatMap((s) => {
    const sets = [
      {
        type: 'line' as const,
        label: `${s.label}: measured`,
        data: s.points.map((p) => ({ x: p.workers, y: p.speedup })),
        borderColor: s.color,
        backgroundColor: s.color,
        borderDash: [] as number[],
        pointRadius: 4,
        borderWidth: 2,
      },
    ];
    if (s.serialFraction !== null) {
      sets.push({
        type: 'line' as const,
        label: `${s.label}: Amdahl fit, serial ${(s.serialFraction * 100).toFixed(1)} %`,
        data: curve(s.serialFraction, upto),
        borderColor: s.color,
        backgroundColor: s.color,
        borderDash: [6, 4],
        pointRadius: 0,
        borderWidth: 1.5,
      });
    }
    return sets;
  });
  canvas.setAttribute(
    'aria-label',
    `${title}. ` +
      series
        .map((s) => `${s.label}: ${s.points.map((p) => `${p.workers} workers ${p.speedup.toFixed(2)}×`).join(', ')}`)
        .join('. '),
  );
  return replaceChart(
    canvas,
    () =>
      new Chart(canvas, {
        type: 'line',
        data: { datasets: [...datasets, ...measured] },
        options: {
          parsing: false,
          plugins: { title: { display: true, text: title }, legend: { position: 'bottom' } },
          scales: {
            x: { type: 'linear', min: 1, max: upto, title: { display: true, text: 'workers' }, ticks: { stepSize: 1 } },
            y: { type: 'linear', min: 0, title: { display: true, text: 'speedup over 1 worker (×)' } },
          },
        },
      }),
  );
}
