// Helpers of the contract-*.test.ts suites: the schemas of docs/schema compiled once per file, an
// experiment's report from the native CLI, and the checks every suite makes with them: a real
// document matches, and the schema refuses that document with a field renamed or missing (each
// refusal starts from a document the schema accepts, so it is the edit that is refused).
import { spawnSync } from 'node:child_process';
import type { ValidateFunction } from 'ajv';
import { expect } from 'vitest';

import { createContractAjv, schemaId } from '../../scripts/contract/ajv';
import { CPLAY } from './e2e-support/server';

export type Json = Record<string, unknown>;

/** Where a field is: the keys (and array indexes) from the document down to it. */
export type FieldPath = readonly [...(string | number)[], string];

const ajv = createContractAjv();

/** The validator of a schema file of docs/schema, or of a definition in it named by a JSON pointer. */
export function contractSchema(file: string, pointer = ''): ValidateFunction {
  const validate = ajv.getSchema(schemaId(file, pointer));
  if (!validate) throw new Error(`no schema ${file}${pointer ? `#${pointer}` : ''}`);
  return validate;
}

/** The value matches; on failure the message shows Ajv's errors and the start of the document. */
export function expectValid(validate: ValidateFunction, value: unknown): void {
  expect(validate(value), `${JSON.stringify(validate.errors)}\nin ${JSON.stringify(value).slice(0, 600)}`).toBe(true);
}

/** `cplay <experiment> ...args --json`: its exit status and the one report it printed. */
export function cplayReport(experiment: string, args: string[]): { status: number | null; report: Json } {
  const out = spawnSync(CPLAY, [experiment, ...args, '--json'], { encoding: 'utf8', timeout: 60_000 });
  return { status: out.status, report: JSON.parse(out.stdout) as Json };
}

/** `text` (what a wasm entry point answered) parsed: an error report whose message says `messagePart`. */
export function expectErrorReport(text: string, messagePart: string): { error: { code: string; message: string } } {
  const report = JSON.parse(text) as { error: { code: string; message: string } };
  expectValid(contractSchema('error-report.schema.json'), report);
  expect(report.error.message).toContain(messagePart);
  return report;
}

/** The schema refuses `document` once the field at `path` is renamed to `newName`, its value kept. */
export function expectRefusesRenamedField(validate: ValidateFunction, document: Json, path: FieldPath, newName: string): void {
  const renamed = withFieldEdited(validate, document, path, (object, field) => {
    const { [field]: value, ...rest } = object;
    return { ...rest, [newName]: value };
  });
  expect(validate(renamed), `${path.join('.')} renamed to ${newName}`).toBe(false);
}

/** The schema refuses `document` without the field at `path`. */
export function expectRefusesMissingField(validate: ValidateFunction, document: Json, path: FieldPath): void {
  const removed = withFieldEdited(validate, document, path, (object, field) => {
    const { [field]: _removed, ...rest } = object;
    return rest;
  });
  expect(validate(removed), `${path.join('.')} removed`).toBe(false);
}

/**
 * A copy of `document` in which the object holding the field at `path` is `edit` of it; the objects
 * and arrays on the way down are copied, the rest shared. Checks first that `validate` accepts
 * `document` and that the field is there, so that a refusal is the edit's doing.
 */
function withFieldEdited(
  validate: ValidateFunction,
  document: Json,
  path: FieldPath,
  edit: (object: Json, field: string) => Json,
): Json {
  expectValid(validate, document);
  const field = path[path.length - 1] as string;
  const copyDown = (value: unknown, steps: readonly (string | number)[]): unknown => {
    const [step, ...rest] = steps;
    if (step === undefined) {
      expect(value, `${path.join('.')} is in the document`).toHaveProperty([field]);
      return edit(value as Json, field);
    }
    if (Array.isArray(value)) return value.map((item, index) => (index === step ? copyDown(item, rest) : item));
    const object = value as Json;
    return { ...object, [step]: copyDown(object[step], rest) };
  };
  return copyDown(document, path.slice(0, -1)) as Json;
}
