/**
 * Spec-valid answers of Ampeco's OpenAPI definition (spec/ampeco-openapi-booking.json), for the
 * Node tests: `./answer-generator.js` on the definition read from disk. Browser tests use the
 * generator itself, with the definition they fetched.
 */
import {
  generateAnswer as generateIn,
  responseSchemaIn,
  variantCount as variantCountIn,
  type AnswerOptions,
} from './answer-generator.js';
import { openapi } from './openapi.js';

export { UNKNOWN_PROPERTY, type AnswerOptions, type Fill } from './answer-generator.js';

/** How many variants hold every `enum` value and every `oneOf`/`anyOf` member of the schema (default: Ampeco's definition). */
export const variantCount = (schema: unknown, document: unknown = openapi): number => variantCountIn(schema, document);

/** A spec-valid value of `schema` (default document: Ampeco's definition). */
export const generateAnswer = (
  schema: unknown,
  options: Omit<AnswerOptions, 'document'> & { document?: unknown },
): unknown => generateIn(schema, { ...options, document: options.document ?? openapi });

/** The JSON schema of an operation's answer in Ampeco's definition (path: a template). */
export const responseSchema = (method: string, template: string, status: number): unknown =>
  responseSchemaIn(openapi, method, template, status);
