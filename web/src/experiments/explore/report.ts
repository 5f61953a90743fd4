// The explorer's two reports as the core writes them (core/src/explore_json.cpp; `cplay explore
// --json` prints the same): the exploration of every schedule, and the replay of one.
export type ExploreScenario = 'race' | 'deadlock' | 'async-race' | 'barrier';

export interface ExploreProgram {
  title: string;
  variables: string[];
  locks: string[];
  /** Each worker's operations in C++, as text ("r0 = counter.load()"). */
  workers: string[][];
  /** The same operations in the lesson's Python, one for one ("seen = counter"). */
  python: string[][];
  cooperative: boolean;
}

export interface ExploreOutcomeRow {
  label: string;
  schedules: number;
  witness: number[];
  deadlock: boolean;
}

export interface ExploreReport {
  experiment: 'explore';
  scenario: ExploreScenario;
  workers: number;
  program: ExploreProgram;
  outcomes: ExploreOutcomeRow[];
  schedules: number;
  states: number;
  saturated: boolean;
  wall_ms: number;
}

export interface ExploreFinalState {
  /** Each worker's next operation (its length once it has finished). */
  pc: number[];
  registers: number[][];
  variables: Record<string, number>;
  /** Each lock's holder; null when free. */
  locks: Record<string, number | null>;
}

export interface ReplayReport {
  experiment: 'explore';
  scenario: ExploreScenario;
  workers: number;
  program: ExploreProgram;
  schedule: number[];
  steps: { worker: number; ops: string[] }[];
  final: ExploreFinalState;
  /** Set once nobody can move. */
  outcome: string | null;
  can_still_move: number[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

function isProgram(value: unknown): value is ExploreProgram {
  return isObject(value) && Array.isArray(value.workers) && Array.isArray(value.variables) && Array.isArray(value.locks);
}

export function isExploreReport(value: unknown): value is ExploreReport {
  return isObject(value) && value.experiment === 'explore' && Array.isArray(value.outcomes) && typeof value.states === 'number' && isProgram(value.program);
}

export function isReplayReport(value: unknown): value is ReplayReport {
  return isObject(value) && value.experiment === 'explore' && Array.isArray(value.schedule) && isObject(value.final) && Array.isArray(value.can_still_move) && isProgram(value.program);
}
