// Every input on the page lives in the URL, so a link reproduces exactly what its sender saw.
// Keys are `<demo>.<field>` (e.g. `race.sync=lock`); values equal to the default are left out
// to keep links short. Page-level keys: `demo` (focus one card), `embed=1`, `coi=0`.
import { DEMO_LIST, demoById } from '../demos/catalog';
import { defaultParams, type DemoDefinition, type ParamSpec } from '../demos/definition';
import { choiceParam, DEMOS, integerParam, MODES, NATIVE_START_METHODS } from '../model/catalog';
import type { Demo, Mode, Params, StartMethod } from '../model/types';
import type { ProcessStart } from '../runtime/process-workers';

export interface CardState {
  mode: Mode;
  workers: number;
  params: Params;
  /** Race only: runs per sync mode for the lost-updates histogram (the CLI's --runs). */
  runs: number;
  /** The largest worker count of a sweep. */
  upto: number;
  /** How native processes start (the browser's are always Workers): one of NATIVE_START_METHODS. */
  startMethod: StartMethod;
  /** How the browser's processes get their Workers: fresh for each run, or a warm pool. */
  browserStart: ProcessStart;
}

const BROWSER_STARTS: readonly ProcessStart[] = ['fresh', 'pool'];

export interface PageState {
  cards: Record<Demo, CardState>;
  /** One card only, when set. */
  focus: Demo | null;
  embed: boolean;
}

export const WORKER_LIMIT = integerParam('workers').max;
// The page's own settings, not request inputs: how many runs a histogram and a sweep make.
export const RUNS_LIMIT = 200;
export const SWEEP_LIMIT = 64;
const DEFAULT_RUNS = 20;
const DEFAULT_UPTO = 4;

export function defaultCardState(definition: DemoDefinition): CardState {
  return {
    mode: definition.defaultMode,
    workers: definition.defaultWorkers,
    params: defaultParams(definition),
    runs: DEFAULT_RUNS,
    upto: DEFAULT_UPTO,
    startMethod: choiceParam('start_method').default as StartMethod,
    browserStart: 'fresh',
  };
}

export function defaultPageState(): PageState {
  const cards = {} as Record<Demo, CardState>;
  for (const definition of DEMO_LIST) cards[definition.id] = defaultCardState(definition);
  return { cards, focus: null, embed: false };
}

function parseInteger(text: string | null, min: number, max: number): number | null {
  if (text === null || !/^\d+$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

function parseParam(spec: ParamSpec, text: string | null): number | string | boolean | null {
  if (text === null) return null;
  switch (spec.kind) {
    case 'number':
      return parseInteger(text, spec.min, spec.max);
    case 'choice':
      return spec.choices.includes(text) ? text : null;
    case 'flag':
      return text === '1' || text === 'true' ? true : text === '0' || text === 'false' ? false : null;
  }
}

function formatValue(value: number | string | boolean): string {
  return typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
}

/** Values that are out of range or unknown fall back to their defaults. */
export function parsePageState(search: string): PageState {
  const query = new URLSearchParams(search);
  const state = defaultPageState();
  for (const definition of DEMO_LIST) {
    const card = state.cards[definition.id];
    const read = (field: string) => query.get(`${definition.id}.${field}`);
    const mode = read('mode');
    if (mode !== null && (MODES as readonly string[]).includes(mode)) card.mode = mode as Mode;
    card.workers = parseInteger(read('workers'), integerParam('workers').min, WORKER_LIMIT) ?? card.workers;
    card.runs = parseInteger(read('runs'), 1, RUNS_LIMIT) ?? card.runs;
    card.upto = parseInteger(read('upto'), 2, SWEEP_LIMIT) ?? card.upto;
    const start = read('start');
    if (start !== null && (NATIVE_START_METHODS as readonly string[]).includes(start)) card.startMethod = start as StartMethod;
    const browserStart = read('browser_start');
    if (browserStart !== null && (BROWSER_STARTS as readonly string[]).includes(browserStart)) card.browserStart = browserStart as ProcessStart;
    for (const spec of definition.params) {
      const value = parseParam(spec, read(spec.key));
      if (value !== null) card.params[spec.key] = value;
    }
  }
  const focus = query.get('demo');
  state.focus = focus !== null && (DEMOS as readonly string[]).includes(focus) ? (focus as Demo) : null;
  state.embed = query.get('embed') === '1' && state.focus !== null;
  return state;
}

/** Writes the state as a query string (without '?'); `extra` keeps page switches like coi=0. */
export function serializePageState(state: PageState, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  if (state.focus) query.set('demo', state.focus);
  if (state.embed && state.focus) query.set('embed', '1');
  for (const definition of DEMO_LIST) {
    const card = state.cards[definition.id];
    const defaults = defaultCardState(demoById(definition.id));
    const write = (field: string, value: number | string | boolean, fallback: number | string | boolean) => {
      if (value !== fallback) query.set(`${definition.id}.${field}`, formatValue(value));
    };
    write('mode', card.mode, defaults.mode);
    write('workers', card.workers, defaults.workers);
    if (definition.id === 'race') write('runs', card.runs, defaults.runs);
    write('upto', card.upto, defaults.upto);
    write('start', card.startMethod, defaults.startMethod);
    write('browser_start', card.browserStart, defaults.browserStart);
    for (const spec of definition.params) {
      const value = card.params[spec.key];
      if (value !== undefined) write(spec.key, value, spec.default);
    }
  }
  for (const [key, value] of Object.entries(extra)) query.set(key, value);
  return query.toString();
}
