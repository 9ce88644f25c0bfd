/**
 * The cancel flow of a confirmed booking (SPEC §4 step 8), the part of `transition` that starts
 * at `confirmed`: ask the driver to confirm, send `{type:"cancel"}` with the booking's capability,
 * poll the cancel request with its own capability, then read the booking (now `cancelled`).
 */
import type { Failure } from './failure.js';
import type { Confirmed, Effect, FlowEvent, State, Transition } from './states.js';

/** The booking's id, when there is one to cancel. */
export function cancellableId({ booking, request }: Confirmed): number | null {
  return booking?.id ?? request.bookingId ?? null;
}

/** Back to the confirmation, saying why the cancel did not happen. */
function cancelFailed(confirmed: Confirmed, failure: Failure): Transition {
  const report: Effect = { type: 'emit', event: { name: 'ev-booking-error', failure } };
  return {
    state: { kind: 'confirmed', confirmed, cancelFailure: failure },
    effects: [report, { type: 'focus', target: 'status' }],
  };
}

export function transitionCancel(state: State, event: FlowEvent): Transition {
  const stay: Transition = { state, effects: [] };
  if (state.kind === 'confirmed') {
    if (event.type !== 'cancel' || cancellableId(state.confirmed) === null) return stay;
    return { state: { kind: 'cancel-confirming', confirmed: state.confirmed }, effects: [] };
  }
  if (state.kind === 'cancel-confirming') {
    const { confirmed } = state;
    if (event.type === 'cancel-dismissed') {
      return { state: { kind: 'confirmed', confirmed, cancelFailure: null }, effects: [] };
    }
    if (event.type !== 'cancel-confirmed') return stay;
    const bookingId = cancellableId(confirmed)!;
    return {
      state: { kind: 'cancelling', confirmed, cancel: null, step: 'sending' },
      effects: [{ type: 'cancel', bookingId, capability: confirmed.capability }],
    };
  }
  if (state.kind !== 'cancelling') return stay;
  const { confirmed, step } = state;
  switch (event.type) {
    case 'cancel-created':
      if (step !== 'sending') return stay;
      return {
        state: { kind: 'cancelling', confirmed, cancel: event.tracked, step: 'pending' },
        effects: [{ type: 'poll', tracked: event.tracked }],
      };
    case 'cancel-failed':
      return step === 'sending' ? cancelFailed(confirmed, event.failure) : stay;
    case 'decided':
      if (step !== 'pending') return stay;
      if (event.request.status === 'rejected') {
        const message = event.request.rejectionReason || 'The cancellation was refused';
        return cancelFailed(confirmed, { code: 'validation', message });
      }
      // The booking is read with its own capability, not the cancel request's.
      return {
        state: { ...state, step: 'reading' },
        effects: [{ type: 'read-booking', bookingId: cancellableId(confirmed)!, capability: confirmed.capability }],
      };
    case 'poll-timed-out':
      return step === 'pending'
        ? cancelFailed(confirmed, { code: 'timeout', message: 'The cancellation is still pending' })
        : stay;
    case 'poll-failed':
      return step === 'pending' ? cancelFailed(confirmed, event.failure) : stay;
    case 'booking-read':
      if (step !== 'reading') return stay;
      return {
        state: { kind: 'cancelled', booking: event.booking },
        effects: [
          { type: 'emit', event: { name: 'ev-booking-cancelled', booking: event.booking } },
          { type: 'focus', target: 'status' },
        ],
      };
    case 'booking-read-failed':
      return step === 'reading' ? cancelFailed(confirmed, event.failure) : stay;
    default:
      return stay;
  }
}
