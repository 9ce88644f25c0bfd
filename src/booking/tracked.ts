/**
 * The booking as the status tracker's card shows it (`TrackedBooking`), from what the flow holds:
 * the confirmed booking (or, without it, the request), or the cancelled booking; the port named
 * with its connectors, power and current type.
 */
import type { Booking, Evse } from '../api/schemas.js';
import type { TrackedBooking } from '../components/status-tracker/status-tracker.js';
import { bookedEvseId } from './booked-evses.js';
import { connectorTypesOf } from './ports.js';
import type { Confirmed } from './states.js';

/** Where the booking is: the location's zone and name, and the loaded ports. */
export interface BookingPlace {
  timeZone: string;
  locationName: string | null;
  ports: readonly Evse[];
}

/** The port as the card names it: label (else its reference, else `#id`), connectors, power, AC/DC. */
export function trackedPort(port: Evse): NonNullable<TrackedBooking['port']> {
  return {
    label: port.label || port.physicalReference || `#${port.id}`,
    connectorTypes: connectorTypesOf(port),
    maxPowerW: port.powerOptions?.maxPower ?? null,
    currentType: port.currentType ?? null,
  };
}

function tracked(
  place: BookingPlace,
  fields: { reference: number | null; start: string; end: string; evseId: number | undefined },
): TrackedBooking {
  const port = place.ports.find((candidate) => candidate.id === fields.evseId);
  return {
    reference: fields.reference,
    start: fields.start,
    end: fields.end,
    timeZone: place.timeZone,
    port: port ? trackedPort(port) : null,
    locationName: place.locationName,
    address: null,
  };
}

/** The confirmed booking; without the booking (unreadable), the request's own times and port. */
export function confirmedBooking({ booking, request }: Confirmed, place: BookingPlace): TrackedBooking {
  return tracked(place, {
    reference: booking?.id ?? request.bookingId ?? null,
    start: booking?.startAt ?? request.startAt ?? '',
    end: booking?.endAt ?? request.endAt ?? '',
    evseId: bookedEvseId(booking, request.evseId),
  });
}

/** The booking after its cancellation, as read back. */
export function cancelledBooking(booking: Booking, place: BookingPlace): TrackedBooking {
  return tracked(place, {
    reference: booking.id,
    start: booking.startAt,
    end: booking.endAt,
    evseId: bookedEvseId(booking),
  });
}
