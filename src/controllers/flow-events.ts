/** The flow's `emit` effects as the element's DOM events (SPEC §5); in the booking stage chunk (the runner sends `ev-booking-error` itself). */
import type { Emit } from '../booking/states.js';
import { errorDetail } from '../booking/failure.js';
import { createEvent, type BookingEventMap } from '../events.js';

/** Dispatches `event` on `host`; a rejection without a reason says so in the locale (`noReasonText`). */
export function dispatchFlowEvent(host: HTMLElement, event: Emit, noReasonText: () => string): void {
  const send = <K extends keyof BookingEventMap>(name: K, detail: BookingEventMap[K]): boolean =>
    host.dispatchEvent(createEvent(name, detail));
  switch (event.name) {
    case 'ev-booking-requested':
      send(event.name, { bookingRequest: event.bookingRequest });
      return;
    case 'ev-booking-confirmed':
      send(event.name, { bookingRequest: event.bookingRequest, booking: event.booking });
      return;
    case 'ev-booking-rejected':
      send(event.name, { bookingRequest: event.bookingRequest, reason: event.reason ?? noReasonText() });
      return;
    case 'ev-booking-cancelled':
      send(event.name, { booking: event.booking });
      return;
    case 'ev-booking-error':
      send(event.name, errorDetail(event.failure));
      return;
  }
}
