/**
 * The booking flow's states, the events that move between them and the effects a transition asks
 * for (SPEC §4, §8). Plain data only: `machine.ts` and `booking-machine.ts` compute the transitions, the flow runner
 * (`controllers/flow-runner.ts`) runs the effects and sends their outcomes back as events.
 */
import type { CreateBookingBody } from '../api/gateway.js';
import type { Booking, BookingRequest } from '../api/schemas.js';
import type { Failure, FieldErrors } from './failure.js';

/** A booking request the widget follows, with the capability that opens it (and its booking). */
export interface Tracked {
  request: BookingRequest;
  capability: string;
  /** The port the create asked for: the card names it when the answers leave it out. */
  askedEvseId?: number;
  /** The start and end (ISO UTC) the create asked for: the pending card shows them when the answers leave them out. */
  askedStartAt?: string;
  askedEndAt?: string;
}

/** What the driver asked to book, as the element gathered it when Book was pressed. */
export interface BookingChoice {
  locationId: number;
  evseId: number | null;
  /** The chosen start (ISO UTC) if it is still offered, else null. */
  startAt: string | null;
  endAt: string | null;
  email: string;
  /** "Any port" with filters that match no port: Book says to change them rather than to choose a port. */
  filtersMatchNoPort?: boolean;
}

/** A create attempt whose answer was lost, and the failure that lost it. */
export interface Lost {
  body: CreateBookingBody;
  failure: Failure;
}

/** What a failure left to try again: nothing, the same Book, or following the same request. */
export type Retry = { kind: 'none' } | { kind: 'book'; body: CreateBookingBody } | { kind: 'track'; tracked: Tracked };

/** The confirmed booking, with what is needed to show it and cancel it. */
export interface Confirmed {
  request: BookingRequest;
  /** Null only when upstream approved the request but its booking could not be read. */
  booking: Booking | null;
  /** The booking's capability (the create's): reads the booking, and cancels it. */
  capability: string;
  /** The port the create asked for, when known. */
  askedEvseId?: number;
}

export type State =
  /** `location-id` missing or invalid: nothing is asked. */
  | { kind: 'config-error' }
  | { kind: 'loading' }
  | { kind: 'load-failed'; failure: Failure }
  /**
   * Ready: the driver chooses. `fieldErrors` (the server's) and `missing` (Book without a port, with
   * filters that match none, or without a start) stand next to their controls; `noAccount` shows the sign-up hint; `lost` is an attempt whose answer was lost: it is looked up before any new POST.
   * `portsReady` is false while only the start times are here (steps 1 and 4): a Book then waits
   * (`bookWaiting`) for the ports (steps 2–3) before the element chooses the `evseId`.
   */
  | {
      kind: 'choosing';
      fieldErrors: FieldErrors;
      missing: 'port' | 'filters' | 'slot' | null;
      noAccount: boolean;
      lost: Lost | null;
      portsReady: boolean;
      bookWaiting: boolean;
    }
  /** The create POST is on its way; `resend` is true when it is the same attempt sent a second time. */
  | { kind: 'sending'; body: CreateBookingBody; resend: boolean }
  /**
   * A create's answer was lost: `lost` is being looked up by its `externalId`; then, if it was
   * not made, `next` is sent (the same attempt when the driver asks for the same booking).
   */
  | {
      kind: 'checking';
      lost: CreateBookingBody;
      next: CreateBookingBody;
      lookupsLeft: number;
      mayResend: boolean;
      cause: Failure;
    }
  /** A create's fate is still unknown and the look-up failed: Try again (or Book) looks it up first. */
  | { kind: 'uncertain'; lost: CreateBookingBody; next: CreateBookingBody; failure: Failure }
  /** Polling the request; `resumed` after a page reload. */
  | { kind: 'pending'; tracked: Tracked; resumed: boolean }
  /** Approved: reading the booking. */
  | { kind: 'reading-booking'; tracked: Tracked }
  | { kind: 'confirmed'; confirmed: Confirmed; cancelFailure: Failure | null }
  | { kind: 'rejected'; request: BookingRequest; reason: string | null }
  /** Still pending past the poll's time-out: Check again polls the same request. */
  | { kind: 'timed-out'; tracked: Tracked }
  | { kind: 'failed'; failure: Failure; message: string | null; retry: Retry }
  /** "Cancel booking" pressed: the driver confirms or keeps the booking. */
  | { kind: 'cancel-confirming'; confirmed: Confirmed }
  /** The cancel request: sent (`cancel` null), then polled, then the booking read again. */
  | { kind: 'cancelling'; confirmed: Confirmed; cancel: Tracked | null; step: 'sending' | 'pending' | 'reading' }
  | { kind: 'cancelled'; booking: Booking };

export type StateKind = State['kind'];

export type FlowEvent =
  /** The inputs that define what is loaded changed; `valid` says whether `location-id` is usable. */
  | { type: 'configured'; valid: true }
  | { type: 'configured'; valid: false; message: string }
  /** Steps 1 and 4 answered: the start times are shown, the ports' details still load. */
  | { type: 'times-ready' }
  /** Steps 2 and 3 answered: the ports' details are here. */
  | { type: 'ports-ready' }
  | { type: 'load-failed'; failure: Failure }
  /**
   * Book, with a fresh `externalId` for a new attempt (the machine decides whether it is used);
   * without either when pressed before the booking stage is here (its code makes them): the Book
   * then waits for it, and is sent once it is (`book-waiting`).
   */
  | { type: 'book'; choice: BookingChoice; externalId: string }
  | { type: 'book'; choice?: undefined }
  /** The booking stage (the second half of the machine and its effects, a chunk) is here, or could not load. */
  | { type: 'stage-ready' }
  | { type: 'stage-failed'; failure: Failure }
  | { type: 'created'; tracked: Tracked }
  | { type: 'create-failed'; failure: Failure }
  /** The look-up by `externalId` answered: the request made (with its capability), or null. */
  | { type: 'looked-up'; found: Tracked | null }
  | { type: 'look-up-failed'; failure: Failure }
  /**
   * What was kept in `sessionStorage` was looked for after a reload: the request found, null when
   * there is none (forgotten), undefined when the look-up failed (kept).
   */
  | { type: 'resume'; tracked: Tracked | null | undefined }
  /** The polled request was decided (approved or rejected). */
  | { type: 'decided'; request: BookingRequest }
  | { type: 'poll-timed-out' }
  | { type: 'poll-failed'; failure: Failure }
  | { type: 'booking-read'; booking: Booking }
  | { type: 'booking-read-failed'; failure: Failure }
  /** Try again, Check again, the load's retry, or back online. */
  | { type: 'retry' }
  /** The driver changed a choice (its message goes; a slot choice ends a rejection or a failure). */
  | { type: 'edited'; field: 'port' | 'slot' | 'email' | 'duration' }
  | { type: 'pick-again' }
  | { type: 'book-another' }
  | { type: 'cancel' }
  | { type: 'cancel-dismissed' }
  | { type: 'cancel-confirmed' }
  | { type: 'cancel-created'; tracked: Tracked }
  | { type: 'cancel-failed'; failure: Failure };

export type FlowEventType = FlowEvent['type'];

/** The events the element dispatches (SPEC §5), as data. */
export type Emit =
  | { name: 'ev-booking-requested'; bookingRequest: BookingRequest }
  | { name: 'ev-booking-confirmed'; bookingRequest: BookingRequest; booking: Booking | null }
  /** `reason` null: the runner writes the locale's "no reason given". */
  | { name: 'ev-booking-rejected'; bookingRequest: BookingRequest; reason: string | null }
  | { name: 'ev-booking-cancelled'; booking: Booking }
  | { name: 'ev-booking-error'; failure: Failure };

export type Effect =
  /** Run the first load again (the load task). */
  | { type: 'load' }
  /** Stop whatever the flow has in flight (polls, look-ups, reads). */
  | { type: 'abort' }
  | { type: 'create'; body: CreateBookingBody }
  /** Look the attempt up by its `externalId`, after `delayMs`. */
  | { type: 'look-up'; externalId: string; delayMs: number }
  | { type: 'poll'; tracked: Tracked }
  | { type: 'read-booking'; bookingId: number; capability: string }
  | { type: 'reload-availability' }
  | { type: 'cancel'; bookingId: number; capability: string }
  /** Keep the pending request for a reload (`sessionStorage`), or forget it. */
  | { type: 'persist'; tracked: Tracked }
  | { type: 'forget' }
  /** Book again what the driver asked while the ports (or the stage) loaded: the element chooses the `evseId` now. */
  | { type: 'book-waiting' }
  /** Load the booking stage (a chunk); it answers `stage-ready` or `stage-failed`. */
  | { type: 'load-stage' }
  /** Look for a pending request kept before a reload; found, it comes back as `resume`. */
  | { type: 'restore' }
  | { type: 'emit'; event: Emit }
  /** Forget the chosen start (taken, or the driver picks again). */
  | { type: 'clear-start' }
  /** Move focus to the outcome, or to the start times (only when focus was in the widget). */
  | { type: 'focus'; target: 'status' | 'slots' };

export interface Transition {
  state: State;
  effects: Effect[];
}

export type Choosing = Extract<State, { kind: 'choosing' }>;

export const choosing = (lost: Lost | null = null): Choosing => ({
  kind: 'choosing',
  fieldErrors: {},
  missing: null,
  noAccount: false,
  lost,
  portsReady: true,
  bookWaiting: false,
});
