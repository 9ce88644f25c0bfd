/**
 * The flow's state as the template needs it: which screen, what the status says, which messages
 * stand next to which control, whether the controls wait. Messages are either a catalogue key
 * (translated by the element) or the server's own text.
 */
import type { ErrorCode } from '../api/errors.js';
import type { Booking } from '../api/booking-schemas.js';
import type { BookingStatus } from '../components/status-tracker/status-tracker.js';
import type { MessageKey } from '../i18n/index.js';
import type { FieldName } from './failure.js';
import { isBusy } from './machine.js';
import type { Confirmed, State, Tracked } from './states.js';

/** A message: a catalogue key, or a text as the server wrote it. */
export type Message = { key: MessageKey } | { text: string };

/** The catalogue key of each error code's message. */
export const ERROR_MESSAGE: Record<ErrorCode, MessageKey> = {
  config: 'errorConfig',
  network: 'errorNetwork',
  unauthorized: 'errorUnauthorized',
  forbidden: 'errorForbidden',
  'not-found': 'errorNotFound',
  'rate-limited': 'errorRateLimited',
  validation: 'errorValidation',
  'bad-response': 'errorBadResponse',
  timeout: 'errorTimeout',
};

/**
 * The catalogue key of a failure's message: its code's, except that a `network` failure with a
 * status (a 5xx) is the service answering that it had a problem, not "can't reach" (audit finding 11).
 */
export const errorMessage = ({ code, status }: { code: ErrorCode; status?: number | undefined }): MessageKey =>
  code === 'network' && status ? 'errorService' : ERROR_MESSAGE[code];

/** Where cancelling a confirmed booking is (SPEC §4 step 8). */
export type CancelStage = 'unavailable' | 'offered' | 'confirming' | 'cancelling' | 'cancelled';

export interface FlowView {
  /** Nothing but an alert: no usable location, or the first load failed (`retryable` then). */
  fatal: { code: ErrorCode; retryable: boolean; key: MessageKey } | null;
  loading: boolean;
  /** The start times are shown but the ports' details still load (SPEC §4 steps 2–3). */
  portsLoading: boolean;
  /** A booking or a cancel is on its way: the controls wait. */
  busy: boolean;
  /** The booking is done (confirmed or cancelled): the choice controls give way to the outcome. */
  done: boolean;
  status: BookingStatus;
  statusMessage: Message | null;
  /** Offers "Try again" on an error (with nothing to retry, it reloads the start times). */
  retryable: boolean;
  fieldErrors: Record<FieldName, Message | null>;
  /** No driver account uses the email: the sign-up hint. */
  noAccount: boolean;
  /** The confirmed booking, while it is shown. */
  confirmed: Confirmed | null;
  /** The request followed while it is pending: the pending card shows what it asked for, not the current choice. */
  followed: Tracked | null;
  cancel: CancelStage;
  cancelError: Message | null;
  cancelledBooking: Booking | null;
}

const noFieldErrors: Record<FieldName, Message | null> = { email: null, port: null, slot: null };

/**
 * What the view says about the booking's outcome, and the messages a Book's answer put next to
 * the controls: the booking stage's part (`booking-view.ts`).
 */
export type OutcomeView = Pick<
  FlowView,
  | 'status'
  | 'statusMessage'
  | 'confirmed'
  | 'followed'
  | 'cancel'
  | 'cancelError'
  | 'cancelledBooking'
  | 'fieldErrors'
  | 'noAccount'
>;

/**
 * The outcome before the booking stage is here: nothing but the stage's own failure to load (a
 * `failed` state whose retry is `none`); no message next to a control (only a Book's answer puts one there).
 */
export function outcomeBeforeBooking(state: State): OutcomeView {
  const failed = state.kind === 'failed';
  return {
    status: failed ? 'error' : 'idle',
    statusMessage: failed ? { key: errorMessage(state.failure) } : null,
    confirmed: null,
    followed: null,
    cancel: 'unavailable',
    cancelError: null,
    cancelledBooking: null,
    fieldErrors: noFieldErrors,
    noAccount: false,
  };
}

/** The view of `state`, its outcome told by `outcome` (the booking stage's `outcomeOf`, once loaded). */
export function viewWith(state: State, outcome: (state: State) => OutcomeView = outcomeBeforeBooking): FlowView {
  const fatal =
    state.kind === 'config-error'
      ? { code: 'config' as const, retryable: false, key: ERROR_MESSAGE.config }
      : state.kind === 'load-failed'
        ? { code: state.failure.code, retryable: true, key: errorMessage(state.failure) }
        : null;
  const told = outcome(state);
  return {
    fatal,
    loading: state.kind === 'loading',
    portsLoading: state.kind === 'choosing' && !state.portsReady,
    busy: isBusy(state),
    done: told.confirmed !== null || told.cancelledBooking !== null,
    ...told,
    retryable: state.kind === 'uncertain' || state.kind === 'failed',
  };
}
