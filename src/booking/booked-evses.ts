/**
 * Which charging port (EVSE) a booking holds, from what a real tenant sends: Ampeco's bookings name
 * their EVSEs in `bookedEvses` (`[{id}]`), only when read with `include[]=bookedEvses`, which
 * `BookingCalls.getBooking` (`api/bookings.ts`) asks for. The bookings list carries none.
 */
import type { Booking } from '../api/schemas.js';

/** The ids of the booking's EVSEs, in the order given, without repeats; empty when not known. */
export function bookedEvseIds(booking: Pick<Booking, 'bookedEvses'> | null | undefined): number[] {
  return [...new Set((booking?.bookedEvses ?? []).map((evse) => evse.id))];
}

/**
 * The EVSE to name on the confirmation: the requested one if the booking holds it (or names none),
 * else the first the booking holds; undefined when neither is known.
 */
export function bookedEvseId(
  booking: Pick<Booking, 'bookedEvses'> | null | undefined,
  requestedEvseId?: number | null,
): number | undefined {
  const ids = bookedEvseIds(booking);
  if (requestedEvseId != null && (ids.length === 0 || ids.includes(requestedEvseId))) return requestedEvseId;
  return ids[0];
}
