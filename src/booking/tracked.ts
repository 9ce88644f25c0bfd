/**
 * The booking as the status tracker's card shows it (`TrackedBooking`), from what the flow holds:
 * the booking asked for (pending), the confirmed booking (or, without it, the request), or the
 * cancelled booking; the port named with its connectors, power and current type. Part of the
 * booking stage chunk.
 */
import type { Booking, Evse, Location } from '../api/schemas.js';
import { otherLanguage, pickTranslation } from './describe.js';
import type { BookingStatus, TrackedBooking } from '../components/status-tracker/status-tracker.js';
import { bookedEvseId } from './booked-evses.js';
import { connectorTypesOf } from './ports.js';
import type { Confirmed, Tracked } from './states.js';
import type { FlowView } from './view.js';
import type { LoadedData } from './load.js';

/** Where the booking is: the location's zone, name and address, and the loaded ports. */
export interface BookingPlace {
  timeZone: string;
  locationName: string | null;
  /** The name's language when it is not the texts' language. */
  locationNameLang?: string;
  /** The location as read (its address and city), once loaded. */
  location: Pick<Location, 'address' | 'city'> | null;
  /** The widget's locale and the language of its texts, for the address's translation. */
  locale: string;
  textLanguage: string;
  ports: readonly Evse[];
}

/**
 * The location's address in the locale (as `pickTranslation` picks it), followed by its city when
 * the address does not already name it: "111B Tsarigradsko Shose Blvd, Sofia".
 */
export function pickAddress(
  location: Pick<Location, 'address' | 'city'>,
  locale: string,
): { text: string; lang: string } | undefined {
  const address = pickTranslation(location.address, locale);
  const city = location.city?.trim();
  if (!address) return city ? { text: city, lang: '' } : undefined;
  const named = !city || address.text.toLowerCase().includes(city.toLowerCase());
  return { text: named ? address.text : `${address.text}, ${city}`, lang: address.lang };
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
  const address = place.location && pickAddress(place.location, place.locale);
  return {
    reference: fields.reference,
    start: fields.start,
    end: fields.end,
    timeZone: place.timeZone,
    port: port ? trackedPort(port) : null,
    locationName: place.locationName,
    address: address?.text ?? null,
    locationNameLang: place.locationNameLang,
    addressLang: address ? otherLanguage(address.lang, place.textLanguage) : undefined,
  };
}

/** The confirmed booking; without the booking (unreadable), the request's own times and port (else the one asked for). */
export function confirmedBooking({ booking, request, askedEvseId }: Confirmed, place: BookingPlace): TrackedBooking {
  return tracked(place, {
    reference: booking?.id ?? request.bookingId ?? null,
    start: booking?.startAt ?? request.startAt ?? '',
    end: booking?.endAt ?? request.endAt ?? '',
    evseId: bookedEvseId(booking, request.evseId ?? askedEvseId),
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

/** What the widget's template holds that the tracker's booking is made of (its `WidgetTemplateInput`). */
export interface TrackerInput {
  view: FlowView;
  /** The first load's data, as far as it has answered. */
  data: Pick<LoadedData, 'location' | 'ports'> | undefined;
  timeZone: string;
  locale: string;
  textLanguage: string;
}

/**
 * The request followed while it is pending, as the card shows it: its own times and port, else
 * those its create asked for; never the current choice (a Book then follows this request, sending
 * nothing). Null when neither tells its times (a request kept before a reload that leaves them out).
 */
function pendingBooking(
  { request, askedStartAt, askedEndAt, askedEvseId }: Tracked,
  place: BookingPlace,
): TrackedBooking | null {
  const start = request.startAt ?? askedStartAt;
  const end = request.endAt ?? askedEndAt;
  if (!start || !end) return null;
  const port = place.ports.find((candidate) => candidate.id === (request.evseId ?? askedEvseId));
  return { start, end, timeZone: place.timeZone, port: port ? trackedPort(port) : null, locationName: null };
}

/**
 * What the tracker shows: the booking asked for (pending), confirmed or cancelled, and its
 * status; the location named `locationName` (in `locationNameLang` when not the texts' language).
 */
export function trackerView(
  { view, data, timeZone, locale, textLanguage }: TrackerInput,
  locationName: string,
  locationNameLang: string | undefined,
): { booking: TrackedBooking | null; status: BookingStatus } {
  const place: BookingPlace = {
    timeZone,
    locationName: locationName || null,
    locationNameLang,
    location: data?.location ?? null,
    locale,
    textLanguage,
    ports: data?.ports ?? [],
  };
  if (view.cancelledBooking) return { booking: cancelledBooking(view.cancelledBooking, place), status: 'cancelled' };
  if (view.confirmed) {
    const status = view.cancel === 'cancelling' ? 'cancelling' : view.status;
    return { booking: confirmedBooking(view.confirmed, place), status };
  }
  if (view.status !== 'pending' || !view.followed) return { booking: null, status: view.status };
  return { booking: pendingBooking(view.followed, place), status: view.status };
}
