// The experiment's input ranges and defaults from the core's catalog (experiments.semaphore,
// core/src/semaphore_options.cpp), fixed at build time: the page accepts what the core accepts.
import { CATALOG } from '../../model/catalog';

function integer(key: string): { min: number; max: number; default: number } {
  const param = CATALOG.experiments.semaphore.params.find((p) => p.key === key);
  if (!param || param.kind !== 'integer') throw new Error(`the core's semaphore catalog has no integer ${key}`);
  return { min: param.min, max: param.max, default: param.default };
}

export const TASKS = integer('tasks');
export const LIMIT = integer('limit');
export const LATENCY_MS = integer('latency_ms');
export const MAX_IDEAL_MS = CATALOG.experiments.semaphore.limits.max_ideal_ms;
