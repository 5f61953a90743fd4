// The experiment's input ranges and defaults from the core's catalog (experiments.async,
// core/src/async_control_options.cpp), fixed at build time: the page accepts what the core accepts.
import { CATALOG } from '../../model/catalog';

function integer(key: string): { min: number; max: number; default: number } {
  const param = CATALOG.experiments.async.params.find((p) => p.key === key);
  if (!param || param.kind !== 'integer') throw new Error(`the core's async catalog has no integer ${key}`);
  return { min: param.min, max: param.max, default: param.default };
}

export const TASKS = integer('tasks');
export const LATENCY_MS = integer('latency_ms');
export const TIMEOUT_MS = integer('timeout_ms');
export const INCREMENTS = integer('increments');
export const SCENARIOS = CATALOG.experiments.async.scenarios;
export const SYNCS = CATALOG.experiments.async.syncs;
