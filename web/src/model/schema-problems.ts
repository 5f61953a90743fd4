// Ajv's errors as short sentences that name the field, for the page to show: "result.largest is
// missing", "mode must be one of sequential, threads, …".
import type { ErrorObject } from 'ajv';

/** `/spans/0/end_ms` as `spans[0].end_ms`. */
function fieldName(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((name, part) => (/^\d+$/.test(part) ? `${name}[${part}]` : name ? `${name}.${part}` : part), '');
}

function within(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function describe(error: ErrorObject): string | null {
  const field = fieldName(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
    case 'discriminator':
      return null; // the failing rule, or the wrong `demo`, is reported on its own
    case 'required':
      return `${within(field, String(params.missingProperty))} is missing`;
    case 'additionalProperties':
      return `${within(field, String(params.additionalProperty))} is not expected here`;
    case 'false schema':
      return `${field} is not expected here`;
    case 'const':
      return `${field} must be ${JSON.stringify(params.allowedValue)}`;
    case 'enum':
      return `${field} must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    default:
      return `${field || 'the report'} ${error.message ?? 'does not match the report format'}`;
  }
}

/** One sentence per problem, each once. */
export function schemaProblems(errors: readonly ErrorObject[] | null | undefined): string[] {
  const sentences = (errors ?? []).map(describe).filter((sentence): sentence is string => sentence !== null);
  return [...new Set(sentences)];
}
