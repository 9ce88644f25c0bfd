/**
 * Spec-valid answers generated from an OpenAPI 3.0 definition given as a parsed document, so that
 * tests can prove the widget accepts whatever the definition allows, not only what a fixture
 * happens to send. No Node or browser API: the Node tests use it through `./spec-answers.js` (on
 * Ampeco's definition, read from spec/ampeco-openapi-booking.json), the browser tests with the
 * definition they fetched.
 *
 * The generator walks a schema object: `$ref` (local JSON pointers), `allOf` (members merged, with
 * `required` and `properties` from any member), `oneOf`/`anyOf` (one member, chosen by the
 * variant), `nullable`, `enum`, `default`, `type` (object, array, string, integer, number,
 * boolean), `minimum`/`maximum`/`multipleOf`, `minLength`/`maxLength`, `minItems`,
 * `additionalProperties`, `writeOnly` (left out of answers) and the formats the definition uses
 * (date-time, datetime, date, time, email, uri, url, integer).
 *
 * It does not check what it made: tests validate each answer against the definition with
 * `validateResponse` (./openapi.ts), which is what proves the generator right.
 */
type Schema = { [keyword: string]: unknown };

/** Which properties an answer has. */
export type Fill =
  /** Only those the definition requires (plus `alsoRequired`). */
  | 'required'
  /** All of them, none null, and one property the definition does not name in every open object. */
  | 'all'
  /** All of them, null wherever the definition allows null. */
  | 'nulls';

export interface AnswerOptions {
  fill: Fill;
  /**
   * The n-th value of every `enum` and the n-th member of every `oneOf`/`anyOf` (modulo their
   * lengths): variants 0 … `variantCount(schema) - 1` hold each of them at least once. Default 0.
   */
  variant?: number;
  /**
   * Properties to give even when the definition does not require them, as paths from the answer:
   * `data`, `data.id`, `data[].id` (`[]` is an array's items).
   */
  alsoRequired?: readonly string[];
  /** The document `$ref`s point into. */
  document: unknown;
}

/** A property the definition does not name, added by the `all` fill where objects are open. */
export const UNKNOWN_PROPERTY = 'propertyAddedLater';

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The schema a local `$ref` (`#/components/schemas/Booking`) points to, followed until it is no `$ref`. */
function dereference(schema: unknown, document: unknown, seen = new Set<string>()): Schema {
  if (!isSchema(schema)) return {};
  const ref = schema['$ref'];
  if (typeof ref !== 'string') return schema;
  if (!ref.startsWith('#') || seen.has(ref)) throw new Error(`Cannot resolve $ref ${ref}`);
  let target: unknown = document;
  for (const token of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isSchema(target) || Array.isArray(target) ? (target as Record<string, unknown>)[key] : undefined;
  }
  if (target === undefined) throw new Error(`Cannot resolve $ref ${ref}`);
  return dereference(target, document, seen.add(ref));
}

/** Whether a schema says anything about a value's type (an empty one, or one of only annotations, does not). */
const constrains = (schema: Schema): boolean =>
  ['type', 'enum', 'properties', 'items', 'format'].some((keyword) => keyword in schema);

/**
 * One schema without `$ref`, `allOf`, `oneOf` and `anyOf`: the members of `allOf` and the chosen
 * member of `oneOf`/`anyOf` merged into the schema's own keywords. Properties named by two members
 * become the `allOf` of both (flattened when generated). Null is allowed when the schema itself says
 * `nullable`, or when every member that constrains the type does (null must pass each of them).
 */
function flatten(schema: unknown, variant: number, document: unknown): Schema {
  const { allOf, oneOf, anyOf, ...own } = dereference(schema, document);
  const choices = list(oneOf).length ? list(oneOf) : list(anyOf);
  const members = [...list(allOf), ...(choices.length ? [choices[variant % choices.length]] : [])].map((member) =>
    flatten(member, variant, document),
  );
  if (!members.length) return own;
  const merged: Schema = { ...own };
  const properties: Schema = { ...(isSchema(own['properties']) ? own['properties'] : {}) };
  const required = new Set(list(own['required']) as string[]);
  for (const member of members) {
    for (const [keyword, value] of Object.entries(member)) {
      if (keyword === 'properties' && isSchema(value)) {
        for (const [name, property] of Object.entries(value)) {
          properties[name] = name in properties ? { allOf: [properties[name], property] } : property;
        }
      } else if (keyword === 'required') {
        for (const name of list(value) as string[]) required.add(name);
      } else if (keyword !== 'nullable' && !(keyword in merged)) {
        merged[keyword] = value;
      }
    }
  }
  const typed = members.filter(constrains);
  merged['nullable'] = own['nullable'] === true || (typed.length > 0 && typed.every((m) => m['nullable'] === true));
  if (Object.keys(properties).length) merged['properties'] = properties;
  if (required.size) merged['required'] = [...required];
  return merged;
}

/** How many variants hold every `enum` value and every `oneOf`/`anyOf` member of the schema at least once. */
export function variantCount(schema: unknown, document: unknown): number {
  const seen = new Set<unknown>();
  const count = (node: unknown): number => {
    if (!isSchema(node) || seen.has(node)) return 1;
    seen.add(node);
    const here = dereference(node, document);
    const children = [
      ...list(here['allOf']),
      ...list(here['oneOf']),
      ...list(here['anyOf']),
      ...Object.values(isSchema(here['properties']) ? here['properties'] : {}),
      here['items'],
      here['additionalProperties'],
    ];
    return Math.max(
      list(here['enum']).length,
      list(here['oneOf']).length,
      list(here['anyOf']).length,
      1,
      ...children.map(count),
    );
  };
  return count(schema);
}

/** Instants as Ampeco's Laravel writes them, and as RFC 3339 allows them. */
const INSTANTS = ['2026-03-01T10:00:00.000000Z', '2026-03-01T10:00:00Z', '2026-03-01T12:00:00+02:00'];

class Generator {
  /** Successive integers, so that ids differ. */
  #counter = 0;

  constructor(private readonly options: Required<AnswerOptions>) {}

  value(schema: unknown, path: string, depth = 0): unknown {
    if (depth > 32) throw new Error(`The schema at ${path} nests too deep (a $ref cycle?)`);
    const { fill, variant, document } = this.options;
    const flat = flatten(schema, variant, document);
    if (fill === 'nulls' && flat['nullable'] === true) return null;
    const choices = list(flat['enum']).filter((value) => value !== null);
    if (choices.length) return choices[variant % choices.length];
    const type =
      flat['type'] ??
      (flat['properties'] || flat['additionalProperties'] ? 'object' : flat['items'] ? 'array' : 'string');
    switch (type) {
      case 'object':
        return this.object(flat, path, depth);
      case 'array': {
        const length = Math.max(1, Number(flat['minItems'] ?? 0));
        return Array.from({ length }, () => this.value(flat['items'] ?? {}, `${path}[]`, depth + 1));
      }
      case 'integer':
        return this.number(flat, ++this.#counter);
      case 'number':
        return this.number(flat, 1.5);
      case 'boolean':
        return variant % 2 === 0;
      default:
        return this.string(flat);
    }
  }

  object(schema: Schema, path: string, depth: number): Record<string, unknown> {
    const { fill, alsoRequired } = this.options;
    const required = new Set(list(schema['required']) as string[]);
    for (const wanted of alsoRequired) {
      const cut = wanted.lastIndexOf('.');
      if ((cut < 0 ? '' : wanted.slice(0, cut)) === path) required.add(wanted.slice(cut + 1));
    }
    const properties = isSchema(schema['properties']) ? schema['properties'] : {};
    const answer: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(properties)) {
      if (fill === 'required' && !required.has(name)) continue;
      if (flatten(property, this.options.variant, this.options.document)['writeOnly'] === true) continue;
      answer[name] = this.value(property, path ? `${path}.${name}` : name, depth + 1);
    }
    // A required name without a schema of its own may be anything.
    for (const name of required) if (!(name in answer)) answer[name] = 'any value';
    const more = schema['additionalProperties'];
    if (fill === 'all' && more !== false) {
      answer[UNKNOWN_PROPERTY] = isSchema(more) ? this.value(more, `${path}.*`, depth + 1) : 'not in the definition';
    }
    return answer;
  }

  number(schema: Schema, preferred: number): number {
    const step = Number(schema['multipleOf'] ?? 0);
    let value = step > 0 ? step * Math.max(1, Math.round(preferred / step)) : preferred;
    if (typeof schema['minimum'] === 'number') value = Math.max(value, schema['minimum']);
    if (typeof schema['maximum'] === 'number') value = Math.min(value, schema['maximum']);
    return value;
  }

  string(schema: Schema): string {
    const { variant } = this.options;
    if (typeof schema['default'] === 'string') return schema['default'];
    switch (schema['format']) {
      case 'date-time':
      case 'datetime':
        return INSTANTS[variant % INSTANTS.length]!;
      case 'date':
        return '2026-03-01';
      case 'time':
        return '10:00:00Z';
      case 'email':
        return 'driver@example.com';
      case 'uri':
      case 'url':
        return 'https://tenant.example/page';
      case 'integer':
        return String(++this.#counter);
    }
    const minimum = Number(schema['minLength'] ?? 0);
    const maximum = Number(schema['maxLength'] ?? Infinity);
    return 'text'.padEnd(minimum, 'x').slice(0, maximum);
  }
}

/** A spec-valid value of `schema` (an answer's body, when given a response schema). */
export function generateAnswer(schema: unknown, options: AnswerOptions): unknown {
  return new Generator({
    fill: options.fill,
    variant: options.variant ?? 0,
    alsoRequired: options.alsoRequired ?? [],
    document: options.document,
  }).value(schema, '');
}

/** The JSON schema of an operation's answer with this status, as `document` writes it (path: a template). */
export function responseSchemaIn(document: unknown, method: string, template: string, status: number): unknown {
  const paths = isSchema(document) && isSchema(document['paths']) ? document['paths'] : {};
  const path = paths[template];
  const operation = isSchema(path) ? path[method.toLowerCase()] : undefined;
  const responses = isSchema(operation) && isSchema(operation['responses']) ? operation['responses'] : {};
  const response = dereference(responses[String(status)], document);
  const content = isSchema(response['content']) ? response['content'] : {};
  const media = isSchema(content['application/json']) ? content['application/json'] : {};
  if (!('schema' in media)) throw new Error(`No JSON answer for ${method} ${template} ${status}`);
  return media['schema'];
}
