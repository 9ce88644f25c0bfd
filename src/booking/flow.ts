/**
 * Steps of the booking flow (SPEC §4) built on the API client, without DOM.
 */
import type { ApiClient } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Booking, BookingRequest, User } from '../api/schemas.js';
import { bookedEvseIds } from './booked-evses.js';

export { newExternalId } from '../api/client.js';

/**
 * The integer `userId` a booking request needs, from a user whose `id` this API writes as a string.
 * Throws ApiError `bad-response` when it is not a positive integer (or the user has no id).
 */
export function bookingUserId({ id }: User): number {
  const n = Number(id);
  if (/^\s*\d+\s*$/.test(String(id)) && Number.isSafeInteger(n) && n > 0) return n;
  throw new ApiError('bad-response', `Unusable user id: ${id}`);
}

/**
 * The booking an approved request created: read by `bookingId` when the request carries one,
 * otherwise found among the user's bookings at the location by the same start instant (compared as
 * instants, whatever their notation), preferring the same EVSE and then the newest. Null when
 * there is no such booking (yet).
 */
export async function findConfirmedBooking(
  client: Pick<ApiClient, 'getBooking' | 'listBookings'>,
  { bookingId, userId, locationId, startAt, evseId }: BookingRequest,
): Promise<Booking | null> {
  if (bookingId != null) return client.getBooking(bookingId);
  if (userId == null || locationId == null || !startAt) return null;
  const start = Date.parse(startAt);
  // Listed bookings seldom name their EVSEs (`bookedEvses` comes with a single read only).
  const same = (b: Booking): number => +(evseId != null && bookedEvseIds(b).includes(evseId));
  return (
    (await client.listBookings({ userId, locationId }))
      .filter((b) => b.locationId === locationId && Date.parse(b.startAt) === start)
      .sort((a, b) => same(b) - same(a) || b.id - a.id)[0] ?? null
  );
}
