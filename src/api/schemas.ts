/**
 * zod schemas of the Ampeco Public API responses and request bodies the widget uses.
 *
 * They are the single source of the data types (`z.infer`). Responses are parsed leniently:
 * fields the widget does not use are allowed and kept out of the types; fields it relies on
 * are checked. Request bodies are checked strictly, by the widget before sending and by the
 * proxy before forwarding. Built on `zod/mini` to stay inside the script-tag size budget.
 */
import * as z from 'zod/mini';

/** An instant as Ampeco writes it (ISO 8601, `Z` or an offset). */
const instant = z.string().check(
  z.refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO 8601 date-time'),
);

/** ISO 8601 UTC instant without fractional seconds, as everything sent upstream is. */
export const UtcInstant = z.iso.datetime({ offset: false, local: false });

const id = z.int();

/** Pagination links of the v2 lists (cursor) and the users list (page). */
export const Links = z.object({
  next: z.optional(z.nullable(z.string())),
});

export const Translation = z.object({
  locale: z.optional(z.nullable(z.string())),
  translation: z.optional(z.nullable(z.string())),
});
export type Translation = z.infer<typeof Translation>;

export const Location = z.object({
  id,
  name: z.optional(z.nullable(z.array(Translation))),
  timezone: z.optional(z.nullable(z.string())),
});
export type Location = z.infer<typeof Location>;
export const LocationResponse = z.object({ data: Location });

export const ChargePoint = z.object({
  id,
  name: z.optional(z.nullable(z.string())),
  locationId: z.optional(z.nullable(id)),
  status: z.optional(z.nullable(z.string())),
});
export type ChargePoint = z.infer<typeof ChargePoint>;
export const ChargePointList = z.object({
  data: z.array(ChargePoint),
  links: z.optional(z.nullable(Links)),
});

export const Connector = z.object({
  id,
  type: z.string(),
  format: z.optional(z.nullable(z.string())),
  status: z.optional(z.nullable(z.string())),
  /** Not in Ampeco's OpenAPI definition but present in its booking docs; shown when given. */
  maxPowerWh: z.optional(z.nullable(z.number())),
});
export type Connector = z.infer<typeof Connector>;

export const Evse = z.object({
  id,
  physicalReference: z.optional(z.nullable(z.string())),
  label: z.optional(z.nullable(z.string())),
  currentType: z.optional(z.nullable(z.enum(['ac', 'dc']))),
  networkId: z.optional(z.nullable(z.string())),
  status: z.optional(z.nullable(z.string())),
  bookingEnabled: z.optional(z.nullable(z.boolean())),
  powerOptions: z.optional(
    z.nullable(
      z.object({
        /** Watts. */
        maxPower: z.optional(z.nullable(z.number())),
      }),
    ),
  ),
  connectors: z.optional(z.nullable(z.array(Connector))),
});
export type Evse = z.infer<typeof Evse>;
export const EvseList = z.object({
  data: z.array(Evse),
  links: z.optional(z.nullable(Links)),
});

export const AvailabilityBody = z.strictObject({
  startAfter: UtcInstant,
  endBefore: UtcInstant,
});
export type AvailabilityBody = z.infer<typeof AvailabilityBody>;

export const TimeWindow = z.object({ startAt: instant, endAt: instant });
export type TimeWindow = z.infer<typeof TimeWindow>;
export const EvseAvailability = z.object({
  evseId: id,
  availableSlots: z.array(TimeWindow),
});
export type EvseAvailability = z.infer<typeof EvseAvailability>;
export const AvailabilityResponse = z.object({ data: z.array(EvseAvailability) });

/** A user as the widget needs it: only the id (a string in this API). */
export const User = z.object({ id: z.union([z.string(), z.number()]) });
export type User = z.infer<typeof User>;
export const UserList = z.object({
  data: z.array(User),
  links: z.optional(z.nullable(Links)),
});

/** The only booking request the widget (and the proxy) will send. */
export const CreateBookingRequestBody = z.strictObject({
  type: z.literal('create'),
  userId: z.int().check(z.positive()),
  locationId: z.int().check(z.positive()),
  startAt: UtcInstant,
  endAt: UtcInstant,
  evseId: z.optional(z.int().check(z.positive())),
  externalId: z.optional(z.string().check(z.minLength(1), z.maxLength(255))),
});
export type CreateBookingRequestBody = z.infer<typeof CreateBookingRequestBody>;

export const BookingRequestStatus = z.enum(['pending', 'approved', 'rejected']);
export type BookingRequestStatus = z.infer<typeof BookingRequestStatus>;

export const BookingRequest = z.object({
  id,
  type: z.optional(z.string()),
  status: BookingRequestStatus,
  userId: z.optional(z.nullable(id)),
  locationId: z.optional(z.nullable(id)),
  evseId: z.optional(z.nullable(id)),
  startAt: z.optional(z.nullable(instant)),
  endAt: z.optional(z.nullable(instant)),
  externalId: z.optional(z.nullable(z.string())),
  bookingId: z.optional(z.nullable(id)),
  rejectionReason: z.optional(z.nullable(z.string())),
  createdAt: z.optional(z.nullable(instant)),
  lastUpdatedAt: z.optional(z.nullable(instant)),
});
export type BookingRequest = z.infer<typeof BookingRequest>;
export const BookingRequestResponse = z.object({ data: BookingRequest });
export const BookingRequestList = z.object({
  data: z.array(BookingRequest),
  links: z.optional(z.nullable(Links)),
});

export const Booking = z.object({
  id,
  userId: z.optional(z.nullable(id)),
  locationId: id,
  startAt: instant,
  endAt: instant,
  status: z.string(),
  evse: z.optional(z.nullable(Evse)),
  createdAt: z.optional(z.nullable(instant)),
  lastUpdatedAt: z.optional(z.nullable(instant)),
});
export type Booking = z.infer<typeof Booking>;
export const BookingResponse = z.object({ data: Booking });
export const BookingList = z.object({
  data: z.array(Booking),
  links: z.optional(z.nullable(Links)),
});

/** Error bodies: `{message}`, with `errors` per field on 422. */
export const ErrorBody = z.object({
  message: z.optional(z.string()),
  errors: z.optional(z.record(z.string(), z.array(z.string()))),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
