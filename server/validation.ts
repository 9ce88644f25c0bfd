/**
 * Validation of request bodies with the widget's own zod schemas (src/api/schemas.ts), answered
 * as Ampeco answers a 422 (`{message, errors: {field: [message]}}`), plus what a schema cannot
 * see: time frames that end before they start, an availability check over more than 7 days, a
 * booking longer than the configured maximum.
 */
import type { MiddlewareHandler } from 'hono';
import * as z from 'zod/mini';
import { AvailabilityBody, CreateBookingRequestBody, isEmail } from '../src/api/schemas.js';
import { sendJson } from './respond.js';
import { printable } from './routes-query.js';
import { isObject, record, type GatewayEnv, type Json } from './types.js';

/** v2 create (SPEC §4 step 5): Ampeco's create body with the driver's `email` instead of `userId`. */
export const CreateBookingBody = z.extend(z.omit(CreateBookingRequestBody, { userId: true }), {
  email: z.string().check(z.refine(isEmail, 'must be an email address')),
});
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

/** v2 cancel (SPEC §4 step 8). */
export const CancelBookingBody = z.strictObject({
  type: z.literal('cancel'),
  bookingId: CreateBookingRequestBody.shape.locationId,
});
export type CancelBookingBody = z.infer<typeof CancelBookingBody>;

export { AvailabilityBody };

interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
}

/** Ampeco-shaped 422 field messages for the schema's issues. */
export function fieldErrors(issues: readonly ZodIssueLike[], input: unknown): Record<string, string[]> {
  const errors = record<string[]>();
  const add = (field: string, message: string): void => {
    (errors[field] ??= []).push(message);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) add(printable(key), `The ${printable(key)} field is not allowed.`);
      continue;
    }
    const field = issue.path.map(String).join('.');
    if (field === '') {
      add('body', 'The request body must be a JSON object.');
    } else if (isObject(input) && !Object.hasOwn(input, field)) {
      add(field, `The ${field} field is required.`);
    } else if (issue.code === 'invalid_value' && issue.values !== undefined) {
      add(field, `The ${field} field must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.`);
    } else if (issue.code === 'invalid_type') {
      add(field, `The ${field} field must be of type ${String(issue.expected)}.`);
    } else if (issue.code === 'invalid_format') {
      add(field, `The ${field} field must be an ISO 8601 UTC date-time like 2026-03-01T10:00:00Z.`);
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      add(field, `The ${field} field is out of range.`);
    } else if (field === 'email') {
      add(field, 'The email field must be a valid email address.');
    } else {
      add(field, `The ${field} field is invalid.`);
    }
  }
  return errors;
}

/** A UUID in its canonical text form, any version. */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const AVAILABILITY_MAX_MS = 7 * 24 * 3_600_000;

/** Field messages for time frames: `to` after `from`, and not longer than `max`. */
function spanErrors(body: Json, from: string, to: string, max: number, tooLong: string): Record<string, string[]> {
  const errors = record<string[]>();
  if (!isObject(body)) return errors;
  const length = Date.parse(String(body[to])) - Date.parse(String(body[from]));
  if (!(length > 0)) errors[to] = [`The ${to} field must be a date after ${from}.`];
  else if (length > max) errors[to] = [tooLong];
  return errors;
}

export const INVALID_DATA = 'The given data was invalid.';

type Schema = z.ZodMiniType;

/**
 * Validates `c.var.body` against the schema `choose` picks for it (and its time frames); 422 with
 * field messages otherwise. On success, `c.var.body` holds the parsed value.
 */
function validated(
  choose: (input: Json) => Schema | Record<string, string[]>,
  extraErrors: (value: Json) => Record<string, string[]>,
): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    const input = c.get('body');
    const schema = choose(input);
    if (!('_zod' in schema)) return sendJson(c, 422, { message: INVALID_DATA, errors: schema });
    const parsed = (schema as Schema).safeParse(input);
    if (!parsed.success) {
      return sendJson(c, 422, { message: INVALID_DATA, errors: fieldErrors(parsed.error.issues, input) });
    }
    const errors = extraErrors(parsed.data as Json);
    if (Object.keys(errors).length > 0) return sendJson(c, 422, { message: INVALID_DATA, errors });
    c.set('body', parsed.data as Json);
    await next();
  };
}

export const validAvailability = validated(
  () => AvailabilityBody,
  (body) =>
    spanErrors(
      body,
      'startAfter',
      'endBefore',
      AVAILABILITY_MAX_MS,
      'The endBefore field must be at most 7 days after startAfter.',
    ),
);

/** `type: "create"` or `"cancel"`; anything else (`"update"` included) is refused by name. */
export function validBookingRequest(maxBookingMs: number): MiddlewareHandler<GatewayEnv> {
  return validated(
    (input) => {
      const type = isObject(input) ? input['type'] : undefined;
      if (type === 'cancel') return CancelBookingBody;
      if (typeof type === 'string' && type !== 'create') {
        return { type: ['The type field must be "create" or "cancel".'] };
      }
      return CreateBookingBody;
    },
    (body) => {
      if (!isObject(body) || body['type'] !== 'create') return {};
      const errors = spanErrors(
        body,
        'startAt',
        'endAt',
        maxBookingMs,
        `A booking must not be longer than ${maxBookingMs / 60_000} minutes.`,
      );
      const externalId = body['externalId'];
      if (typeof externalId === 'string' && !UUID.test(externalId)) {
        // `filter[externalId]` finds only UUIDs again (SPEC §9).
        errors['externalId'] = ['The externalId field must be a UUID.'];
      }
      return errors;
    },
  );
}
