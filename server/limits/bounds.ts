/**
 * The bounds on what one create may ask for (SPEC §9): the location (`ALLOWED_LOCATION_IDS`), how
 * far ahead it starts (`BOOKING_HORIZON_DAYS`) and how long it lasts (`MAX_BOOKING_MINUTES`). A
 * refusal is the gateway's `422` body, `{message, errors, reason}`, Ampeco-shaped so that the widget
 * shows `errors` next to the fields; nothing is created upstream.
 */
import type { LimitsConfig } from './config.js';

export type BoundReason =
  'location-not-allowed' | 'in-the-past' | 'beyond-horizon' | 'too-long' | 'too-many-active-bookings';

/** How far before now a create may start (a slot of the current minute, a slow click): 5 minutes. */
export const PAST_START_GRACE_MS = 5 * 60_000;

export interface BoundRefusal {
  readonly message: string;
  readonly errors: Readonly<Record<string, readonly string[]>>;
  readonly reason: BoundReason;
}

/** What the bounds read from a create's body (already validated by the widget's schemas). */
export interface BookingSpan {
  readonly locationId: number;
  readonly startAt: string;
  readonly endAt: string;
}

export type BoundsConfig = Pick<LimitsConfig, 'allowedLocationIds' | 'bookingHorizonDays' | 'maxBookingMinutes'>;

const DAY_MS = 86_400_000;

/** Ampeco's own message of a 422, which the gateway's other 422s use too; `errors` says which bound. */
export const INVALID_DATA = 'The given data was invalid.';

/** One refusal: `reason`, and what is wrong in the field it concerns. */
export function refusal(reason: BoundReason, field: string, fieldMessage: string): BoundRefusal {
  return { message: INVALID_DATA, errors: { [field]: [fieldMessage] }, reason };
}

/** Whether `locationId` may be read and booked (any, when `ALLOWED_LOCATION_IDS` is unset). */
export function locationAllowed(config: Pick<LimitsConfig, 'allowedLocationIds'>, locationId: number): boolean {
  return config.allowedLocationIds === null || config.allowedLocationIds.has(locationId);
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** The first bound `booking` breaks at `now`, or `null` when it keeps them all. */
export function checkBookingBounds(config: BoundsConfig, booking: BookingSpan, now: number): BoundRefusal | null {
  if (!locationAllowed(config, booking.locationId)) {
    return refusal('location-not-allowed', 'locationId', 'Bookings are not taken for this location here.');
  }
  const startAt = Date.parse(booking.startAt);
  const endAt = Date.parse(booking.endAt);
  if (startAt < now - PAST_START_GRACE_MS) {
    return refusal('in-the-past', 'startAt', 'A booking cannot start in the past.');
  }
  const beyond = beyondHorizon(config, startAt, now);
  if (beyond !== null) return beyond;
  if (config.maxBookingMinutes !== null && endAt - startAt > config.maxBookingMinutes * 60_000) {
    const longest = plural(config.maxBookingMinutes, 'minute');
    return refusal('too-long', 'endAt', `A booking must not be longer than ${longest}.`);
  }
  return null;
}

/**
 * The refusal of a time that starts beyond `BOOKING_HORIZON_DAYS` from `now` (a create's start, an
 * availability check's `startAfter`), or `null`.
 */
export function beyondHorizon(
  config: Pick<LimitsConfig, 'bookingHorizonDays'>,
  startAt: number,
  now: number,
  field = 'startAt',
): BoundRefusal | null {
  if (config.bookingHorizonDays === null || !(startAt > now + config.bookingHorizonDays * DAY_MS)) return null;
  const horizon = plural(config.bookingHorizonDays, 'day');
  return refusal('beyond-horizon', field, `A booking must start within the next ${horizon}.`);
}
