/**
 * The booking flow's transition table (src/booking/machine.ts and booking-machine.ts): every state × event that moves, what
 * it asks for, and the never-two-bookings paths (SPEC §8) as sequences of events.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { CreateBookingBody } from '../../src/api/gateway.js';
import type { Booking, BookingRequest } from '../../src/api/schemas.js';
import type { Failure } from '../../src/booking/failure.js';
import { SECOND_LOOK_UP_DELAY_MS, isBusy, transition } from '../../src/booking/booking-machine.js';
import { transitionChoosing } from '../../src/booking/machine.js';
import {
  choosing,
  type BookingChoice,
  type Confirmed,
  type Effect,
  type FlowEvent,
  type State,
  type Tracked,
} from '../../src/booking/states.js';

const choice: BookingChoice = {
  locationId: 7,
  evseId: 1001,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
  email: 'driver@example.com',
};
const body = (externalId = 'id-1', extra: Partial<CreateBookingBody> = {}): CreateBookingBody => ({
  type: 'create',
  email: choice.email,
  locationId: 7,
  startAt: choice.startAt!,
  endAt: choice.endAt!,
  evseId: 1001,
  externalId,
  ...extra,
});
const pendingRequest: BookingRequest = { id: 555, status: 'pending', externalId: 'id-1' };
const tracked: Tracked = { request: pendingRequest, capability: 'cap-555' };
const approved: BookingRequest = { ...pendingRequest, status: 'approved', bookingId: 900 };
const rejected: BookingRequest = { ...pendingRequest, status: 'rejected', rejectionReason: 'Overlap' };
const booking: Booking = {
  id: 900,
  locationId: 7,
  startAt: choice.startAt!,
  endAt: choice.endAt!,
  status: 'accepted',
};
const confirmed: Confirmed = { request: approved, booking, capability: 'cap-555' };
const cancelTracked: Tracked = { request: { id: 556, status: 'pending' }, capability: 'cap-556' };

const lostAnswer: Failure = { code: 'network', message: 'POST failed' };
const serverError: Failure = { code: 'network', message: 'HTTP 500', status: 500 };
const rateLimited: Failure = { code: 'rate-limited', message: 'HTTP 429', status: 429 };
const forbidden: Failure = { code: 'forbidden', message: 'HTTP 403', status: 403 };
const error = (failure: Failure): Effect => ({ type: 'emit', event: { name: 'ev-booking-error', failure } });
const focusStatus: Effect = { type: 'focus', target: 'status' };

const sending: State = { kind: 'sending', body: body(), resend: false };
const checking = (extra: Partial<Extract<State, { kind: 'checking' }>> = {}): State => ({
  kind: 'checking',
  lost: body(),
  next: body(),
  lookupsLeft: 1,
  mayResend: true,
  cause: lostAnswer,
  ...extra,
});
const uncertain: State = { kind: 'uncertain', lost: body(), next: body(), failure: lostAnswer };
const pending: State = { kind: 'pending', tracked, resumed: false };
/** The request followed after this widget's create (or look-up): with the port and times the create asked for. */
const followed: Tracked = {
  ...tracked,
  askedEvseId: 1001,
  askedStartAt: choice.startAt!,
  askedEndAt: choice.endAt!,
};
const followedPending: State = { kind: 'pending', tracked: followed, resumed: false };
/** The start times are shown, the ports' details still load. */
const timesOnly: State = { ...choosing(), portsReady: false };

interface Row {
  name: string;
  from: State;
  event: FlowEvent;
  to: State;
  effects?: Effect[];
}

const rows: Row[] = [
  // Configuration and the first load.
  {
    name: 'a valid configuration loads',
    from: choosing(),
    event: { type: 'configured', valid: true },
    to: { kind: 'loading' },
    effects: [{ type: 'abort' }],
  },
  {
    name: 'an invalid configuration is a config error',
    from: { kind: 'loading' },
    event: { type: 'configured', valid: false, message: 'location-id missing' },
    to: { kind: 'config-error' },
    effects: [{ type: 'abort' }, error({ code: 'config', message: 'location-id missing' })],
  },
  {
    name: 'reconfiguring forgets a lost attempt',
    from: uncertain,
    event: { type: 'configured', valid: true },
    to: { kind: 'loading' },
    effects: [{ type: 'abort' }],
  },
  {
    name: 'times ready: choosing while the ports load, and a kept request is looked for',
    from: { kind: 'loading' },
    event: { type: 'times-ready' },
    to: timesOnly,
    effects: [{ type: 'restore' }],
  },
  {
    name: 'times ready only counts while loading',
    from: pending,
    event: { type: 'times-ready' },
    to: pending,
    effects: [],
  },
  {
    name: 'ports ready: the ports are chosen from',
    from: timesOnly,
    event: { type: 'ports-ready' },
    to: choosing(),
    effects: [],
  },
  {
    name: 'Book before the ports are ready waits (nothing is sent)',
    from: timesOnly,
    event: { type: 'book', choice, externalId: 'id-1' },
    to: { ...timesOnly, bookWaiting: true },
    effects: [],
  },
  {
    name: 'ports ready after a Book waited: the Book is made again, its port chosen now',
    from: { ...timesOnly, bookWaiting: true },
    event: { type: 'ports-ready' },
    to: choosing(),
    effects: [{ type: 'book-waiting' }],
  },
  {
    name: 'ports ready keeps the messages next to the controls',
    from: { ...timesOnly, missing: 'slot' },
    event: { type: 'ports-ready' },
    to: { ...choosing(), missing: 'slot' },
    effects: [],
  },
  {
    name: 'ports ready after a resume changes nothing',
    from: pending,
    event: { type: 'ports-ready' },
    to: pending,
    effects: [],
  },
  {
    name: 'the ports failing after the start times is a load failure',
    from: { ...timesOnly, bookWaiting: true },
    event: { type: 'load-failed', failure: serverError },
    to: { kind: 'load-failed', failure: serverError },
    effects: [error(serverError)],
  },
  {
    name: 'a load failure once the ports are here changes nothing',
    from: choosing(),
    event: { type: 'load-failed', failure: serverError },
    to: choosing(),
    effects: [],
  },
  {
    name: 'the load fails',
    from: { kind: 'loading' },
    event: { type: 'load-failed', failure: serverError },
    to: { kind: 'load-failed', failure: serverError },
    effects: [error(serverError)],
  },
  {
    name: 'retry after a failed load loads again',
    from: { kind: 'load-failed', failure: serverError },
    event: { type: 'retry' },
    to: { kind: 'loading' },
    effects: [{ type: 'load' }],
  },

  // Book.
  {
    name: 'Book sends the create with the fresh externalId',
    from: choosing(),
    event: { type: 'book', choice, externalId: 'id-1' },
    to: sending,
    effects: [{ type: 'create', body: body() }],
  },
  {
    name: 'Book without a port asks for one',
    from: choosing(),
    event: { type: 'book', choice: { ...choice, evseId: null }, externalId: 'x' },
    to: { ...choosing(), missing: 'port' },
  },
  {
    name: 'Book with "any port" and filters that match no port asks to change them',
    from: choosing(),
    event: { type: 'book', choice: { ...choice, evseId: null, filtersMatchNoPort: true }, externalId: 'x' },
    to: { ...choosing(), missing: 'filters' },
  },
  {
    name: 'Book without a start asks for one',
    from: choosing(),
    event: { type: 'book', choice: { ...choice, startAt: null, endAt: null }, externalId: 'x' },
    to: { ...choosing(), missing: 'slot' },
  },
  {
    name: 'Book after a rejection books',
    from: { kind: 'rejected', request: rejected, reason: 'Overlap' },
    event: { type: 'book', choice, externalId: 'id-1' },
    to: sending,
    effects: [{ type: 'create', body: body() }],
  },
  {
    name: 'Book while sending: ignored',
    from: sending,
    event: { type: 'book', choice, externalId: 'id-2' },
    to: sending,
  },
  {
    name: 'Book while looking up: ignored',
    from: checking(),
    event: { type: 'book', choice, externalId: 'id-2' },
    to: checking(),
  },
  {
    name: 'Book while pending: ignored',
    from: pending,
    event: { type: 'book', choice, externalId: 'id-2' },
    to: pending,
  },
  {
    name: 'Book once confirmed: ignored',
    from: { kind: 'confirmed', confirmed, cancelFailure: null },
    event: { type: 'book', choice, externalId: 'id-2' },
    to: { kind: 'confirmed', confirmed, cancelFailure: null },
  },
  {
    name: 'Book of the same booking while one is uncertain: looked up, then that attempt again',
    from: uncertain,
    event: { type: 'book', choice, externalId: 'id-2' },
    to: checking(),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: 0 }],
  },
  {
    name: 'Book of another start while one is uncertain: looked up, then the new one',
    from: { ...choosing({ body: body(), failure: lostAnswer }) },
    event: {
      type: 'book',
      choice: { ...choice, startAt: '2026-03-01T12:00:00Z', endAt: '2026-03-01T13:00:00Z' },
      externalId: 'id-2',
    },
    to: checking({ next: body('id-2', { startAt: '2026-03-01T12:00:00Z', endAt: '2026-03-01T13:00:00Z' }) }),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: 0 }],
  },

  // The create's answer.
  {
    name: 'created: pending, kept for a reload, announced, polled',
    from: sending,
    event: { type: 'created', tracked },
    to: followedPending,
    effects: [
      { type: 'persist', tracked: followed },
      { type: 'emit', event: { name: 'ev-booking-requested', bookingRequest: pendingRequest } },
      { type: 'poll', tracked: followed },
    ],
  },
  { name: 'created only counts while sending', from: choosing(), event: { type: 'created', tracked }, to: choosing() },
  {
    name: 'no account: the sign-up hint, nothing else',
    from: sending,
    event: {
      type: 'create-failed',
      failure: {
        code: 'validation',
        message: 'No account',
        reason: 'no-account',
        fieldErrors: { email: ['No account'] },
      },
    },
    to: { ...choosing(), noAccount: true },
  },
  {
    name: '422 on fields: each message next to its control',
    from: sending,
    event: {
      type: 'create-failed',
      failure: {
        code: 'validation',
        message: 'Invalid',
        fieldErrors: { email: ['Bad email'], startAt: ['Too late'], evseId: ['Busy'] },
      },
    },
    to: { ...choosing(), fieldErrors: { email: 'Bad email', slot: 'Too late', port: 'Busy' } },
  },
  {
    name: '422 about what the driver cannot change: failed with the message',
    from: sending,
    event: {
      type: 'create-failed',
      failure: { code: 'validation', message: 'Invalid', fieldErrors: { locationId: ['Closed'] } },
    },
    to: {
      kind: 'failed',
      failure: { code: 'validation', message: 'Invalid', fieldErrors: { locationId: ['Closed'] } },
      message: 'Closed',
      retry: { kind: 'none' },
    },
    effects: [error({ code: 'validation', message: 'Invalid', fieldErrors: { locationId: ['Closed'] } }), focusStatus],
  },
  {
    name: '"externalId already taken": the attempt arrived; looked up, never re-sent',
    from: { kind: 'sending', body: body(), resend: true },
    event: {
      type: 'create-failed',
      failure: { code: 'validation', message: 'Taken', fieldErrors: { externalId: ['taken'] } },
    },
    to: checking({
      mayResend: false,
      cause: { code: 'validation', message: 'Taken', fieldErrors: { externalId: ['taken'] } },
    }),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: 0 }],
  },
  {
    name: 'the answer was lost: looked up twice before any re-send',
    from: sending,
    event: { type: 'create-failed', failure: lostAnswer },
    to: checking({ lookupsLeft: 2 }),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: 0 }],
  },
  {
    name: 'a 5xx: outcome unknown, looked up',
    from: sending,
    event: { type: 'create-failed', failure: serverError },
    to: checking({ lookupsLeft: 2, cause: serverError }),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: 0 }],
  },
  {
    name: "the re-send's answer lost too: one look-up, no third POST",
    from: { kind: 'sending', body: body(), resend: true },
    event: { type: 'create-failed', failure: lostAnswer },
    to: checking({ mayResend: false }),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: 0 }],
  },
  {
    name: 'a 429 was refused: failed, Try again books the same again',
    from: sending,
    event: { type: 'create-failed', failure: rateLimited },
    to: { kind: 'failed', failure: rateLimited, message: null, retry: { kind: 'book', body: body() } },
    effects: [error(rateLimited), focusStatus],
  },
  {
    name: 'a 403: failed, nothing to try again',
    from: sending,
    event: { type: 'create-failed', failure: forbidden },
    to: { kind: 'failed', failure: forbidden, message: null, retry: { kind: 'none' } },
    effects: [error(forbidden), focusStatus],
  },

  // Looking a lost attempt up.
  {
    name: 'found: that request is followed',
    from: checking({ next: body('id-2') }),
    event: { type: 'looked-up', found: tracked },
    to: followedPending,
    effects: [
      { type: 'persist', tracked: followed },
      { type: 'emit', event: { name: 'ev-booking-requested', bookingRequest: pendingRequest } },
      { type: 'poll', tracked: followed },
    ],
  },
  {
    name: 'not found the first time: looked up again after a pause',
    from: checking({ lookupsLeft: 2 }),
    event: { type: 'looked-up', found: null },
    to: checking({ lookupsLeft: 1 }),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: SECOND_LOOK_UP_DELAY_MS }],
  },
  {
    name: 'certainly not made: sent once more under the same externalId',
    from: checking(),
    event: { type: 'looked-up', found: null },
    to: { kind: 'sending', body: body(), resend: true },
    effects: [{ type: 'create', body: body() }],
  },
  {
    name: 'not made, and the driver asked for another booking: that one is sent',
    from: checking({ next: body('id-2') }),
    event: { type: 'looked-up', found: null },
    to: { kind: 'sending', body: body('id-2'), resend: false },
    effects: [{ type: 'create', body: body('id-2') }],
  },
  {
    name: 'not found after the re-send: uncertain, nothing sent',
    from: checking({ mayResend: false }),
    event: { type: 'looked-up', found: null },
    to: uncertain,
    effects: [error(lostAnswer), focusStatus],
  },
  {
    name: 'the look-up fails: uncertain',
    from: checking(),
    event: { type: 'look-up-failed', failure: serverError },
    to: { ...uncertain, failure: serverError },
    effects: [error(serverError), focusStatus],
  },
  {
    name: 'Try again when uncertain: looked up first',
    from: uncertain,
    event: { type: 'retry' },
    to: checking(),
    effects: [{ type: 'look-up', externalId: 'id-1', delayMs: 0 }],
  },

  // Polling and reading the booking.
  {
    name: 'a kept request is resumed',
    from: choosing(),
    event: { type: 'resume', tracked },
    to: { kind: 'pending', tracked, resumed: true },
    effects: [{ type: 'poll', tracked }],
  },
  { name: 'no resume while a booking is on its way', from: sending, event: { type: 'resume', tracked }, to: sending },
  {
    name: 'nothing found of what was kept: forgotten',
    from: choosing(),
    event: { type: 'resume', tracked: null },
    to: choosing(),
    effects: [{ type: 'forget' }],
  },
  {
    name: 'the look-up of what was kept failed: kept',
    from: choosing(),
    event: { type: 'resume', tracked: undefined },
    to: choosing(),
  },
  {
    name: 'approved: the booking is read with the capability',
    from: pending,
    event: { type: 'decided', request: approved },
    to: { kind: 'reading-booking', tracked: { ...tracked, request: approved } },
    effects: [{ type: 'read-booking', bookingId: 900, capability: 'cap-555' }],
  },
  {
    name: 'approved without a bookingId: confirmed with the request alone',
    from: pending,
    event: { type: 'decided', request: { ...approved, bookingId: null } },
    to: {
      kind: 'confirmed',
      confirmed: { request: { ...approved, bookingId: null }, booking: null, capability: 'cap-555' },
      cancelFailure: null,
    },
    effects: [
      { type: 'forget' },
      {
        type: 'emit',
        event: { name: 'ev-booking-confirmed', bookingRequest: { ...approved, bookingId: null }, booking: null },
      },
      focusStatus,
    ],
  },
  {
    name: 'rejected: the reason, the start forgotten, availability reloaded',
    from: pending,
    event: { type: 'decided', request: rejected },
    to: { kind: 'rejected', request: rejected, reason: 'Overlap' },
    effects: [
      { type: 'forget' },
      { type: 'emit', event: { name: 'ev-booking-rejected', bookingRequest: rejected, reason: 'Overlap' } },
      { type: 'clear-start' },
      { type: 'reload-availability' },
      focusStatus,
    ],
  },
  {
    name: 'the booking read: confirmed',
    from: { kind: 'reading-booking', tracked: { ...tracked, request: approved } },
    event: { type: 'booking-read', booking },
    to: { kind: 'confirmed', confirmed, cancelFailure: null },
    effects: [
      { type: 'forget' },
      { type: 'emit', event: { name: 'ev-booking-confirmed', bookingRequest: approved, booking } },
      focusStatus,
    ],
  },
  {
    name: 'the booking not found yet: confirmed with the request alone',
    from: { kind: 'reading-booking', tracked: { ...tracked, request: approved } },
    event: { type: 'booking-read-failed', failure: { code: 'not-found', message: 'HTTP 404', status: 404 } },
    to: { kind: 'confirmed', confirmed: { ...confirmed, booking: null }, cancelFailure: null },
    effects: [
      { type: 'forget' },
      { type: 'emit', event: { name: 'ev-booking-confirmed', bookingRequest: approved, booking: null } },
      focusStatus,
    ],
  },
  {
    name: 'the booking read fails for a passing reason: Try again follows the request',
    from: { kind: 'reading-booking', tracked },
    event: { type: 'booking-read-failed', failure: serverError },
    to: { kind: 'failed', failure: serverError, message: null, retry: { kind: 'track', tracked } },
    effects: [error(serverError), focusStatus],
  },
  {
    name: 'still pending past the time-out',
    from: pending,
    event: { type: 'poll-timed-out' },
    to: { kind: 'timed-out', tracked },
    effects: [error({ code: 'timeout', message: 'Booking request 555 still pending' }), focusStatus],
  },
  {
    name: 'Check again polls the same request',
    from: { kind: 'timed-out', tracked },
    event: { type: 'retry' },
    to: pending,
    effects: [{ type: 'poll', tracked }],
  },
  {
    name: 'polling fails: Try again follows the same request',
    from: pending,
    event: { type: 'poll-failed', failure: lostAnswer },
    to: { kind: 'failed', failure: lostAnswer, message: null, retry: { kind: 'track', tracked } },
    effects: [error(lostAnswer), focusStatus],
  },
  {
    name: 'a resumed request that is gone is forgotten quietly',
    from: { kind: 'pending', tracked, resumed: true },
    event: { type: 'poll-failed', failure: { code: 'not-found', message: 'HTTP 404', status: 404 } },
    to: choosing(),
    effects: [{ type: 'forget' }],
  },
  {
    name: 'Try again after polling failed: polls, never books',
    from: { kind: 'failed', failure: lostAnswer, message: null, retry: { kind: 'track', tracked } },
    event: { type: 'retry' },
    to: pending,
    effects: [{ type: 'poll', tracked }],
  },
  {
    name: 'Try again after a 429: the same Book',
    from: { kind: 'failed', failure: rateLimited, message: null, retry: { kind: 'book', body: body() } },
    event: { type: 'retry' },
    to: sending,
    effects: [{ type: 'create', body: body() }],
  },
  {
    name: 'Try again with nothing to retry: choosing, fresh availability',
    from: { kind: 'failed', failure: forbidden, message: null, retry: { kind: 'none' } },
    event: { type: 'retry' },
    to: choosing(),
    effects: [{ type: 'reload-availability' }],
  },
  { name: 'retry while sending: ignored (back online)', from: sending, event: { type: 'retry' }, to: sending },

  // The driver's edits.
  {
    name: 'a new start ends a rejection',
    from: { kind: 'rejected', request: rejected, reason: 'Overlap' },
    event: { type: 'edited', field: 'slot' },
    to: choosing(),
  },
  {
    name: 'a new start keeps a lost attempt to look up',
    from: uncertain,
    event: { type: 'edited', field: 'slot' },
    to: choosing({ body: body(), failure: lostAnswer }),
  },
  {
    name: 'typing clears the email message and the sign-up hint',
    from: { ...choosing(), noAccount: true, fieldErrors: { email: 'Bad', slot: 'Late' } },
    event: { type: 'edited', field: 'email' },
    to: { ...choosing(), fieldErrors: { slot: 'Late' } },
  },
  {
    name: 'another port clears the port and start messages',
    from: { ...choosing(), missing: 'port', fieldErrors: { email: 'Bad', slot: 'Late', port: 'Busy' } },
    event: { type: 'edited', field: 'port' },
    to: { ...choosing(), fieldErrors: { email: 'Bad' } },
  },
  {
    name: 'changed filters clear the message asking to change them',
    from: { ...choosing(), missing: 'filters' },
    event: { type: 'edited', field: 'port' },
    to: choosing(),
  },
  {
    name: 'another duration clears the start message',
    from: { ...choosing(), missing: 'slot', fieldErrors: { slot: 'Late' } },
    event: { type: 'edited', field: 'duration' },
    to: choosing(),
  },
  {
    name: 'editing while pending changes nothing',
    from: pending,
    event: { type: 'edited', field: 'slot' },
    to: pending,
  },
  {
    name: 'pick again after a rejection',
    from: { kind: 'rejected', request: rejected, reason: null },
    event: { type: 'pick-again' },
    to: choosing(),
    effects: [{ type: 'clear-start' }, { type: 'focus', target: 'slots' }],
  },
  {
    name: 'book another after a confirmation',
    from: { kind: 'confirmed', confirmed, cancelFailure: null },
    event: { type: 'book-another' },
    to: choosing(),
    effects: [{ type: 'clear-start' }, { type: 'reload-availability' }, { type: 'focus', target: 'slots' }],
  },

  // Cancel (SPEC §4 step 8).
  {
    name: 'Cancel booking asks first',
    from: { kind: 'confirmed', confirmed, cancelFailure: null },
    event: { type: 'cancel' },
    to: { kind: 'cancel-confirming', confirmed },
  },
  {
    name: 'no cancel without a booking id',
    from: {
      kind: 'confirmed',
      confirmed: { ...confirmed, booking: null, request: { ...approved, bookingId: null } },
      cancelFailure: null,
    },
    event: { type: 'cancel' },
    to: {
      kind: 'confirmed',
      confirmed: { ...confirmed, booking: null, request: { ...approved, bookingId: null } },
      cancelFailure: null,
    },
  },
  {
    name: 'keeping the booking',
    from: { kind: 'cancel-confirming', confirmed },
    event: { type: 'cancel-dismissed' },
    to: { kind: 'confirmed', confirmed, cancelFailure: null },
  },
  {
    name: "cancel confirmed: sent with the booking's capability",
    from: { kind: 'cancel-confirming', confirmed },
    event: { type: 'cancel-confirmed' },
    to: { kind: 'cancelling', confirmed, cancel: null, step: 'sending' },
    effects: [{ type: 'cancel', bookingId: 900, capability: 'cap-555' }],
  },
  {
    name: 'the cancel request is polled with its own capability',
    from: { kind: 'cancelling', confirmed, cancel: null, step: 'sending' },
    event: { type: 'cancel-created', tracked: cancelTracked },
    to: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'pending' },
    effects: [{ type: 'poll', tracked: cancelTracked }],
  },
  {
    name: 'approved: the booking is read with its own capability',
    from: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'pending' },
    event: { type: 'decided', request: { ...cancelTracked.request, status: 'approved' } },
    to: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'reading' },
    effects: [{ type: 'read-booking', bookingId: 900, capability: 'cap-555' }],
  },
  {
    name: 'the cancelled booking read: cancelled, announced',
    from: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'reading' },
    event: { type: 'booking-read', booking: { ...booking, status: 'cancelled' } },
    to: { kind: 'cancelled', booking: { ...booking, status: 'cancelled' } },
    effects: [
      { type: 'emit', event: { name: 'ev-booking-cancelled', booking: { ...booking, status: 'cancelled' } } },
      focusStatus,
    ],
  },
  {
    name: 'the cancel refused: back to the confirmation, saying so',
    from: { kind: 'cancelling', confirmed, cancel: null, step: 'sending' },
    event: { type: 'cancel-failed', failure: forbidden },
    to: { kind: 'confirmed', confirmed, cancelFailure: forbidden },
    effects: [error(forbidden), focusStatus],
  },
  {
    name: 'the cancel request rejected',
    from: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'pending' },
    event: { type: 'decided', request: { ...cancelTracked.request, status: 'rejected', rejectionReason: 'Too late' } },
    to: { kind: 'confirmed', confirmed, cancelFailure: { code: 'validation', message: 'Too late' } },
    effects: [error({ code: 'validation', message: 'Too late' }), focusStatus],
  },
  {
    name: 'the cancel still pending past the time-out',
    from: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'pending' },
    event: { type: 'poll-timed-out' },
    to: {
      kind: 'confirmed',
      confirmed,
      cancelFailure: { code: 'timeout', message: 'The cancellation is still pending' },
    },
    effects: [error({ code: 'timeout', message: 'The cancellation is still pending' }), focusStatus],
  },
  {
    name: 'polling the cancel fails',
    from: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'pending' },
    event: { type: 'poll-failed', failure: serverError },
    to: { kind: 'confirmed', confirmed, cancelFailure: serverError },
    effects: [error(serverError), focusStatus],
  },
  {
    name: 'reading the cancelled booking fails',
    from: { kind: 'cancelling', confirmed, cancel: cancelTracked, step: 'reading' },
    event: { type: 'booking-read-failed', failure: serverError },
    to: { kind: 'confirmed', confirmed, cancelFailure: serverError },
    effects: [error(serverError), focusStatus],
  },
  {
    name: 'book another after cancelling',
    from: { kind: 'cancelled', booking },
    event: { type: 'book-another' },
    to: choosing(),
    effects: [{ type: 'clear-start' }, { type: 'reload-availability' }, { type: 'focus', target: 'slots' }],
  },
  {
    name: 'a second Cancel while cancelling: ignored',
    from: { kind: 'cancelling', confirmed, cancel: null, step: 'sending' },
    event: { type: 'cancel-confirmed' },
    to: { kind: 'cancelling', confirmed, cancel: null, step: 'sending' },
  },
  // The booking stage's arrival: the whole machine passes it to the first half.
  {
    name: 'the stage is here: a Book that waited for it is sent',
    from: { ...choosing(), bookWaiting: true },
    event: { type: 'stage-ready' },
    to: choosing(),
    effects: [{ type: 'book-waiting' }],
  },
  {
    name: 'the stage did not load: the Book fails, nothing sent',
    from: { ...choosing(), bookWaiting: true },
    event: { type: 'stage-failed', failure: lostAnswer },
    to: { kind: 'failed', failure: lostAnswer, message: null, retry: { kind: 'none' } },
    effects: [error(lostAnswer), focusStatus],
  },
];

describe('transition table', () => {
  for (const row of rows) {
    it(`${row.from.kind} + ${row.event.type}: ${row.name}`, () => {
      const { state, effects } = transition(row.from, row.event);
      assert.deepEqual(state, row.to);
      assert.deepEqual(effects, row.effects ?? []);
    });
  }

  it('covers every state and every event', () => {
    const kinds = new Set(rows.flatMap((row) => [row.from.kind, row.to.kind]));
    const events = new Set(rows.map((row) => row.event.type));
    const allKinds: State['kind'][] = [
      'config-error',
      'loading',
      'load-failed',
      'choosing',
      'sending',
      'checking',
      'uncertain',
      'pending',
      'reading-booking',
      'confirmed',
      'rejected',
      'timed-out',
      'failed',
      'cancel-confirming',
      'cancelling',
      'cancelled',
    ];
    const allEvents: FlowEvent['type'][] = [
      'configured',
      'times-ready',
      'ports-ready',
      'load-failed',
      'book',
      'created',
      'create-failed',
      'looked-up',
      'look-up-failed',
      'resume',
      'decided',
      'poll-timed-out',
      'poll-failed',
      'booking-read',
      'booking-read-failed',
      'retry',
      'edited',
      'pick-again',
      'book-another',
      'cancel',
      'cancel-dismissed',
      'cancel-confirmed',
      'cancel-created',
      'cancel-failed',
      'stage-ready',
      'stage-failed',
    ];
    assert.deepEqual(
      allKinds.filter((kind) => !kinds.has(kind)),
      [],
    );
    assert.deepEqual(
      allEvents.filter((type) => !events.has(type)),
      [],
    );
  });
});

/** Runs `events` from `state`; returns the last state and every create body sent on the way. */
function run(state: State, events: FlowEvent[]): { state: State; creates: CreateBookingBody[]; lookUps: string[] } {
  const creates: CreateBookingBody[] = [];
  const lookUps: string[] = [];
  for (const event of events) {
    const next = transition(state, event);
    state = next.state;
    for (const effect of next.effects) {
      if (effect.type === 'create') creates.push(effect.body);
      if (effect.type === 'look-up') lookUps.push(effect.externalId);
    }
  }
  return { state, creates, lookUps };
}

describe('never two bookings (SPEC §8)', () => {
  const bookEvent = (externalId: string, extra: Partial<BookingChoice> = {}): FlowEvent => ({
    type: 'book',
    choice: { ...choice, ...extra },
    externalId,
  });

  it('a double Book sends one create', () => {
    const { creates } = run(choosing(), [bookEvent('a'), bookEvent('b'), bookEvent('c')]);
    assert.deepEqual(
      creates.map((b) => b.externalId),
      ['a'],
    );
  });

  it('a lost answer found by its externalId: one create', () => {
    const { state, creates, lookUps } = run(choosing(), [
      bookEvent('a'),
      { type: 'create-failed', failure: lostAnswer },
      { type: 'looked-up', found: tracked },
    ]);
    assert.equal(state.kind, 'pending');
    assert.equal(creates.length, 1);
    assert.deepEqual(lookUps, ['a']);
  });

  it('lost twice and never found: two POSTs of the same attempt, then uncertain; no third', () => {
    const { state, creates } = run(choosing(), [
      bookEvent('a'),
      { type: 'create-failed', failure: lostAnswer },
      { type: 'looked-up', found: null },
      { type: 'looked-up', found: null },
      { type: 'create-failed', failure: lostAnswer },
      { type: 'looked-up', found: null },
      bookEvent('b'),
    ]);
    assert.deepEqual(
      creates.map((b) => b.externalId),
      ['a', 'a'],
    );
    assert.equal(state.kind, 'checking', 'the next Book looks the lost attempt up first');
  });

  it('uncertain, then Book of another start: the lost attempt is found and followed, nothing sent', () => {
    const { state, creates, lookUps } = run(choosing(), [
      bookEvent('a'),
      { type: 'create-failed', failure: lostAnswer },
      { type: 'look-up-failed', failure: serverError },
      { type: 'edited', field: 'slot' },
      bookEvent('b', { startAt: '2026-03-01T12:00:00Z', endAt: '2026-03-01T13:00:00Z' }),
      { type: 'looked-up', found: tracked },
    ]);
    assert.deepEqual(
      creates.map((b) => b.externalId),
      ['a'],
    );
    assert.deepEqual(lookUps, ['a', 'a']);
    assert.equal(state.kind, 'pending');
  });

  it('uncertain, then Try again after the look-up failed: sends what the driver chose last only once it is known', () => {
    const later = { startAt: '2026-03-01T12:00:00Z', endAt: '2026-03-01T13:00:00Z' };
    const { creates } = run(choosing(), [
      bookEvent('a'),
      { type: 'create-failed', failure: lostAnswer },
      { type: 'look-up-failed', failure: serverError },
      { type: 'edited', field: 'slot' },
      bookEvent('b', later),
      { type: 'look-up-failed', failure: serverError },
      { type: 'retry' },
      { type: 'looked-up', found: null },
    ]);
    assert.deepEqual(
      creates.map((b) => [b.externalId, b.startAt]),
      [
        ['a', choice.startAt],
        ['b', later.startAt],
      ],
    );
  });

  it('a polling failure is retried by polling, never by booking', () => {
    const { creates, state } = run(choosing(), [
      bookEvent('a'),
      { type: 'created', tracked },
      { type: 'poll-failed', failure: lostAnswer },
      { type: 'retry' },
      bookEvent('b'),
    ]);
    assert.equal(creates.length, 1);
    assert.equal(state.kind, 'pending');
  });

  it('still pending past the time-out, then Book: the same request is followed, nothing sent', () => {
    const { creates, state } = run(choosing(), [
      bookEvent('a'),
      { type: 'created', tracked },
      { type: 'poll-timed-out' },
      bookEvent('b'),
      { type: 'edited', field: 'slot' },
      bookEvent('c', { startAt: '2026-03-01T12:00:00Z', endAt: '2026-03-01T13:00:00Z' }),
    ]);
    assert.deepEqual(
      creates.map((b) => b.externalId),
      ['a'],
    );
    assert.deepEqual(state, followedPending);
  });

  it('polling failed, then Book instead of Try again: the same request is followed, nothing sent', () => {
    const { creates, state } = run(choosing(), [
      bookEvent('a'),
      { type: 'created', tracked },
      { type: 'poll-failed', failure: lostAnswer },
      bookEvent('b'),
    ]);
    assert.equal(creates.length, 1);
    assert.deepEqual(state, followedPending);
  });

  it('busy while a booking or a cancel is on its way', () => {
    assert.equal(isBusy(sending), true);
    assert.equal(isBusy(checking()), true);
    assert.equal(isBusy(pending), true);
    assert.equal(isBusy({ kind: 'cancelling', confirmed, cancel: null, step: 'sending' }), true);
    assert.equal(isBusy(uncertain), false);
    assert.equal(isBusy(choosing()), false);
    assert.equal(isBusy(timesOnly), false);
    assert.equal(isBusy({ ...timesOnly, bookWaiting: true }), true);
  });

  it('a Book made while the ports load is sent once, when they are ready', () => {
    const { state, creates } = run({ kind: 'loading' }, [
      { type: 'times-ready' },
      bookEvent('a'),
      bookEvent('b'),
      { type: 'ports-ready' },
    ]);
    assert.equal(creates.length, 0);
    assert.deepEqual(state, choosing());
    const sent = transition(state, bookEvent('c'));
    assert.equal(sent.state.kind, 'sending');
  });
});

describe('before the booking stage is here (transitionChoosing, machine.ts)', () => {
  const stageFailed: State = { kind: 'failed', failure: lostAnswer, message: null, retry: { kind: 'none' } };
  const before: Row[] = [
    {
      name: 'Book waits for the stage and asks for it',
      from: choosing(),
      event: { type: 'book', choice, externalId: 'id-1' },
      to: { ...choosing(), bookWaiting: true },
      effects: [{ type: 'load-stage' }],
    },
    {
      name: 'Book while the ports load waits for them first',
      from: timesOnly,
      event: { type: 'book', choice, externalId: 'id-1' },
      to: { ...timesOnly, bookWaiting: true },
    },
    {
      name: 'a second Book while waiting changes nothing',
      from: { ...choosing(), bookWaiting: true },
      event: { type: 'book', choice, externalId: 'id-2' },
      to: { ...choosing(), bookWaiting: true },
    },
    {
      name: 'the ports are here: the waiting Book is sent again (and then waits for the stage)',
      from: { ...timesOnly, bookWaiting: true },
      event: { type: 'ports-ready' },
      to: choosing(),
      effects: [{ type: 'book-waiting' }],
    },
    {
      name: 'the stage is here while the ports still load: the Book waits for the ports',
      from: { ...timesOnly, bookWaiting: true },
      event: { type: 'stage-ready' },
      to: { ...timesOnly, bookWaiting: true },
    },
    {
      name: 'the stage is here with no Book waiting: nothing to do',
      from: choosing(),
      event: { type: 'stage-ready' },
      to: choosing(),
    },
    {
      name: 'Try again after the stage failed: back to choosing, the start times read again',
      from: stageFailed,
      event: { type: 'retry' },
      to: choosing(),
      effects: [{ type: 'reload-availability' }],
    },
    {
      name: 'Book after the stage failed asks for it again',
      from: stageFailed,
      event: { type: 'book', choice, externalId: 'id-3' },
      to: { ...choosing(), bookWaiting: true },
      effects: [{ type: 'load-stage' }],
    },
    {
      name: "the booking half's events are not this half's",
      from: choosing(),
      event: { type: 'created', tracked },
      to: choosing(),
    },
  ];
  for (const row of before) {
    it(`${row.from.kind} + ${row.event.type}: ${row.name}`, () => {
      const { state, effects } = transitionChoosing(row.from, row.event);
      assert.deepEqual(state, row.to);
      assert.deepEqual(effects, row.effects ?? []);
    });
  }

  it('a Book before the stage is sent once, with its externalId, when the stage is here', () => {
    const first = transitionChoosing(choosing(), { type: 'book', choice, externalId: 'id-early' });
    // The runner loads the stage, then moves with the whole machine.
    const ready = transition(first.state, { type: 'stage-ready' });
    assert.deepEqual(ready.effects, [{ type: 'book-waiting' }]);
    const sent = transition(ready.state, { type: 'book', choice, externalId: 'id-sent' });
    assert.deepEqual(sent.effects, [{ type: 'create', body: body('id-sent') }]);
    assert.equal(transition(sent.state, { type: 'book', choice, externalId: 'id-again' }).effects.length, 0);
  });

  it('a Book without its choice (pressed before the stage was here) waits for what it needs, whichever half moves', () => {
    const waiting = transitionChoosing(choosing(), { type: 'book' });
    assert.deepEqual(waiting, { state: { ...choosing(), bookWaiting: true }, effects: [{ type: 'load-stage' }] });
    // The whole machine moves it the same way (the runner sends no choice until the stage's code makes it).
    assert.deepEqual(transition(choosing(), { type: 'book' }), waiting);
    const beforePorts = { ...choosing(), portsReady: false };
    assert.deepEqual(transition(beforePorts, { type: 'book' }).state, { ...beforePorts, bookWaiting: true });
    assert.deepEqual(transition(beforePorts, { type: 'book' }).effects, []);
  });
});
