// The contract's schemas (docs/schema) loaded into one Ajv instance, with the options that both
// the tests and the generated validators use.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';

export const SCHEMA_DIR = fileURLToPath(new URL('../../docs/schema/', import.meta.url));
export const SCHEMA_BASE = 'https://concurrency-playground.invalid/schema/';

/** Every `*.schema.json` file of docs/schema, parsed, by file name. */
export function readSchemas(): Map<string, Record<string, unknown>> {
  const files = readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.schema.json')).sort();
  return new Map(files.map((name) => [name, JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')) as Record<string, unknown>]));
}

/** A schema's `$id`: its file name under SCHEMA_BASE, so files refer to each other by name. */
export function schemaId(fileName: string, pointer = ''): string {
  return SCHEMA_BASE + fileName + (pointer ? `#${pointer}` : '');
}

export function createContractAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    // Unknown keywords, ignored keywords and loose types are errors. strictRequired stays off:
    // the schemas' if/then rules list properties that the enclosing schema declares, which
    // that rule cannot see.
    strict: true,
    strictRequired: false,
    allErrors: true,
    // `discriminator` picks the report's branch by `demo`, so errors come from that branch only.
    discriminator: true,
    // ES module source for the standalone validators the page imports (no eval in the browser).
    code: { source: true, esm: true, lines: true },
  });
  for (const [name, schema] of readSchemas()) {
    if (schema.$id !== schemaId(name)) throw new Error(`${name}: $id must be ${schemaId(name)}`);
    ajv.addSchema(schema);
  }
  return ajv;
}
