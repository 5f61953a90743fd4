// Amdahl's law: if a fraction f of a job cannot run in parallel, n workers speed it up by at most
//   S(n) = 1 / (f + (1 − f) / n).
// The sweep chart fits f to the measured speedups, which turns "it flattens out" into a number.

export interface SweepPoint {
  workers: number;
  wallMs: number;
}

export interface SpeedupPoint {
  workers: number;
  speedup: number;
}

export function amdahlSpeedup(serialFraction: number, workers: number): number {
  return 1 / (serialFraction + (1 - serialFraction) / workers);
}

/** Speedup of each point over the one-worker run of the same sweep (null without that run). */
export function speedupsOverOneWorker(points: readonly SweepPoint[]): SpeedupPoint[] | null {
  const single = points.find((p) => p.workers === 1);
  if (!single || single.wallMs <= 0) return null;
  return points
    .filter((p) => p.wallMs > 0)
    .map((p) => ({ workers: p.workers, speedup: single.wallMs / p.wallMs }))
    .sort((a, b) => a.workers - b.workers);
}

function squaredError(points: readonly SpeedupPoint[], f: number): number {
  let sum = 0;
  for (const p of points) {
    const miss = p.speedup - amdahlSpeedup(f, p.workers);
    sum += miss * miss;
  }
  return sum;
}

/**
 * The serial fraction f in [0, 1] whose Amdahl curve is closest (least squares, in speedup units)
 * to the measured points. Null when no point has more than one worker, since then any f fits.
 * A grid search then a golden-section refinement: robust, and the cost is nothing at this size.
 */
export function fitSerialFraction(points: readonly SpeedupPoint[]): number | null {
  const informative = points.filter((p) => p.workers > 1 && Number.isFinite(p.speedup) && p.speedup > 0);
  if (informative.length === 0) return null;
  const steps = 1000;
  let best = 0;
  let bestError = Infinity;
  for (let i = 0; i <= steps; i++) {
    const error = squaredError(informative, i / steps);
    if (error < bestError) {
      bestError = error;
      best = i / steps;
    }
  }
  let lo = Math.max(0, best - 1 / steps);
  let hi = Math.min(1, best + 1 / steps);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (squaredError(informative, a) <= squaredError(informative, b)) hi = b;
    else lo = a;
  }
  return (lo + hi) / 2;
}

/** The serial fraction one point alone implies (the Karp–Flatt metric); null for one worker. */
export function impliedSerialFraction(point: SpeedupPoint): number | null {
  if (point.workers <= 1 || point.speedup <= 0) return null;
  return (1 / point.speedup - 1 / point.workers) / (1 - 1 / point.workers);
}
