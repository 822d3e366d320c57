// A minimal JSON Schema (draft-07) validator for the keywords the Threat Dragon v2 and OTM schemas
// use. Why not ajv: it is in node_modules only as a transitive dependency of electron-builder, so
// it is not ours to rely on, and adding packages is not allowed. Why not a hand-written zod mirror:
// a mirror drifts from the published file; this validates against the file itself.
//
// It fails closed: a keyword it does not implement throws, so a schema update that starts using,
// say, `additionalProperties` or `pattern` cannot pass silently.

type Schema = Record<string, unknown>;

/** Keywords that only describe and never constrain. `nullable` is OpenAPI, not JSON Schema:
 * draft-07 validators ignore it (so `type: "string"` still rejects null), and so do we. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'nullable', 'definitions', 'default', 'examples']);
const CHECKED = new Set(['type', 'properties', 'required', 'items', 'minLength', 'maxLength', 'minimum', '$ref', 'oneOf']);

export interface SchemaError {
  readonly path: string;
  readonly message: string;
}

export function validateJsonSchema(root: Schema, value: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  check(root, root, value, '$', errors);
  return errors;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function resolve(root: Schema, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Schema)[part];
  if (typeof node !== 'object' || node === null) throw new Error(`unresolved $ref ${ref}`);
  return node as Schema;
}

function check(root: Schema, schema: Schema, value: unknown, path: string, errors: SchemaError[]): void {
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword)) throw new Error(`json-schema.ts does not implement "${keyword}" (at ${path})`);
  }
  const fail = (message: string): void => {
    errors.push({ path, message });
  };

  if (typeof schema['$ref'] === 'string') check(root, resolve(root, schema['$ref']), value, path, errors);

  if (schema['type'] !== undefined) {
    const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
    if (!types.some((t) => matchesType(value, t))) {
      fail(`must be ${types.join(' or ')}, got ${typeOf(value)}`);
      return;
    }
  }
  if (Array.isArray(schema['oneOf'])) {
    const passing = (schema['oneOf'] as Schema[]).filter((s) => validateSub(root, s, value)).length;
    if (passing !== 1) fail(`must match exactly one of ${(schema['oneOf'] as unknown[]).length} schemas, matches ${passing}`);
  }
  if (typeof value === 'string') {
    if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength']) fail(`shorter than ${schema['minLength']}`);
    if (typeof schema['maxLength'] === 'number' && [...value].length > schema['maxLength']) fail(`longer than ${schema['maxLength']}`);
  }
  if (typeof value === 'number' && typeof schema['minimum'] === 'number' && value < schema['minimum']) fail(`less than ${schema['minimum']}`);
  if (typeOf(value) === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of (schema['required'] as string[] | undefined) ?? []) if (!(key in object)) fail(`missing required "${key}"`);
    const properties = (schema['properties'] as Record<string, Schema> | undefined) ?? {};
    for (const [key, sub] of Object.entries(properties)) if (key in object) check(root, sub, object[key], `${path}.${key}`, errors);
  }
  if (Array.isArray(value) && typeof schema['items'] === 'object' && schema['items'] !== null) {
    value.forEach((item, i) => check(root, schema['items'] as Schema, item, `${path}[${i}]`, errors));
  }
}

function validateSub(root: Schema, schema: Schema, value: unknown): boolean {
  const errors: SchemaError[] = [];
  check(root, schema, value, '', errors);
  return errors.length === 0;
}
