/**
 * The booking as the status tracker's card shows it (`TrackedBooking`), from what the flow holds:
 * the booking asked for (pending), the confirmed booking (or, without it, the request), or the
 * cancelled booking; the port named with its connectors, power and current type. Part of the
 * booking stage chunk.
 */
import type { Booking, Evse } from '../api/schemas.js';
import type { BookingStatus, TrackedBooking } from '../components/status-tracker/status-tracker.js';
import { bookedEvseId } from './booked-evses.js';
import { connectorTypesOf } from './ports.js';
import type { Confirmed } from './states.js';
import type { FlowView } from './view.js';

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

/** The booking the driver asked for: its start and end (ISO UTC), and the chosen port (null: any). */
export interface AskedBooking {
  start: string;
  end: string;
  evseId: number | null;
}

/** What the tracker shows: the booking asked for (pending), confirmed or cancelled, and its status. */
export function trackerView(
  view: FlowView,
  place: BookingPlace,
  asked: AskedBooking | null,
): { booking: TrackedBooking | null; status: BookingStatus } {
  if (view.cancelledBooking) return { booking: cancelledBooking(view.cancelledBooking, place), status: 'cancelled' };
  if (view.confirmed) {
    const status = view.cancel === 'cancelling' ? 'cancelling' : view.status;
    return { booking: confirmedBooking(view.confirmed, place), status };
  }
  if (view.status !== 'pending' || !asked) return { booking: null, status: view.status };
  const port = place.ports.find((candidate) => candidate.id === asked.evseId);
  const booking = {
    start: asked.start,
    end: asked.end,
    timeZone: place.timeZone,
    port: port ? trackedPort(port) : null,
  };
  return { booking: { ...booking, locationName: null }, status: view.status };
}
