/**
 * The booking stage: what the flow needs only once the driver books, a chunk beside the entry
 * (`chunk-booking-stage-….js`) that the flow runner loads, relative to the entry, when the driver picks a
 * start time, when a pending request kept before a reload is found, or when Book is pressed before
 * either (Book then waits for it). Never before the first start times.
 *
 * In it: the machine's second half (`booking-machine.ts`: create, look-up, poll, read, cancel,
 * with the `externalId` decided in one place), what a Book sends (the port a booking with "any
 * port" goes to, a fresh `externalId`), the booking API calls and their schemas, the effects that
 * run them, and the booking as the status tracker shows it.
 */
export { transition } from './booking-machine.js';
export { bookingOf } from './book-choice.js';
export { newExternalId } from './external-id.js';
export { runBookingEffect, type BookingEffect, type EffectContext } from '../controllers/booking-effects.js';
export { trackerView } from './tracked.js';
export { keptBookingOf } from '../api/bookings.js';
export { dispatchFlowEvent } from '../controllers/flow-events.js';
export { outcomeOf } from './booking-view.js';
