// docs/schema/request.schema.json states the names and ranges of a request for clients; the core's
// catalog states them for validation. They must be the same: every enum, every integer range,
// and which params each demo takes.
import catalog from 'virtual:catalog';
import { describe, expect, it } from 'vitest';
import { readSchemas } from '../../scripts/contract/ajv';

type Schema = { enum?: unknown[]; minimum?: number; maximum?: number; properties?: Record<string, Schema> };

const request = readSchemas().get('request.schema.json') as { properties: Record<string, Schema>; $defs: Record<string, Schema> };
const defs = request.$defs;
const choicesOf = (key: string) => {
  const param = catalog.params.find((entry) => entry.key === key);
  if (param?.kind !== 'choice') throw new Error(`the catalog has no choice input ${key}`);
  return param.choices;
};

describe('the request schema and the core catalog', () => {
  it('name the same demos, modes, start methods, syncs and algorithms', () => {
    expect(defs.Demo?.enum).toEqual(catalog.demos.map((demo) => demo.name));
    expect(defs.Mode?.enum).toEqual(choicesOf('mode'));
    expect(defs.Mode?.enum).toEqual(catalog.modes.map((mode) => mode.name));
    expect(defs.StartMethod?.enum).toEqual(choicesOf('start_method'));
    expect(defs.Sync?.enum).toEqual(choicesOf('sync'));
    expect(defs.Algorithm?.enum).toEqual(choicesOf('algorithm'));
  });

  it('give every integer input the same range', () => {
    const params = request.properties.params?.properties ?? {};
    for (const param of catalog.params) {
      const schema = param.in === 'request' ? request.properties[param.key] : params[param.key];
      expect(schema, `the schema has no ${param.key}`).toBeDefined();
      if (param.kind === 'integer') expect([schema?.minimum, schema?.maximum], param.key).toEqual([param.min, param.max]);
    }
    const inputs = catalog.params.filter((param) => param.in === 'params').map((param) => param.key);
    expect(Object.keys(params).sort()).toEqual(inputs.sort());
  });

  it("give each demo the same params (its own and the modes')", () => {
    const modeParams = catalog.modes.flatMap((mode) => mode.params);
    for (const demo of catalog.demos) {
      const title = `${demo.name[0]?.toUpperCase() ?? ''}${demo.name.slice(1)}Params`;
      expect(Object.keys(defs[title]?.properties ?? {}).sort(), title).toEqual([...demo.params, ...modeParams].sort());
    }
  });
});
