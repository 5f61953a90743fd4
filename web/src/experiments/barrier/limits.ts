// The experiment's input ranges and defaults from the core's catalog (experiments.barrier,
// core/src/barrier_options.cpp), fixed at build time: the page accepts what the core accepts.
import { CATALOG } from '../../model/catalog';

export interface IntegerRange {
  min: number;
  max: number;
  default: number;
}

function integer(key: string): IntegerRange {
  const param = CATALOG.experiments.barrier.params.find((p) => p.key === key);
  if (!param || param.kind !== 'integer') throw new Error(`the core's barrier catalog has no integer ${key}`);
  return { min: param.min, max: param.max, default: param.default };
}

export const SYNCS = CATALOG.experiments.barrier.syncs;
export const WORKERS = integer('workers');
export const PHASES = integer('phases');
export const WORK_MS = integer('work_ms');
export const SKEW_MS = integer('skew_ms');
export const MAX_SLOWEST_MS = CATALOG.experiments.barrier.limits.max_slowest_ms;
