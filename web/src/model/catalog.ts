// The core's catalog as the page reads it: the names of demos, modes and start methods, and each
// input's range and default, fixed at build time (virtual:catalog). The forms, the address and
// the command lines are built from these, so the page accepts what the core accepts.
import catalog from 'virtual:catalog';
import type {
  Catalog,
  CatalogChoiceParam,
  CatalogFlagParam,
  CatalogIntegerParam,
  CatalogParam,
  Demo,
  Mode,
  StartMethod,
} from '../../../wasm/js/types';

export const CATALOG: Catalog = catalog;

/** Every demo, in the core's order. */
export const DEMOS: readonly Demo[] = catalog.demos.map((demo) => demo.name);

/** Every mode, in the core's order (radio buttons, "All modes"). */
export const MODES: readonly Mode[] = catalog.modes.map((mode) => mode.name);

/** How native processes may start (a browser's are always Workers). */
export const NATIVE_START_METHODS: readonly StartMethod[] = catalog.capabilities.start_methods;

export function catalogParam(key: string): CatalogParam {
  const found = catalog.params.find((param) => param.key === key);
  if (!found) throw new Error(`the core's catalog has no parameter ${key}`);
  return found;
}

function ofKind<Kind extends CatalogParam['kind']>(key: string, kind: Kind): Extract<CatalogParam, { kind: Kind }> {
  const param = catalogParam(key);
  if (param.kind !== kind) throw new Error(`the core's parameter ${key} is ${param.kind}, not ${kind}`);
  return param as Extract<CatalogParam, { kind: Kind }>;
}

export const integerParam = (key: string): CatalogIntegerParam => ofKind(key, 'integer');
export const choiceParam = (key: string): CatalogChoiceParam => ofKind(key, 'choice');
export const flagParam = (key: string): CatalogFlagParam => ofKind(key, 'flag');

/** The modes in which `key` is one of the mode's own inputs (empty for a demo's input). */
export function modesTaking(key: string): Mode[] {
  return catalog.modes.filter((mode) => mode.params.includes(key)).map((mode) => mode.name);
}

/** The request's `--flag` for a key, as `cplay` spells it. */
export function flagOf(key: string): string {
  return catalogParam(key).flag;
}
