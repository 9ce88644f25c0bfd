/**
 * zod schemas of the Ampeco Public API responses and request bodies the widget uses.
 *
 * They are the single source of the data types (`z.infer`). Responses are parsed leniently:
 * fields the widget does not use are allowed and kept out of the types; fields it relies on
 * are checked. Request bodies are checked strictly, by the widget before sending and by the
 * proxy before forwarding.
 *
 * Size: these schemas ship in the ≤ 20 KB gzip script-tag bundle, so they use only the smallest
 * part of `zod/mini` (object, strictObject, string, number, boolean, array, optional, nullable,
 * custom, check, refine). Integers, instants, enums, literals, unions and records are checks
 * (`rule`) rather than zod's own schemas (z.int, z.iso.datetime, z.enum, z.literal, z.union,
 * z.record), which would add ~3 KB gzip; `rule` reports the same issue codes (`invalid_format`,
 * `invalid_value` with `values`, `too_big`) so that the proxy's 422 field messages stay precise.
 */
import * as z from 'zod/mini';
import { OpenWindowList } from './windows.js';
import { id, instant, list, maybe, one, oneOf, positive, ref, rule, str } from './schema-parts.js';

export type { Booking, BookedEvse, BookingRequest, BookingRequestStatus } from './booking-schemas.js';

/**
 * ISO 8601 UTC instant with seconds and optional fractional seconds, as everything sent upstream
 * is (what `z.iso.datetime()` accepts: `2026-03-01T10:00:00Z`, `…:00.5Z`; not offsets, not local
 * times, not 24:00, not 30 February).
 */
export const UtcInstant = z.string().check(
  rule(
    (value: string) =>
      // The first 19 characters are what the date's own ISO form begins with: so they are
      // `YYYY-MM-DDThh:mm:ss` (4-digit year, hours 00-23) and the date exists (Date.parse accepts
      // 30 February, its round trip does not; month 13 gives no date at all, whose toJSON is null).
      new Date(value).toJSON()?.slice(0, 19) === value.slice(0, 19) &&
      // Then optional fractional seconds and `Z`.
      /^(\.\d+)?Z$/.test(value.slice(19)),
    'must be an ISO 8601 UTC date-time',
    { code: 'invalid_format', format: 'datetime' },
  ),
);

/**
 * An email address as the widget accepts it and the proxy forwards it to the users search: one
 * `@`, a non-empty local part, a dotted domain of non-empty labels, at most 254 characters, and no
 * whitespace, control characters or `%`, `*`, `,` (which a lenient upstream filter could read as
 * "match many").
 */
export function isEmail(value: string): boolean {
  // No whitespace, control characters or `% * ,` anywhere; the local part, then dot-separated
  // domain labels, none holding `@`.
  // eslint-disable-next-line no-control-regex
  return value.length <= 254 && !/[\s\0-\x1f\x7f%*,]/.test(value) && /^[^@]+@[^@.]+(\.[^@.]+)+$/.test(value);
}

export const Translation = z.object({
  locale: str,
  translation: str,
});
export type Translation = z.infer<typeof Translation>;

/**
 * A location (v2.0). The definition requires only `name`, `geoposition`, `address`, `city`,
 * `country` and `roamingOperatorId`; the widget reads `name` and `timezone` (both may be missing:
 * it falls back to a generic heading and the page's zone), and `address` and `city` for the
 * confirmation card and the calendar event's place. `id` is optional there ("readOnly"):
 * the widget knows its location from `location-id`.
 */
export const Location = z.object({
  id: ref,
  name: maybe(z.array(Translation)),
  timezone: str,
  address: maybe(z.array(Translation)),
  city: str,
});
export type Location = z.infer<typeof Location>;
export const LocationResponse = one(Location);

export const ChargePoint = z.object({
  id,
  name: str,
  locationId: ref,
  status: str,
});
export type ChargePoint = z.infer<typeof ChargePoint>;
export const ChargePointList = list(ChargePoint);

/** The definition requires `id` and `type`; the widget reads only `type` (shown by name). */
export const Connector = z.object({
  id: ref,
  type: z.string(),
  format: str,
  status: str,
  /** Not in Ampeco's OpenAPI definition but present in its booking docs; shown when given. */
  maxPowerWh: maybe(z.number()),
});
export type Connector = z.infer<typeof Connector>;

export const Evse = z.object({
  id,
  physicalReference: str,
  label: str,
  currentType: maybe(oneOf('ac', 'dc')),
  networkId: str,
  status: str,
  bookingEnabled: maybe(z.custom<boolean>((v) => typeof v === 'boolean')),
  /** `maxPower` in watts. */
  powerOptions: maybe(z.object({ maxPower: maybe(z.number()) })),
  connectors: maybe(z.array(Connector)),
});
export type Evse = z.infer<typeof Evse>;
export const EvseList = list(Evse);

export const AvailabilityBody = z.strictObject({
  startAfter: UtcInstant,
  endBefore: UtcInstant,
});
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;

export const TimeWindow = z.object({ startAt: instant, endAt: instant });
export type TimeWindow = z.infer<typeof TimeWindow>;
export const EvseAvailability = z.object({
  evseId: id,
  /** Each window checked as `TimeWindow`, in one loop (tens of thousands on a big site): windows.ts. */
  availableSlots: OpenWindowList,
});
export type EvseAvailability = z.infer<typeof EvseAvailability>;
export const AvailabilityResponse = z.object({ data: z.array(EvseAvailability) });

/**
 * A user as the widget needs it: only the id, a string in this API and optional in the definition
 * (which requires no field of a user). A user without a usable id is refused where it is used
 * (`bookingUserId`), so that the answer itself is never refused.
 */
export const User = z.object({
  id: z.optional(z.custom<string | number>((v) => typeof v === 'string' || typeof v === 'number')),
});
export type User = z.infer<typeof User>;
export const UserList = list(User);

/** The only booking request the widget (and the proxy) will send. */
export const CreateBookingRequestBody = z.strictObject({
  type: oneOf('create'),
  userId: positive,
  locationId: positive,
  startAt: UtcInstant,
  endAt: UtcInstant,
  evseId: z.optional(positive),
  externalId: z.optional(
    z.string().check(
      rule((v: string) => v.length > 0, 'must not be empty', { code: 'too_small', origin: 'string', minimum: 1 }),
      rule((v: string) => v.length < 256, 'must be at most 255 characters', {
        code: 'too_big',
        origin: 'string',
        maximum: 255,
      }),
    ),
  ),
});
export type CreateBookingRequestBody = z.infer<typeof CreateBookingRequestBody>;

/** Error bodies: `{message}`, with `errors` per field on 422 (`{ field: [message, …] }`). */
export const ErrorBody = z.object({
  message: z.optional(z.string()),
  /** Why a 422 refused (v2 gateway): `no-account`, or the limit that applied. */
  reason: z.optional(z.nullable(z.string())),
  errors: z.optional(
    z.custom<Record<string, string[]>>(
      (value) =>
        !!value &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        Object.values(value).every(
          (messages) => Array.isArray(messages) && messages.every((m) => typeof m === 'string'),
        ),
    ),
  ),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
