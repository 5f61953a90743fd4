// The cards' inputs come from the core's catalog: each is an input the core takes for that demo
// (its own, or one of a mode's), with the core's range, choices and default.
import { describe, expect, it } from 'vitest';
import { DEMO_LIST } from '../../web/src/demos/catalog';
import { numberInput } from '../../web/src/demos/catalog-inputs';
import { CATALOG, catalogParam, modesTaking } from '../../web/src/model/catalog';

describe('card inputs from the catalog', () => {
  it.each(DEMO_LIST.map((definition) => [definition.id, definition] as const))('%s takes only what the core takes', (id, definition) => {
    const demo = CATALOG.demos.find((entry) => entry.name === id);
    expect(demo, `the catalog has no demo ${id}`).toBeDefined();
    for (const spec of definition.params) {
      const own = demo?.params.includes(spec.key) ?? false;
      expect(own || modesTaking(spec.key).length > 0, `${id} shows ${spec.key}, which the core refuses for it`).toBe(true);
      const core = catalogParam(spec.key);
      expect(spec.kind).toBe(core.kind === 'integer' ? 'number' : core.kind);
      if (spec.kind === 'number' && core.kind === 'integer') {
        expect([spec.min, spec.max]).toEqual([core.min, core.max]);
        // Only the primes card starts away from the core's default (the lesson's limit is too quick to time).
        if (!(id === 'primes' && spec.key === 'limit')) expect(spec.default).toBe(core.default);
      }
      if (spec.kind === 'choice' && core.kind === 'choice') expect([spec.choices, spec.default]).toEqual([core.choices, core.default]);
    }
  });

  it("scopes a mode's own input to that mode", () => {
    const gilOnly = DEMO_LIST.flatMap((definition) => definition.params).filter((spec) => modesTaking(spec.key).length > 0);
    expect(gilOnly.length).toBeGreaterThan(0);
    for (const spec of gilOnly) expect(spec).toMatchObject({ onlyIn: modesTaking(spec.key), rejectedElsewhere: true });
  });

  it("refuses a page default outside the core's range", () => {
    const tasks = catalogParam('tasks');
    if (tasks.kind !== 'integer') throw new Error('tasks is not an integer input');
    expect(() => numberInput('tasks', { label: 'Tasks', help: '', pageDefault: tasks.max + 1 })).toThrow(
      `--tasks: the page's default ${tasks.max + 1} is outside the core's range ${tasks.min} to ${tasks.max}`,
    );
    expect(() => numberInput('no_such_input', { label: '', help: '' })).toThrow(/no parameter no_such_input/);
  });
});
