/**
 * A small JSON Schema (2020-12) validator for the subset that `docs/openapi.json` uses, so that the
 * tests can check answers against the document without a dependency.
 *
 * Assertions: `type` (one or a list; `integer` is a whole number), `enum`, `const`, `properties`,
 * `required`, `additionalProperties` (boolean or schema), `items`, `minItems`, `maxItems`,
 * `minimum`, `maximum`, `minLength`, `maxLength` (in code points), `pattern` (ECMAScript, `u` flag),
 * `format: date-time` (checked loosely: RFC 3339 shape and a real date), `$ref` to a JSON pointer
 * within the document (`#/components/schemas/...`), `allOf`, `anyOf`, `oneOf`.
 * Annotations (descriptions, defaults, examples, other formats, OpenAPI's `discriminator`) are
 * ignored. Any other keyword throws, so that a schema never passes because a keyword went unchecked.
 */

export type Schema = boolean | SchemaObject;

export interface SchemaObject {
  $ref?: string;
  type?: JsonType | JsonType[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  [annotation: string]: unknown;
}

export type JsonType = 'null' | 'boolean' | 'object' | 'array' | 'number' | 'integer' | 'string';

export interface SchemaError {
  /** A JSON pointer into the value, `''` for the value itself. */
  path: string;
  message: string;
}

const ASSERTIONS = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'allOf',
  'anyOf',
  'oneOf',
]);
const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'examples',
  'example',
  'deprecated',
  'readOnly',
  'writeOnly',
  'discriminator',
  'externalDocs',
  'xml',
  '$comment',
]);

// RFC 3339 date-time: date, `T`, time with optional fractions, and `Z` or an offset.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/** The JSON type of `value`, as a schema's `type` names it (`integer` only as a kind of `number`). */
export function jsonType(value: unknown): Exclude<JsonType, 'integer'> | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'boolean':
    case 'number':
    case 'string':
    case 'object':
      return typeof value as 'boolean' | 'number' | 'string' | 'object';
    default:
      return 'undefined';
  }
}

/** Whether two JSON values are equal (`enum`, `const`). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const type = jsonType(a);
  if (type !== jsonType(b)) return false;
  if (type === 'array') {
    const [x, y] = [a as unknown[], b as unknown[]];
    return x.length === y.length && x.every((item, index) => jsonEqual(item, y[index]));
  }
  if (type === 'object') {
    const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
    const keys = Object.keys(x);
    return (
      keys.length === Object.keys(y).length && keys.every((key) => Object.hasOwn(y, key) && jsonEqual(x[key], y[key]))
    );
  }
  return false;
}

/** The value at a local JSON pointer (`#/components/schemas/Capacity`) in `root`; throws when there is none. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) throw new Error(`Only local references are supported: ${ref}`);
  const tokens = ref === '#' ? [] : ref.slice(1).split('/').slice(1);
  let node = root;
  for (const raw of tokens) {
    const token = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, token)) {
      throw new Error(`Unresolvable reference ${ref}`);
    }
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function pointer(path: string, key: string | number): string {
  return `${path}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}

/** Every way `value` breaks `schema`; empty when it conforms. `$ref`s resolve against `root`. */
export function validate(value: unknown, schema: Schema, root: unknown = schema): SchemaError[] {
  const errors: SchemaError[] = [];
  check(value, schema, root, '', errors);
  return errors;
}

function check(value: unknown, schema: Schema, root: unknown, path: string, errors: SchemaError[]): void {
  const fail = (message: string, at = path): void => void errors.push({ path: at, message });
  if (schema === true) return;
  if (schema === false) return fail('no value is allowed here');

  for (const keyword of Object.keys(schema)) {
    if (!ASSERTIONS.has(keyword) && !ANNOTATIONS.has(keyword))
      throw new Error(`Unsupported schema keyword “${keyword}” at ${path || '/'}`);
  }

  if (schema.$ref !== undefined) check(value, resolvePointer(root, schema.$ref) as Schema, root, path, errors);

  const type = jsonType(value);
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = types.some((expected) =>
      expected === 'integer' ? type === 'number' && Number.isInteger(value) : expected === type,
    );
    if (!ok) return fail(`expected ${types.join(' or ')}, got ${type === 'number' ? String(value) : type}`);
  }
  if (schema.enum !== undefined && !schema.enum.some((option) => jsonEqual(option, value))) {
    fail(`expected one of ${JSON.stringify(schema.enum)}, got ${JSON.stringify(value)}`);
  }
  if ('const' in schema && !jsonEqual(schema.const, value)) {
    fail(`expected ${JSON.stringify(schema.const)}, got ${JSON.stringify(value)}`);
  }

  if (type === 'number') {
    const number = value as number;
    if (schema.minimum !== undefined && number < schema.minimum)
      fail(`${number} is below the minimum ${schema.minimum}`);
    if (schema.maximum !== undefined && number > schema.maximum)
      fail(`${number} is above the maximum ${schema.maximum}`);
  }

  if (type === 'string') {
    const text = value as string;
    // In code points, as JSON Schema counts: a surrogate pair is one character.
    const length = text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
    if (schema.minLength !== undefined && length < schema.minLength)
      fail(`shorter than ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && length > schema.maxLength) fail(`longer than ${schema.maxLength} characters`);
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(text)) {
      fail(`${JSON.stringify(text)} does not match ${schema.pattern}`);
    }
    if (schema.format === 'date-time' && !(DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)))) {
      fail(`${JSON.stringify(text)} is not a date-time`);
    }
  }

  if (type === 'array') {
    const items = value as unknown[];
    if (schema.minItems !== undefined && items.length < schema.minItems) fail(`fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && items.length > schema.maxItems) fail(`more than ${schema.maxItems} items`);
    const itemSchema = schema.items;
    if (itemSchema !== undefined)
      items.forEach((item, index) => check(item, itemSchema, root, pointer(path, index), errors));
  }

  if (type === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!Object.hasOwn(object, name)) fail(`missing required property “${name}”`);
    }
    const properties = schema.properties ?? {};
    for (const [name, member] of Object.entries(object)) {
      const propertySchema = Object.hasOwn(properties, name) ? properties[name] : schema.additionalProperties;
      if (propertySchema === false) fail(`unexpected property “${name}”`, pointer(path, name));
      else if (propertySchema !== undefined) check(member, propertySchema, root, pointer(path, name), errors);
    }
  }

  for (const sub of schema.allOf ?? []) check(value, sub, root, path, errors);
  if (schema.anyOf !== undefined && !schema.anyOf.some((sub) => validate(value, sub, root).length === 0)) {
    fail('matches none of anyOf');
  }
  if (schema.oneOf !== undefined) {
    const matches = schema.oneOf.filter((sub) => validate(value, sub, root).length === 0).length;
    if (matches !== 1) fail(`matches ${matches} of oneOf, not exactly one`);
  }
}
