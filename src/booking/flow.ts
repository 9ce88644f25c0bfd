/**
 * Steps of the booking flow (SPEC §4) built on the API client, without DOM.
 */
import type { ApiClient, CallOptions } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { Booking, BookingRequest, User } from '../api/schemas.js';

export { newExternalId } from '../api/client.js';

/**
 * The integer `userId` a booking request needs, from a user whose `id` this API writes as a string.
 * Throws ApiError `bad-response` when it is not a positive integer.
 */
export function bookingUserId(user: User): number {
  const id = typeof user.id === 'number' ? user.id : /^\s*\d+\s*$/.test(user.id) ? Number(user.id) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new ApiError('bad-response', `Unusable user id: ${String(user.id)}`);
  return id;
}

/**
 * The booking an approved request created: read by `bookingId` when the request carries one,
 * otherwise found among the user's bookings at the location by the same start instant (compared as
 * instants, whatever their notation), preferring the same EVSE and then the newest. Null when
 * there is no such booking (yet).
 */
export async function findConfirmedBooking(
  client: Pick<ApiClient, 'getBooking' | 'listBookings'>,
  bookingRequest: BookingRequest,
  options?: CallOptions,
): Promise<Booking | null> {
  const { bookingId, userId, locationId, startAt, evseId } = bookingRequest;
  if (bookingId != null) return client.getBooking(bookingId, options);
  if (userId == null || locationId == null || !startAt) return null;
  const start = Date.parse(startAt);
  const bookings = await client.listBookings({ userId, locationId }, options);
  const matches = bookings
    .filter((b) => b.locationId === locationId && Date.parse(b.startAt) === start)
    .sort((a, b) => Number(b.evse?.id === evseId) - Number(a.evse?.id === evseId) || b.id - a.id);
  return matches[0] ?? null;
}
