/**
 * What the view says about a booking's outcome (status, its message, the confirmed or cancelled
 * booking, where its cancel is, the messages a Book's answer put next to the controls), from the
 * booking half's states. Part of the booking stage chunk
 * (`booking-stage.ts`); before it is here, `view.ts` tells the outcome of the first half's states.
 */
import type { BookingStatus } from '../components/status-tracker/status-tracker.js';
import { errorMessage, viewWith, type CancelStage, type FlowView, type Message, type OutcomeView } from './view.js';
import { cancellableId } from './cancel.js';
import type { FieldName } from './failure.js';
import type { Confirmed, State, Tracked } from './states.js';

const STATUS: Record<State['kind'], BookingStatus> = {
  'config-error': 'idle',
  loading: 'idle',
  'load-failed': 'idle',
  choosing: 'idle',
  sending: 'sending',
  checking: 'sending',
  uncertain: 'error',
  pending: 'pending',
  'reading-booking': 'pending',
  confirmed: 'confirmed',
  rejected: 'rejected',
  'timed-out': 'timeout',
  failed: 'error',
  'cancel-confirming': 'confirmed',
  cancelling: 'confirmed',
  cancelled: 'idle',
};

function statusMessageOf(state: State): Message | null {
  switch (state.kind) {
    case 'rejected':
      return state.reason ? { text: state.reason } : null;
    case 'failed':
      return state.message ? { text: state.message } : { key: errorMessage(state.failure) };
    case 'uncertain':
      return { key: errorMessage(state.failure) };
    default:
      return null;
  }
}

function confirmedOf(state: State): Confirmed | null {
  if (state.kind === 'confirmed' || state.kind === 'cancel-confirming' || state.kind === 'cancelling') {
    return state.confirmed;
  }
  return null;
}

/** The request being followed while its status is pending (polled, or its booking read). */
function followedOf(state: State): Tracked | null {
  return state.kind === 'pending' || state.kind === 'reading-booking' ? state.tracked : null;
}

function cancelStageOf(state: State): CancelStage {
  switch (state.kind) {
    case 'confirmed':
      return cancellableId(state.confirmed) === null ? 'unavailable' : 'offered';
    case 'cancel-confirming':
      return 'confirming';
    case 'cancelling':
      return 'cancelling';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'unavailable';
  }
}

/** The messages next to the controls: a 422's per field, or the field a Book lacked. */
function fieldErrorsOf(state: State): Record<FieldName, Message | null> {
  if (state.kind !== 'choosing') return { email: null, port: null, slot: null };
  const text = (value: string | undefined): Message | null => (value ? { text: value } : null);
  return {
    email: text(state.fieldErrors.email),
    port:
      state.missing === 'port'
        ? { key: 'pickPort' }
        : state.missing === 'filters'
          ? { key: 'changeFilters' }
          : text(state.fieldErrors.port),
    slot: state.missing === 'slot' ? { key: 'pickTime' } : text(state.fieldErrors.slot),
  };
}

/** The outcome of any state. */
export function outcomeOf(state: State): OutcomeView {
  const cancelFailure = state.kind === 'confirmed' ? state.cancelFailure : null;
  return {
    status: STATUS[state.kind],
    statusMessage: statusMessageOf(state),
    confirmed: confirmedOf(state),
    followed: followedOf(state),
    cancel: cancelStageOf(state),
    cancelError: cancelFailure
      ? cancelFailure.code === 'validation'
        ? { text: cancelFailure.message }
        : { key: errorMessage(cancelFailure) }
      : null,
    cancelledBooking: state.kind === 'cancelled' ? state.booking : null,
    fieldErrors: fieldErrorsOf(state),
    noAccount: state.kind === 'choosing' && state.noAccount,
  };
}

/** The whole view of any state. */
export const viewOf = (state: State): FlowView => viewWith(state, outcomeOf);
