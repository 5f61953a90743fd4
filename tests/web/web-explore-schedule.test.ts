// The step-through's bookkeeping (web/src/experiments/explore/schedule.ts): moving and undoing,
// random moves among the workers that can move, and which outcome "find a lost update / a
// deadlock" plays.
import { describe, expect, it } from 'vitest';
import type { ExploreOutcomeRow } from '../../web/src/experiments/explore/report';
import { counterOf, expectedCounter, findingFor, pickOutcome, randomMove, share, undo, withMove } from '../../web/src/experiments/explore/schedule';

const row = (label: string, witness: number[], deadlock = false): ExploreOutcomeRow => ({ label, schedules: 1, witness, deadlock });

describe('explore schedule', () => {
  it('moves and undoes without touching the schedule it was given', () => {
    const start: number[] = [];
    const one = withMove(start, 1);
    const two = withMove(one, 0);
    expect(start).toEqual([]);
    expect(two).toEqual([1, 0]);
    expect(undo(two)).toEqual([1]);
    expect(two).toEqual([1, 0]);
    expect(undo(undo(undo(two)))).toEqual([]);
  });

  it('moves only a worker that can move', () => {
    expect(randomMove([], () => 0.5)).toBeNull();
    expect(randomMove([2], () => 0.99)).toBe(2);
    expect(randomMove([0, 3], () => 0)).toBe(0);
    expect(randomMove([0, 3], () => 0.5)).toBe(3);
    expect(randomMove([0, 3], () => 0.999999)).toBe(3);
  });

  it('finds the outcome that loses the most updates, or a deadlock', () => {
    const race = [row('counter = 2', [0, 1]), row('counter = 3', [1, 0]), row('counter = 4', [0, 0])];
    expect(pickOutcome(race, 'lost-update', expectedCounter(2, 2))?.label).toBe('counter = 2');
    expect(pickOutcome([row('counter = 4', [0])], 'lost-update', 4)).toBeNull();
    expect(pickOutcome(race, 'deadlock', 4)).toBeNull();
    const deadlock = [row('completed', [0, 0, 1, 1]), row('deadlock', [0, 1], true)];
    expect(pickOutcome(deadlock, 'deadlock', 0)?.witness).toEqual([0, 1]);
    expect(pickOutcome(deadlock, 'lost-update', 4)).toBeNull();
  });

  it('reads counters and names what each scenario can find', () => {
    expect(counterOf('counter = 12')).toBe(12);
    expect(counterOf('completed, 1 gave up')).toBeNull();
    expect(findingFor('race')).toBe('lost-update');
    expect(findingFor('async-race')).toBe('lost-update');
    expect(findingFor('deadlock')).toBe('deadlock');
    expect(findingFor('barrier')).toBeNull();
    expect(share(32, 70)).toBe('45.7 %');
    expect(share(1, 17_153_136)).toBe('< 0.1 %');
    expect(share(0, 0)).toBe('–');
  });
});
