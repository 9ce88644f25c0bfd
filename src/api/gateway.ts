/**
 * The v2 booking gateway's own bodies and answers (SPEC §4 steps 5–8, §9): what the widget sends
 * to create and cancel a booking, and the capability that comes back. Ampeco's resources
 * themselves (locations, EVSEs, booking requests, bookings) are in `schemas.ts`.
 */
import * as z from 'zod/mini';
import { BookingRequest, UtcInstant, isEmail } from './schemas.js';

/** A positive safe integer. */
const positiveInteger = z
  .number()
  .check(z.refine((value: number) => Number.isSafeInteger(value) && value > 0, 'must be a positive integer'));

/** The create body (step 5): the proxy looks the driver up by `email` itself. */
export const CreateBookingBody = z.strictObject({
  type: z.literal('create'),
  email: z.string().check(z.refine(isEmail, 'must be a valid email address')),
  locationId: positiveInteger,
  startAt: UtcInstant,
  endAt: UtcInstant,
  evseId: z.optional(positiveInteger),
  /** A fresh UUID per attempt: the attempt can be looked up when its answer is lost. */
  externalId: z.string().check(z.minLength(1), z.maxLength(255)),
});
export type CreateBookingBody = z.infer<typeof CreateBookingBody>;

/** The cancel body (step 8), sent with the booking's capability. */
export const CancelBookingBody = z.strictObject({
  type: z.literal('cancel'),
  bookingId: positiveInteger,
});
export type CancelBookingBody = z.infer<typeof CancelBookingBody>;

/** The capability that opens one booking request (and its booking) to its holder. */
const Capability = z.object({ capability: z.string().check(z.minLength(1)) });

/** A create or cancel answer: `201 {data, meta: {capability}}`. */
export const CreatedBookingRequest = z.object({ data: BookingRequest, meta: Capability });
export type CreatedBookingRequest = z.infer<typeof CreatedBookingRequest>;

/** The look-up by `externalId`: `{data: [request], meta: {capability}}`, or `{data: []}`. */
export const BookingRequestLookup = z.object({
  data: z.array(BookingRequest),
  meta: z.optional(z.nullable(Capability)),
});

/** A booking request the widget may read, with the capability that opens it. */
export interface TrackedRequest {
  request: BookingRequest;
  capability: string;
}
