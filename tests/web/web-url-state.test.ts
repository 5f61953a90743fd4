import { describe, expect, it } from 'vitest';
import { DEMO_LIST } from '../../web/src/demos/catalog';
import { paramsForMode } from '../../web/src/demos/definition';
import { choiceParam, integerParam } from '../../web/src/model/catalog';
import { cplayCommand } from '../../web/src/model/request';
import { defaultPageState, parsePageState, serializePageState } from '../../web/src/state/url-state';

describe('URL state', () => {
  it('writes nothing for the defaults and reads the defaults back', () => {
    expect(serializePageState(defaultPageState())).toBe('');
    expect(parsePageState('')).toEqual(defaultPageState());
  });

  it('round-trips every kind of input', () => {
    const state = defaultPageState();
    state.cards.race.mode = 'gil-threads';
    state.cards.race.workers = 7;
    state.cards.race.runs = 33;
    state.cards.race.params.sync = 'lock';
    state.cards.race.params.switch_interval_ms = 12;
    state.cards.factorial.params.n = 5000;
    state.cards.factorial.mode = 'processes';
    state.cards.race.params.shared_memory = true;
    state.cards.primes.params.algorithm = 'sieve';
    state.cards.io.upto = 9;
    state.cards.factorial.startMethod = 'spawn';
    state.cards.factorial.browserStart = 'pool';
    state.focus = 'race';
    state.embed = true;
    const query = serializePageState(state);
    expect(query).toContain('race.sync=lock');
    expect(query).toContain('embed=1');
    expect(query).toContain('factorial.start=spawn');
    expect(query).toContain('factorial.browser_start=pool');
    expect(parsePageState(`?${query}`)).toEqual(state);
  });

  it('keeps page switches it is given', () => {
    expect(serializePageState(defaultPageState(), { coi: '0' })).toBe('coi=0');
  });

  it('falls back to defaults for values out of range or unknown', () => {
    const state = parsePageState('?primes.limit=0&primes.workers=abc&race.sync=maybe&io.mode=fibers&race.runs=100000&nosuch.key=1&primes.browser_start=warm');
    expect(state).toEqual(defaultPageState());
  });

  it("takes a number within the core's range and falls back to the default outside it", () => {
    for (const definition of DEMO_LIST) {
      const card = (query: string) => parsePageState(`?${definition.id}.${query}`).cards[definition.id];
      const workers = integerParam('workers');
      expect(card(`workers=${workers.max}`).workers).toBe(workers.max);
      expect(card(`workers=${workers.max + 1}`).workers).toBe(definition.defaultWorkers);
      expect(card(`workers=${workers.min - 1}`).workers).toBe(definition.defaultWorkers);
      for (const spec of definition.params) {
        if (spec.kind === 'number') {
          const core = integerParam(spec.key);
          expect(card(`${spec.key}=${core.min}`).params[spec.key]).toBe(core.min);
          expect(card(`${spec.key}=${core.max}`).params[spec.key]).toBe(core.max);
          expect(card(`${spec.key}=${core.max + 1}`).params[spec.key], `${definition.id}.${spec.key}`).toBe(spec.default);
          if (core.min > 0) expect(card(`${spec.key}=${core.min - 1}`).params[spec.key]).toBe(spec.default);
        } else if (spec.kind === 'choice') {
          for (const choice of choiceParam(spec.key).choices) expect(card(`${spec.key}=${choice}`).params[spec.key]).toBe(choice);
        }
      }
    }
  });

  it('embeds only with a demo to show', () => {
    expect(parsePageState('?embed=1').embed).toBe(false);
    expect(parsePageState('?embed=1&demo=race')).toMatchObject({ embed: true, focus: 'race' });
    expect(parsePageState('?demo=unknown').focus).toBeNull();
  });
});

describe('requests built from card state', () => {
  it('leaves out parameters the core refuses in a mode and resets mode-only flags', () => {
    const race = DEMO_LIST.find((d) => d.id === 'race');
    if (!race) throw new Error('no race demo');
    const values = { increments: 10, sync: 'none', shared_memory: true, switch_interval_ms: 9 };
    expect(paramsForMode(race, 'threads', values)).toEqual({ increments: 10, sync: 'none', shared_memory: false });
    expect(paramsForMode(race, 'processes', values)).toEqual({ increments: 10, sync: 'none', shared_memory: true });
    expect(paramsForMode(race, 'gil-threads', values)).toMatchObject({ switch_interval_ms: 9 });
  });

  it('prints the equivalent cplay command', () => {
    expect(cplayCommand({ demo: 'race', mode: 'processes', workers: 3, params: { increments: 5, sync: 'lock', shared_memory: true } })).toBe(
      'cplay race --increments 5 --sync lock --shared-memory --workers 3 --mode processes --json',
    );
    expect(cplayCommand({ demo: 'io', mode: 'sequential', workers: 1, params: { tasks: 3, latency_ms: 1000 } })).toBe(
      'cplay io --tasks 3 --latency-ms 1000 --mode sequential --json',
    );
    // The race's sequential run keeps its loops (one per worker), so the command names them.
    expect(cplayCommand({ demo: 'race', mode: 'sequential', workers: 2, params: { increments: 5, sync: 'none' } })).toBe(
      'cplay race --increments 5 --sync none --workers 2 --mode sequential --json',
    );
    expect(cplayCommand({ demo: 'primes', mode: 'processes', workers: 2, start_method: 'spawn', params: { limit: 10 } })).toBe(
      'cplay primes --limit 10 --workers 2 --mode processes --start-method spawn --json',
    );
  });
});
