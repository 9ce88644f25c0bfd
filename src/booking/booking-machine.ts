/**
 * The booking flow's second half, from Book to the outcome, and the whole machine: `transition`
 * handles the booking's events here and passes the load's and the choosing's to `machine.ts`.
 * Part of the booking stage chunk (`booking-stage.ts`). No DOM, no timers, no fetch: tested as a table in
 * `test/node/machine.test.ts`.
 *
 * Never two bookings (SPEC §8): this is the one place that decides which `externalId` a create
 * carries. A create whose answer was lost is looked up by its `externalId` before anything else is
 * sent; a Book while a create is on its way, being looked up or being followed is ignored, and a
 * Book while a request is still pending past the poll's time-out (or its polling failed) follows it.
 */
import type { CreateBookingBody } from '../api/gateway.js';
import type { Failure } from './failure.js';
import { mayPass, outcomeUnknown, placeFieldErrors } from './failure-kinds.js';
import { transitionCancel } from './cancel.js';
import { focusStatus, reportError, stay, to, transitionChoosing } from './machine.js';
import {
  choosing,
  type BookingChoice,
  type FlowEvent,
  type Lost,
  type State,
  type Tracked,
  type Transition,
} from './states.js';

export { isBusy } from './machine.js';

/** The pause before the second look-up of a lost attempt (the server may still be storing it). */
export const SECOND_LOOK_UP_DELAY_MS = 500;

/** Whether a state shows the form and accepts Book. */
const BOOKABLE: ReadonlySet<State['kind']> = new Set(['choosing', 'rejected', 'failed', 'uncertain', 'timed-out']);
/** The same booking: every field alike but the attempt's own `externalId`. */
function sameBooking(a: CreateBookingBody, b: CreateBookingBody): boolean {
  return (
    a.email === b.email &&
    a.locationId === b.locationId &&
    a.startAt === b.startAt &&
    a.endAt === b.endAt &&
    a.evseId === b.evseId
  );
}

/** The attempt whose answer was lost, if the state remembers one. */
function lostAttemptOf(state: State): Lost | null {
  if (state.kind === 'choosing') return state.lost;
  if (state.kind === 'uncertain') return { body: state.lost, failure: state.failure };
  return null;
}

/** Look `lost` up, then send `next` if it was not made. */
function checkFirst(lost: Lost, next: CreateBookingBody, mayResend: boolean, lookups = 1): Transition {
  return to(
    { kind: 'checking', lost: lost.body, next, lookupsLeft: lookups, mayResend, cause: lost.failure },
    { type: 'look-up', externalId: lost.body.externalId, delayMs: 0 },
  );
}

/** The request a state still follows: pending past the poll's time-out, or whose polling or booking read failed. */
function requestFollowed(state: State): Tracked | null {
  if (state.kind === 'timed-out') return state.tracked;
  if (state.kind === 'failed' && state.retry.kind === 'track') return state.retry.tracked;
  return null;
}

function book(state: State, choice: BookingChoice, externalId: string): Transition {
  if (!BOOKABLE.has(state.kind)) return stay(state);
  // That request may still be approved: Book follows it again, as Check again does, and books nothing more.
  const followed = requestFollowed(state);
  if (followed) return to({ kind: 'pending', tracked: followed, resumed: false }, { type: 'poll', tracked: followed });
  // The ports' details are not here yet: the `evseId` is chosen once they are.
  if (state.kind === 'choosing' && !state.portsReady) return stay({ ...state, bookWaiting: true });
  const lost = lostAttemptOf(state);
  const noPort = choice.filtersMatchNoPort ? 'filters' : 'port';
  const missing = choice.evseId === null ? noPort : !choice.startAt || !choice.endAt ? 'slot' : null;
  if (missing || choice.evseId === null || !choice.startAt || !choice.endAt) {
    return stay({ ...choosing(lost), missing });
  }
  const body: CreateBookingBody = {
    type: 'create',
    email: choice.email,
    locationId: choice.locationId,
    startAt: choice.startAt,
    endAt: choice.endAt,
    evseId: choice.evseId,
    externalId,
  };
  if (lost) return checkFirst(lost, sameBooking(lost.body, body) ? lost.body : body, true);
  return to({ kind: 'sending', body, resend: false }, { type: 'create', body });
}

/** The request made by `body`, with the times and port it asked for (Ampeco's answers need not name them). */
const madeBy = (tracked: Tracked, { evseId, startAt, endAt }: CreateBookingBody): Tracked => ({
  ...tracked,
  ...(evseId !== undefined && { askedEvseId: evseId }),
  askedStartAt: startAt,
  askedEndAt: endAt,
});

/** The request exists (created, or found by its `externalId`): follow it. */
function follow(tracked: Tracked): Transition {
  return to(
    { kind: 'pending', tracked, resumed: false },
    { type: 'persist', tracked },
    { type: 'emit', event: { name: 'ev-booking-requested', bookingRequest: tracked.request } },
    { type: 'poll', tracked },
  );
}

function failed(failure: Failure, retry: Extract<State, { kind: 'failed' }>['retry']): Transition {
  return to({ kind: 'failed', failure, message: null, retry }, reportError(failure), focusStatus);
}

function createFailed(state: Extract<State, { kind: 'sending' }>, failure: Failure): Transition {
  const { body, resend } = state;
  if (failure.reason === 'no-account') return stay({ ...choosing(), noAccount: true });
  if (failure.fieldErrors?.['externalId']) {
    // "externalId already taken": an earlier POST of this attempt arrived after all.
    return checkFirst({ body, failure }, body, false);
  }
  if (failure.fieldErrors) {
    const { fields, rest } = placeFieldErrors(failure.fieldErrors);
    if (!rest && Object.keys(fields).length > 0) return stay({ ...choosing(), fieldErrors: fields });
    return to(
      { kind: 'failed', failure, message: rest ?? failure.message, retry: { kind: 'none' } },
      reportError(failure),
      focusStatus,
    );
  }
  // The answer was lost: the request may exist. Looked up twice (the second time after a pause),
  // then sent once more under the same `externalId` if it was not made.
  if (outcomeUnknown(failure)) return checkFirst({ body, failure }, body, !resend, resend ? 1 : 2);
  return failed(failure, mayPass(failure) ? { kind: 'book', body } : { kind: 'none' });
}

function lookedUp(state: Extract<State, { kind: 'checking' }>, found: Tracked | null): Transition {
  if (found) return follow(madeBy(found, state.lost));
  const { lost, next, lookupsLeft, mayResend, cause } = state;
  if (lookupsLeft > 1) {
    return to(
      { ...state, lookupsLeft: lookupsLeft - 1 },
      { type: 'look-up', externalId: lost.externalId, delayMs: SECOND_LOOK_UP_DELAY_MS },
    );
  }
  if (next.externalId !== lost.externalId)
    return to({ kind: 'sending', body: next, resend: false }, { type: 'create', body: next });
  if (mayResend) return to({ kind: 'sending', body: lost, resend: true }, { type: 'create', body: lost });
  return to({ kind: 'uncertain', lost, next, failure: cause }, reportError(cause), focusStatus);
}

function decided(state: Extract<State, { kind: 'pending' }>, request: Tracked['request']): Transition {
  const tracked = { ...state.tracked, request };
  if (request.status === 'rejected') {
    const reason = request.rejectionReason || null;
    return to(
      { kind: 'rejected', request, reason },
      { type: 'forget' },
      { type: 'emit', event: { name: 'ev-booking-rejected', bookingRequest: request, reason } },
      { type: 'clear-start' },
      { type: 'reload-availability' },
      focusStatus,
    );
  }
  if (request.bookingId == null) return confirm(tracked, null);
  return to(
    { kind: 'reading-booking', tracked },
    { type: 'read-booking', bookingId: request.bookingId, capability: tracked.capability },
  );
}

function confirm(
  { request, capability, askedEvseId }: Tracked,
  booking: Extract<State, { kind: 'cancelled' }>['booking'] | null,
): Transition {
  const confirmed = { request, booking, capability, ...(askedEvseId !== undefined && { askedEvseId }) };
  return to(
    { kind: 'confirmed', confirmed, cancelFailure: null },
    { type: 'forget' },
    { type: 'emit', event: { name: 'ev-booking-confirmed', bookingRequest: request, booking } },
    focusStatus,
  );
}

function retry(state: State, event: FlowEvent): Transition {
  switch (state.kind) {
    case 'uncertain':
      return checkFirst({ body: state.lost, failure: state.failure }, state.next, true);
    case 'timed-out':
      return to({ kind: 'pending', tracked: state.tracked, resumed: false }, { type: 'poll', tracked: state.tracked });
    case 'failed': {
      const what = state.retry;
      if (what.kind === 'book')
        return to({ kind: 'sending', body: what.body, resend: false }, { type: 'create', body: what.body });
      if (what.kind === 'track') {
        return to({ kind: 'pending', tracked: what.tracked, resumed: false }, { type: 'poll', tracked: what.tracked });
      }
      return transitionChoosing(state, event);
    }
    default:
      return transitionChoosing(state, event);
  }
}

/** A changed choice: a new start ends a rejection or a failure (and keeps a lost attempt to look up). */
function edited(state: State, event: Extract<FlowEvent, { type: 'edited' }>): Transition {
  if (event.field === 'slot' && ['rejected', 'failed', 'uncertain'].includes(state.kind))
    return stay(choosing(lostAttemptOf(state)));
  return transitionChoosing(state, event);
}

export function transition(state: State, event: FlowEvent): Transition {
  switch (event.type) {
    case 'book':
      return event.choice ? book(state, event.choice, event.externalId) : transitionChoosing(state, event);
    case 'created':
      return state.kind === 'sending' ? follow(madeBy(event.tracked, state.body)) : stay(state);
    case 'create-failed':
      return state.kind === 'sending' ? createFailed(state, event.failure) : stay(state);
    case 'looked-up':
      return state.kind === 'checking' ? lookedUp(state, event.found) : stay(state);
    case 'look-up-failed':
      if (state.kind !== 'checking') return stay(state);
      return to(
        { kind: 'uncertain', lost: state.lost, next: state.next, failure: event.failure },
        reportError(event.failure),
        focusStatus,
      );
    case 'resume':
      if (state.kind !== 'choosing' || event.tracked === undefined) return stay(state);
      return event.tracked
        ? to({ kind: 'pending', tracked: event.tracked, resumed: true }, { type: 'poll', tracked: event.tracked })
        : to(state, { type: 'forget' });
    case 'decided':
      return state.kind === 'pending' ? decided(state, event.request) : transitionCancel(state, event);
    case 'poll-timed-out':
      if (state.kind !== 'pending') return transitionCancel(state, event);
      return to(
        { kind: 'timed-out', tracked: state.tracked },
        reportError({ code: 'timeout', message: `Booking request ${state.tracked.request.id} still pending` }),
        focusStatus,
      );
    case 'poll-failed':
      if (state.kind !== 'pending') return transitionCancel(state, event);
      // A request kept before a reload that no longer exists (or is not this driver's): forgotten.
      if (state.resumed && event.failure.code === 'not-found') return to(choosing(), { type: 'forget' });
      return failed(
        event.failure,
        mayPass(event.failure) ? { kind: 'track', tracked: state.tracked } : { kind: 'none' },
      );
    case 'booking-read':
      return state.kind === 'reading-booking' ? confirm(state.tracked, event.booking) : transitionCancel(state, event);
    case 'booking-read-failed':
      if (state.kind !== 'reading-booking') return transitionCancel(state, event);
      // Approved, but its booking is not readable (yet): confirmed with the request's own details.
      if (event.failure.code === 'not-found') return confirm(state.tracked, null);
      return failed(
        event.failure,
        mayPass(event.failure) ? { kind: 'track', tracked: state.tracked } : { kind: 'none' },
      );
    case 'retry':
      return retry(state, event);
    case 'edited':
      return edited(state, event);
    case 'pick-again':
      return state.kind === 'rejected'
        ? to(choosing(), { type: 'clear-start' }, { type: 'focus', target: 'slots' })
        : stay(state);
    case 'book-another':
      return state.kind === 'confirmed' || state.kind === 'cancelled'
        ? to(choosing(), { type: 'clear-start' }, { type: 'reload-availability' }, { type: 'focus', target: 'slots' })
        : stay(state);
    case 'cancel':
    case 'cancel-dismissed':
    case 'cancel-confirmed':
    case 'cancel-created':
    case 'cancel-failed':
      return transitionCancel(state, event);
    default:
      // The load, the choosing, and the stage's own arrival.
      return transitionChoosing(state, event);
  }
}
