// The step-through's bookkeeping, without the page: the schedule so far (the worker of each
// step), moving, undoing, a random move, and which outcome of an exploration to play when the
// learner asks for a lost update or a deadlock.
import type { ExploreOutcomeRow, ExploreScenario } from './report';

/** The schedule with one more step by `worker`. */
export function withMove(schedule: readonly number[], worker: number): number[] {
  return [...schedule, worker];
}

/** The schedule without its last step (the empty one stays empty). */
export function undo(schedule: readonly number[]): number[] {
  return schedule.slice(0, -1);
}

/** One of the workers that can move, chosen by `random` (in [0, 1)); null when none can. */
export function randomMove(movable: readonly number[], random: () => number = Math.random): number | null {
  if (movable.length === 0) return null;
  return movable[Math.min(movable.length - 1, Math.floor(random() * movable.length))] ?? null;
}

/** The counter of an outcome labelled "counter = 3"; null for other labels. */
export function counterOf(label: string): number | null {
  const match = /^counter = (-?\d+)$/.exec(label);
  return match ? Number(match[1]) : null;
}

/** What the counter ends at when no update is lost. */
export function expectedCounter(workers: number, increments: number): number {
  return workers * increments;
}

export type Finding = 'lost-update' | 'deadlock';

/** What the card can look for in this scenario: lost updates in the races, deadlocks in the deadlock. */
export function findingFor(scenario: ExploreScenario): Finding | null {
  if (scenario === 'race' || scenario === 'async-race') return 'lost-update';
  if (scenario === 'deadlock') return 'deadlock';
  return null;
}

/**
 * The outcome to play for `finding`: for a lost update the one with the lowest counter below
 * `expected` (the most updates lost), for a deadlock the first deadlocked one; null when no
 * schedule ends that way.
 */
export function pickOutcome(outcomes: readonly ExploreOutcomeRow[], finding: Finding, expected: number): ExploreOutcomeRow | null {
  if (finding === 'deadlock') return outcomes.find((o) => o.deadlock) ?? null;
  let best: ExploreOutcomeRow | null = null;
  for (const outcome of outcomes) {
    const counter = counterOf(outcome.label);
    if (counter === null || counter >= expected) continue;
    if (best === null || counter < (counterOf(best.label) ?? Infinity)) best = outcome;
  }
  return best;
}

/** An outcome's share of all schedules, as the table prints it: "45.7 %", "< 0.1 %". */
export function share(schedules: number, total: number): string {
  if (total <= 0) return '–';
  const percent = (100 * schedules) / total;
  if (percent > 0 && percent < 0.1) return '< 0.1 %';
  return `${percent.toFixed(1)} %`;
}
