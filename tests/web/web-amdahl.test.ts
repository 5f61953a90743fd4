import { describe, expect, it } from 'vitest';
import {
  amdahlSpeedup,
  fitSerialFraction,
  impliedSerialFraction,
  speedupsOverOneWorker,
} from '../../web/src/analysis/amdahl';
import { countInBuckets, lostUpdateBuckets } from '../../web/src/analysis/histogram';

describe('Amdahl fit', () => {
  it('recovers the serial fraction of exact Amdahl speedups', () => {
    for (const f of [0, 0.05, 0.2, 0.5, 0.9, 1]) {
      const points = [1, 2, 3, 4, 8, 16].map((workers) => ({ workers, speedup: amdahlSpeedup(f, workers) }));
      expect(fitSerialFraction(points)).toBeCloseTo(f, 6);
    }
  });

  it('stays inside [0, 1] for superlinear and for slower-than-serial runs', () => {
    expect(fitSerialFraction([{ workers: 2, speedup: 2.4 }, { workers: 4, speedup: 5 }])).toBeCloseTo(0, 6);
    expect(fitSerialFraction([{ workers: 2, speedup: 0.5 }, { workers: 4, speedup: 0.4 }])).toBeCloseTo(1, 6);
  });

  it('finds a fraction between the points when they scatter', () => {
    const f = fitSerialFraction([
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 1.8 },
      { workers: 4, speedup: 2.9 },
    ]);
    expect(f).not.toBeNull();
    expect(f as number).toBeGreaterThan(0.05);
    expect(f as number).toBeLessThan(0.15);
  });

  it('has no answer without a run on more than one worker', () => {
    expect(fitSerialFraction([])).toBeNull();
    expect(fitSerialFraction([{ workers: 1, speedup: 1 }])).toBeNull();
  });

  it('computes speedups over the one-worker run, in worker order', () => {
    const speedups = speedupsOverOneWorker([
      { workers: 2, wallMs: 50 },
      { workers: 1, wallMs: 100 },
      { workers: 4, wallMs: 40 },
    ]);
    expect(speedups).toEqual([
      { workers: 1, speedup: 1 },
      { workers: 2, speedup: 2 },
      { workers: 4, speedup: 2.5 },
    ]);
    expect(speedupsOverOneWorker([{ workers: 2, wallMs: 50 }])).toBeNull();
  });

  it('gives the Karp–Flatt fraction of one point', () => {
    expect(impliedSerialFraction({ workers: 4, speedup: amdahlSpeedup(0.25, 4) })).toBeCloseTo(0.25, 9);
    expect(impliedSerialFraction({ workers: 1, speedup: 1 })).toBeNull();
  });
});

describe('lost-update histogram buckets', () => {
  it('keeps zero in a bucket of its own and covers the largest value', () => {
    const values = [0, 0, 3, 17, 250];
    const buckets = lostUpdateBuckets(values, 5);
    expect(buckets[0]).toEqual({ label: '0', from: 0, to: 0 });
    expect(buckets.at(-1)?.to).toBe(250);
    expect(countInBuckets(values, buckets).reduce((a, b) => a + b, 0)).toBe(values.length);
    expect(countInBuckets(values, buckets)[0]).toBe(2);
  });

  it('has only the zero bucket when nothing was lost', () => {
    expect(lostUpdateBuckets([0, 0, 0])).toHaveLength(1);
  });
});
