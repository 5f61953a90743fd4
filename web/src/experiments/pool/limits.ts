// The experiment's input ranges and defaults from the core's catalog (experiments.pool,
// core/src/pool_options.cpp), fixed at build time: the page accepts what the core accepts.
import { CATALOG } from '../../model/catalog';

function integer(key: string): { min: number; max: number; default: number } {
  const param = CATALOG.experiments.pool.params.find((p) => p.key === key);
  if (!param || param.kind !== 'integer') throw new Error(`the core's pool catalog has no integer ${key}`);
  return { min: param.min, max: param.max, default: param.default };
}

export const TASKS = integer('tasks');
export const WORKERS = integer('workers');
export const WORK = integer('work');
export const MAX_TOTAL_WORK = CATALOG.experiments.pool.limits.max_total_work;
