/**
 * `<ev-status-tracker>`'s view of a booking under way, in the booking parts' chunk
 * (`../booking-parts.ts`): the focus and the live regions' rules, the retry and cancel steps, and
 * what it renders (`status-view.ts`, with the pending and the confirmation card). The element
 * (`status-tracker.ts`, in the entry) holds the properties and renders the block and its live
 * regions, with this view's parts in them once a booking is under way.
 */
import type { PropertyValues } from 'lit';
import { createEvent, type CancelBookingDetail } from '../../events.js';
import { withBookingTexts } from '../../i18n/en-booking.js';
import { statusStyles } from './status-view.styles.js';
import { cardStyles } from './booking-card.styles.js';
import { statusParts, type StatusParts } from './status-view.js';
import { outcomeOf, RUNNING, type Action } from './status-outcome.js';
import type { EvStatusTracker } from './status-tracker.js';

type CardExtras = typeof import('./card-extras.js');

/** The view's styles, adopted beside the element's own. */
export const trackerStyles = [statusStyles, cardStyles];

export class TrackerView {
  readonly #host: EvStatusTracker;
  /** The driver pressed Cancel booking and is asked to confirm. */
  #confirmingCancel = false;
  /** The action whose retry runs (its button stays, busy, holding the focus). */
  #retrying: Action | null = null;
  /** The card's extras (Add to calendar, the cancel confirm step): a chunk, loaded once confirmed. */
  #extras: CardExtras | null = null;
  #extrasLoading: Promise<void> | null = null;
  /** Whether the focus was inside before this update (to bring it back if its control went). */
  #focusWasInside = false;
  /** The host asked to move the focus to the next outcome (`focusOutcome()`). */
  #focusAsked = false;
  /**
   * The focused control went with nothing to take the focus (an outcome's heading, when the request
   * is retried on its own once back online): the next heading takes it, unless the driver moved on.
   */
  #focusDropped = false;
  /** The outcome shown is in the live regions (the focus did not go to its heading). */
  #told = false;
  /** Not rendered yet: the status and the message are new to this view (its code came after them). */
  #fresh = true;

  /** Whether this update brings a new status or message (or is the view's first). */
  #newStatus(changed: PropertyValues<EvStatusTracker>): boolean {
    return this.#fresh || changed.has('status') || changed.has('message');
  }

  constructor(host: EvStatusTracker) {
    this.#host = host;
  }

  /** Moves the focus to the next outcome's heading, once rendered; the live regions then do not repeat it. */
  focusOutcome(): void {
    this.#focusAsked = true;
    this.#host.requestUpdate();
  }

  willUpdate(changed: PropertyValues<EvStatusTracker>): void {
    const host = this.#host;
    this.#focusWasInside = host.matches(':focus-within');
    if (this.#newStatus(changed)) this.#told = false;
    if (this.#fresh || changed.has('status')) {
      // A retry ends when its status is no longer running; the card's confirm step with the card.
      if (!RUNNING.includes(host.status)) this.#retrying = null;
      if (host.status !== 'confirmed') this.#confirmingCancel = false;
    }
    if (host.booking && (host.status === 'confirmed' || host.status === 'cancelling')) void this.#loadExtras();
  }

  /** Loads the card's extras (once); they render when here. */
  #loadExtras(): Promise<void> {
    this.#extrasLoading ??= import('./card-extras.js').then((extras) => {
      this.#extras = extras;
      this.#host.requestUpdate();
    });
    return this.#extrasLoading;
  }

  updated(changed: PropertyValues<EvStatusTracker>): void {
    const host = this.#host;
    const dropped = this.#focusDropped && (!document.activeElement || document.activeElement === document.body);
    if ((this.#focusAsked || this.#focusWasInside || dropped) && !host.matches(':focus-within')) {
      const heading = host.renderRoot.querySelector<HTMLElement>('[data-focus-target]');
      heading?.focus();
      // No heading yet (the card's extras are on their way): its heading takes the focus once here.
      this.#focusAsked = !heading && !!this.#outcome;
      this.#focusDropped = !heading;
    } else {
      this.#focusAsked = this.#focusDropped = false;
      // The focus is elsewhere (or stays on a retry button): the live regions tell the outcome.
      if (this.#newStatus(changed) && this.#outcome && !this.#told) {
        this.#told = true;
        host.requestUpdate();
      }
    }
    this.#fresh = false;
  }

  /** The outcome's heading text, and whether it is an alert (a rejection or an error). */
  get #outcome(): { text: string; alert: boolean } | null {
    const { status, message, booking, catalogue } = this.#host;
    return outcomeOf(status, message, !!booking, withBookingTexts(catalogue));
  }

  #handleAction(action: Action): void {
    if (this.#retrying) return;
    if (action.event === 'ev-retry') {
      this.#retrying = action;
      this.#host.requestUpdate();
    }
    this.#host.dispatchEvent(createEvent<void>(action.event, undefined));
  }

  async #askCancel(confirming: boolean): Promise<void> {
    if (confirming) await this.#loadExtras();
    this.#confirmingCancel = confirming;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>(confirming ? '.keep' : '.cancel')?.focus();
  }

  /** What goes in the element's live regions, and below them. */
  parts(): StatusParts {
    const host = this.#host;
    return statusParts({
      catalogue: withBookingTexts(host.catalogue),
      locale: host.locale,
      status: host.status,
      message: host.message,
      detail: host.detail,
      booking: host.booking,
      outcome: this.#outcome,
      told: this.#told,
      retryable: host.retryable,
      retrying: this.#retrying,
      onAction: (action) => this.#handleAction(action),
      cancellable: host.cancellable,
      confirmingCancel: this.#confirmingCancel,
      extras: this.#extras,
      onAskCancel: () => void this.#askCancel(true),
      onConfirmCancel: () =>
        host.dispatchEvent(
          createEvent<CancelBookingDetail>('ev-cancel-booking', { reference: host.booking?.reference ?? null }),
        ),
      onKeep: () => void this.#askCancel(false),
      onBookAnother: () => host.dispatchEvent(createEvent<void>('ev-book-another', undefined)),
    });
  }
}
