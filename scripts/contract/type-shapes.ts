// The schemas as json-schema-to-typescript should see them: shapes only. Conditional rules
// (if/then/else, not, dependentRequired) have no TypeScript counterpart, and the tool would
// turn each list of them into an index signature that loosens every type it is joined to; the
// validators check them at run time instead.
type Schema = Record<string, unknown>;
type SchemaFiles = Map<string, Schema>;

const RULE_KEYWORDS = new Set(['if', 'then', 'else', 'not', 'dependentRequired', 'discriminator']);
const SHAPE_KEYWORDS = ['properties', 'items', 'enum', 'const', 'oneOf', 'anyOf', 'required', 'additionalProperties'];

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema a `$ref` names: `file.json#/pointer` or `#/pointer` within `file`. */
function resolve(files: SchemaFiles, file: string, ref: string): { file: string; schema: unknown } {
  const [target = '', pointer = ''] = ref.split('#');
  const name = target || file;
  let schema: unknown = files.get(name);
  for (const key of pointer.split('/').slice(1)) schema = isSchema(schema) ? schema[key] : undefined;
  if (schema === undefined) throw new Error(`${file}: $ref ${ref} names nothing`);
  return { file: name, schema };
}

/** True when a schema only adds rules: it declares no shape of its own. */
function onlyRules(files: SchemaFiles, file: string, schema: unknown, seen = new Set<unknown>()): boolean {
  if (!isSchema(schema) || seen.has(schema)) return false;
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    const target = resolve(files, file, schema.$ref);
    return onlyRules(files, target.file, target.schema, seen);
  }
  if (SHAPE_KEYWORDS.some((keyword) => keyword in schema)) return false;
  const parts = Array.isArray(schema.allOf) ? schema.allOf : [];
  return parts.every((part) => onlyRules(files, file, part, seen));
}

function withoutRules(files: SchemaFiles, file: string, value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutRules(files, file, item));
  if (!isSchema(value)) return value;
  const out: Schema = {};
  for (const [key, child] of Object.entries(value)) {
    if (RULE_KEYWORDS.has(key)) continue;
    if (key === 'allOf' && Array.isArray(child)) {
      const shapes = child.filter((part) => !onlyRules(files, file, part));
      if (shapes.length > 0) out.allOf = withoutRules(files, file, shapes);
      continue;
    }
    out[key] = withoutRules(files, file, child);
  }
  return out;
}

/** Each schema file without its rules, by file name. */
export function typeShapes(files: SchemaFiles): SchemaFiles {
  return new Map([...files].map(([name, schema]) => [name, withoutRules(files, name, schema) as Schema]));
}
