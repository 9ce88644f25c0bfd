/**
 * Validation against Ampeco's own OpenAPI 3.0 definitions of the operations we use
 * (spec/ampeco-openapi-booking.json, vendored into the repository: see spec/README.md).
 *
 * OpenAPI 3.0 schemas are not JSON Schema: they are converted first.
 * - `nullable: true` becomes `anyOf: [schema, {type: 'null'}]` (correct with `enum` and `allOf` too);
 * - `readOnly` properties are forbidden (and not required) in request bodies, `writeOnly` ones in
 *   responses, as OpenAPI 3.0 says;
 * - annotations ajv does not know (`example`, `discriminator`, `deprecated`, `x-…`) are dropped;
 * - the non-standard formats `datetime` and `integer` are defined.
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type SchemaObject = { [keyword: string]: unknown };
type Direction = 'request' | 'response';

interface MediaType {
  schema?: SchemaObject;
}
interface Operation {
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
}

export const OPENAPI_URL: URL = new URL('../../spec/ampeco-openapi-booking.json', import.meta.url);
export const openapi: OpenApiDocument = JSON.parse(readFileSync(OPENAPI_URL, 'utf8')) as OpenApiDocument;

/** The prefix of every path in the definitions (the API base is tenant host + `/public-api`). */
export const API_PREFIX = '/public-api';

export interface ValidationResult {
  valid: boolean;
  /** Readable ajv errors (`/data/0/id must be integer`), empty when valid. */
  errors: string[];
}

const DROPPED = new Set([
  'nullable',
  'readOnly',
  'writeOnly',
  'example',
  'discriminator',
  'xml',
  'externalDocs',
  'deprecated',
]);

function isObject(value: unknown): value is SchemaObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An OpenAPI 3.0 schema object as JSON Schema (draft 7), for a request body or a response. */
export function toJsonSchema(schema: unknown, direction: Direction): unknown {
  if (!isObject(schema)) return schema;
  const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
  const out: SchemaObject = {};
  const forbidden = new Set<string>();
  for (const [keyword, value] of Object.entries(schema)) {
    if (DROPPED.has(keyword) || keyword.startsWith('x-')) continue;
    if (keyword === 'properties' && isObject(value)) {
      const properties: SchemaObject = {};
      for (const [name, property] of Object.entries(value)) {
        if (isObject(property) && property[hidden] === true) forbidden.add(name);
        properties[name] = forbidden.has(name) ? false : toJsonSchema(property, direction);
      }
      out['properties'] = properties;
    } else if (keyword === 'items' || keyword === 'not' || keyword === 'additionalProperties') {
      out[keyword] = toJsonSchema(value, direction);
    } else if ((keyword === 'allOf' || keyword === 'anyOf' || keyword === 'oneOf') && Array.isArray(value)) {
      out[keyword] = value.map((member: unknown) => toJsonSchema(member, direction));
    } else {
      out[keyword] = value;
    }
  }
  if (Array.isArray(out['required'])) {
    out['required'] = (out['required'] as string[]).filter((name) => !forbidden.has(name));
  }
  return schema['nullable'] === true ? { anyOf: [out, { type: 'null' }] } : out;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const dateTime = ajv.formats['date-time'];
if (dateTime !== undefined) ajv.addFormat('datetime', dateTime);
ajv.addFormat('integer', /^-?\d+$/);

const TEMPLATES: readonly { template: string; pattern: RegExp; params: number }[] = Object.keys(openapi.paths)
  .map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    params: (template.match(/\{/g) ?? []).length,
  }))
  .sort((a, b) => a.params - b.params);

/**
 * The path template of the definitions that a concrete path or URL belongs to:
 * `http://h/public-api/resources/locations/v2.0/7?x=1` and `/resources/locations/v2.0/7` both
 * give `/public-api/resources/locations/v2.0/{location}`. Undefined when no template matches.
 */
export function templateOf(pathOrUrl: string): string | undefined {
  let path = new URL(pathOrUrl, 'http://path.invalid').pathname.replace(/\/+$/, '');
  if (!path.startsWith(`${API_PREFIX}/`)) path = API_PREFIX + path;
  if (openapi.paths[path] !== undefined) return path;
  return TEMPLATES.find((candidate) => candidate.pattern.test(path))?.template;
}

function operation(method: string, pathOrTemplate: string): { template: string; operation: Operation } {
  const template = templateOf(pathOrTemplate);
  const found = template === undefined ? undefined : openapi.paths[template]?.[method.toLowerCase()];
  if (template === undefined || !isObject(found)) {
    throw new Error(`No operation ${method.toUpperCase()} ${pathOrTemplate} in the OpenAPI definitions`);
  }
  return { template, operation: found as Operation };
}

const validators = new Map<string, ValidateFunction>();

function validator(key: string, schema: SchemaObject | undefined, direction: Direction): ValidateFunction {
  let validate = validators.get(key);
  if (validate === undefined) {
    if (schema === undefined) throw new Error(`No JSON schema for ${key}`);
    validate = ajv.compile(toJsonSchema(schema, direction) as SchemaObject);
    validators.set(key, validate);
  }
  return validate;
}

function result(validate: ValidateFunction, body: unknown): ValidationResult {
  const valid = validate(body);
  const errors = (validate.errors ?? []).map(
    (error: ErrorObject) =>
      `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
  );
  return { valid, errors: valid ? [] : errors };
}

/** The HTTP statuses the definitions declare for an operation. */
export function declaredStatuses(method: string, pathOrTemplate: string): number[] {
  return Object.keys(operation(method, pathOrTemplate).operation.responses ?? {}).map(Number);
}

/** Checks a JSON response body against the schema of that operation and status. Throws if the status is not declared. */
export function validateResponse(
  method: string,
  pathOrTemplate: string,
  status: number,
  body: unknown,
): ValidationResult {
  const { template, operation: op } = operation(method, pathOrTemplate);
  const response = op.responses?.[String(status)];
  if (response === undefined) throw new Error(`${method.toUpperCase()} ${template} declares no ${status} response`);
  const key = `${method.toUpperCase()} ${template} ${status}`;
  return result(validator(key, response.content?.['application/json']?.schema, 'response'), body);
}

/** Checks a JSON request body against the operation's requestBody schema. */
export function validateRequestBody(method: string, pathOrTemplate: string, body: unknown): ValidationResult {
  const { template, operation: op } = operation(method, pathOrTemplate);
  const key = `${method.toUpperCase()} ${template} request`;
  return result(validator(key, op.requestBody?.content?.['application/json']?.schema, 'request'), body);
}

function assertValid(what: string, checked: ValidationResult, body: unknown): void {
  if (!checked.valid) {
    const errors = checked.errors.join('\n  ');
    throw new Error(`${what} does not match Ampeco's OpenAPI definition:\n  ${errors}\nbody: ${JSON.stringify(body)}`);
  }
}

export function assertValidResponse(method: string, pathOrTemplate: string, status: number, body: unknown): void {
  assertValid(
    `${method.toUpperCase()} ${pathOrTemplate} → ${status}`,
    validateResponse(method, pathOrTemplate, status, body),
    body,
  );
}

export function assertValidRequestBody(method: string, pathOrTemplate: string, body: unknown): void {
  assertValid(
    `${method.toUpperCase()} ${pathOrTemplate} request body`,
    validateRequestBody(method, pathOrTemplate, body),
    body,
  );
}

/**
 * Reads a response's JSON body and asserts it matches the definition of the request's operation
 * and the response's status; returns the body.
 */
export async function validatedJson(request: Request, response: Response): Promise<unknown> {
  const body: unknown = await response.json();
  assertValidResponse(request.method, request.url, response.status, body);
  return body;
}
