// The experiment's input ranges and defaults from the core's catalog (experiments.deadlock,
// core/src/deadlock_options.cpp), fixed at build time: the page accepts what the core accepts.
import { CATALOG } from '../../model/catalog';

function integer(key: string): { min: number; max: number; default: number } {
  const param = CATALOG.experiments.deadlock.params.find((p) => p.key === key);
  if (!param || param.kind !== 'integer') throw new Error(`the core's deadlock catalog has no integer ${key}`);
  return { min: param.min, max: param.max, default: param.default };
}

const workers = integer('workers');
export const MIN_WORKERS = workers.min;
export const MAX_WORKERS = workers.max;
export const DEFAULT_ROUNDS = integer('rounds').default;
export const DEFAULT_HOLD_MS = integer('hold_ms').default;
