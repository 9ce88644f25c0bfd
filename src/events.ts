import type { ErrorCode } from './api/errors.js';
import type { Booking, BookingRequest } from './api/schemas.js';

export interface BookingRequestedDetail {
  bookingRequest: BookingRequest;
}
export interface BookingConfirmedDetail {
  bookingRequest: BookingRequest;
  /** The confirmed booking; `null` only when the upstream approved the request but the booking could not be read. */
  booking: Booking | null;
}
export interface BookingRejectedDetail {
  bookingRequest: BookingRequest;
  reason: string;
}
export interface BookingCancelledDetail {
  /** The booking as read after the cancel was approved (status `cancelled`). */
  booking: Booking;
}
export interface BookingErrorDetail {
  code: ErrorCode;
  message: string;
  status?: number;
}

/** The public events of `<ev-booking-widget>` (SPEC §5), by name. */
export interface BookingEventMap {
  'ev-booking-requested': BookingRequestedDetail;
  'ev-booking-confirmed': BookingConfirmedDetail;
  'ev-booking-rejected': BookingRejectedDetail;
  'ev-booking-cancelled': BookingCancelledDetail;
  'ev-booking-error': BookingErrorDetail;
}

/** The public events' names, in the order a booking meets them; each is a name of `BookingEventMap`. */
export const BOOKING_EVENT_NAMES = [
  'ev-booking-requested',
  'ev-booking-confirmed',
  'ev-booking-rejected',
  'ev-booking-cancelled',
  'ev-booking-error',
] as const satisfies readonly (keyof BookingEventMap)[];

/** Internal events the subcomponents send up to the orchestrator. */
export interface PortSelectDetail {
  /** The chosen EVSE, or null for "Any available port". */
  evseId: number | null;
}
/** The driver's connector and current filter (issue 14). */
export interface PortFilterDetail {
  connectorTypes: string[];
  currentType: 'ac' | 'dc' | null;
}
/** The chosen booking length (issue 14's duration pills). */
export interface DurationSelectDetail {
  minutes: number;
}
export interface SlotSelectDetail {
  /** ISO 8601 UTC instant of the chosen start. */
  start: string;
}
/** The driver confirmed cancelling the booking shown (issue 14); the widget runs SPEC §4 step 8. */
export interface CancelBookingDetail {
  reference: string | number | null;
}
export interface EmailSubmitDetail {
  email: string;
}
/** What the driver has typed so far in the email field (untrimmed). */
export interface EmailInputDetail {
  email: string;
}

/** Creates an event as every event of this package is: bubbling and composed. */
export function createEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'ev-booking-requested': CustomEvent<BookingRequestedDetail>;
    'ev-booking-confirmed': CustomEvent<BookingConfirmedDetail>;
    'ev-booking-rejected': CustomEvent<BookingRejectedDetail>;
    'ev-booking-cancelled': CustomEvent<BookingCancelledDetail>;
    'ev-booking-error': CustomEvent<BookingErrorDetail>;
    'ev-port-select': CustomEvent<PortSelectDetail>;
    'ev-port-filter': CustomEvent<PortFilterDetail>;
    'ev-slot-select': CustomEvent<SlotSelectDetail>;
    'ev-duration-select': CustomEvent<DurationSelectDetail>;
    'ev-email-submit': CustomEvent<EmailSubmitDetail>;
    'ev-retry': CustomEvent<void>;
    'ev-email-input': CustomEvent<EmailInputDetail>;
    'ev-pick-again': CustomEvent<void>;
    'ev-cancel-booking': CustomEvent<CancelBookingDetail>;
    'ev-book-another': CustomEvent<void>;
  }
}
