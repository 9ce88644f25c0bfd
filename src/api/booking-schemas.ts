/**
 * zod schemas of the booking resources (Ampeco's booking requests and bookings), as `schemas.ts`
 * describes its own. Apart from them so that they load with the booking stage chunk
 * (`booking/booking-stage.ts`), not with the entry; their types are re-exported by `schemas.ts`.
 */
import * as z from 'zod/mini';
import { id, instant, list, maybe, one, oneOf, ref, str } from './schema-parts.js';

/** An optional instant. */
const time = maybe(instant);

export const BookingRequestStatus = oneOf('pending', 'approved', 'rejected');
export type BookingRequestStatus = z.infer<typeof BookingRequestStatus>;

export const BookingRequest = z.object({
  id,
  type: z.optional(z.string()),
  status: BookingRequestStatus,
  userId: ref,
  locationId: ref,
  evseId: ref,
  startAt: time,
  endAt: time,
  externalId: str,
  bookingId: ref,
  rejectionReason: str,
  createdAt: time,
  lastUpdatedAt: time,
});
export type BookingRequest = z.infer<typeof BookingRequest>;
export const BookingRequestResponse = one(BookingRequest);
export const BookingRequestList = list(BookingRequest);

/** One EVSE of a booking's `bookedEvses`: only its `id` (required) in the definition. */
export const BookedEvse = z.object({ id });
export type BookedEvse = z.infer<typeof BookedEvse>;

/**
 * A booking (v1.0). The definition requires `id`, `locationId`, `startAt`, `endAt`, `status`,
 * `createdAt` and `lastUpdatedAt`. Its EVSEs are `bookedEvses` (`[{id}]`), sent only when the
 * booking is read with `include[]=bookedEvses` (the client asks for them), never in the list: see
 * `bookedEvseIds`. There is no nested `evse` in the definition.
 */
export const Booking = z.object({
  id,
  userId: ref,
  locationId: id,
  startAt: instant,
  endAt: instant,
  status: z.string(),
  bookedEvses: maybe(z.array(BookedEvse)),
  createdAt: time,
  lastUpdatedAt: time,
});
export type Booking = z.infer<typeof Booking>;
export const BookingResponse = one(Booking);
export const BookingList = list(Booking);
