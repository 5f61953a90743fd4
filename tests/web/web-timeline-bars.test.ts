// The timeline's bars: a browser process Worker's "starting" stretch is drawn apart from its
// running span, and a report with events only for starting still shows the spans as running.
import { describe, expect, it } from 'vitest';
import { timelineBars } from '../../web/src/charts/timeline-chart';
import type { Report } from '../../web/src/model/types';

const base = {
  schema: 1,
  demo: 'primes',
  mode: 'processes',
  start_method: 'worker',
  workers: 2,
  params: { limit: 1000, algorithm: 'trial' },
  result: { count: 168, largest: 997 },
  wall_ms: 40,
  spans: [
    { worker: 0, pid: 42, tid: 1, start_ms: 31, end_ms: 38, items: 500 },
    { worker: 1, pid: 42, tid: 1, start_ms: 31, end_ms: 39, items: 500 },
  ],
  platform: { runtime: 'wasm', os: 'emscripten', cores: 2, compiler: 'clang', variant: 'single' },
} as unknown as Report;

describe('timelineBars', () => {
  it('draws starting stretches and the spans as running', () => {
    const report = {
      ...base,
      events: [
        { worker: 0, state: 'starting', start_ms: 0, end_ms: 25 },
        { worker: 1, state: 'starting', start_ms: 0, end_ms: 30 },
      ],
    } as Report;
    const bars = timelineBars(report);
    expect(bars.get('starting')).toEqual([
      { x: [0, 25], y: 'worker 0' },
      { x: [0, 30], y: 'worker 1' },
    ]);
    expect(bars.get('running')).toEqual([
      { x: [31, 38], y: 'worker 0' },
      { x: [31, 39], y: 'worker 1' },
    ]);
  });

  it('draws running events, not spans, when the run recorded them', () => {
    const report = { ...base, events: [{ worker: 0, state: 'running', start_ms: 31, end_ms: 35 }] } as Report;
    expect(timelineBars(report).get('running')).toEqual([{ x: [31, 35], y: 'worker 0' }]);
    expect(timelineBars(report).get('starting')).toEqual([]);
  });
});
