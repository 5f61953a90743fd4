// The card's choices and ranges: the core's (explore_param_specs in core/src/explore_options.cpp,
// `cplay explore <scenario> --help`), which refuses anything else in its own words anyway.
import type { ExploreScenario } from './report';

export interface ScenarioChoice {
  scenario: ExploreScenario;
  /** The variant select's choices, each the request fields it sets. */
  variants: Record<string, Record<string, string>>;
  workers: { min: number; max: number; default: number };
  /** The second size: increments per worker (race, async-race) or phases (barrier); none for deadlock. */
  size: { key: 'increments' | 'phases'; label: string; min: number; max: number; default: number } | null;
}

export const SCENARIOS: Record<ExploreScenario, ScenarioChoice> = {
  race: {
    scenario: 'race',
    variants: { 'sync none': { sync: 'none' }, 'sync lock': { sync: 'lock' }, 'sync atomic': { sync: 'atomic' } },
    workers: { min: 1, max: 4, default: 2 },
    size: { key: 'increments', label: 'Increments', min: 1, max: 4, default: 2 },
  },
  deadlock: {
    scenario: 'deadlock',
    variants: {
      'opposite order': { order: 'opposite', strategy: 'block' },
      'consistent order': { order: 'consistent', strategy: 'block' },
      'opposite, try-lock': { order: 'opposite', strategy: 'try-lock' },
    },
    workers: { min: 2, max: 4, default: 2 },
    size: null,
  },
  'async-race': {
    scenario: 'async-race',
    variants: { 'sync none': { sync: 'none' }, 'sync lock': { sync: 'lock' } },
    workers: { min: 1, max: 4, default: 2 },
    size: { key: 'increments', label: 'Increments', min: 1, max: 4, default: 2 },
  },
  barrier: {
    scenario: 'barrier',
    variants: { 'sync none': { sync: 'none' }, 'sync barrier': { sync: 'barrier' } },
    workers: { min: 2, max: 4, default: 2 },
    size: { key: 'phases', label: 'Phases', min: 1, max: 3, default: 2 },
  },
};

export const SCENARIO_NAMES = Object.keys(SCENARIOS) as ExploreScenario[];
