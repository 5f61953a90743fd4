// The experiment's input ranges and defaults from the core's catalog (experiments.monitor,
// core/src/monitor_options.cpp), fixed at build time: the page accepts what the core accepts.
import { CATALOG } from '../../model/catalog';

interface MonitorCatalogView {
  modes: string[];
  start_methods: string[];
  params: { key: string; kind: string; min?: number; max?: number; default?: unknown }[];
  lists: { key: string; min: number; max: number; min_items: number; max_items: number; default: number[] }[];
}

function monitorCatalog(): MonitorCatalogView {
  const entry = (CATALOG.experiments as unknown as Record<string, MonitorCatalogView | undefined>).monitor;
  if (!entry) throw new Error("the core's catalog has no monitor experiment (rebuild the wasm modules)");
  return entry;
}

const catalog = monitorCatalog();
const interval = catalog.params.find((p) => p.key === 'interval_ms');
const durations = catalog.lists.find((l) => l.key === 'durations_ms');
if (!interval || interval.kind !== 'integer' || !durations) throw new Error("the core's monitor catalog lacks interval_ms or durations_ms");

export const MONITOR_MODES = catalog.modes;
export const MONITOR_START_METHODS = catalog.start_methods;
export const INTERVAL_MS = { min: interval.min as number, max: interval.max as number, default: interval.default as number };
export const DURATIONS_MS = durations;
