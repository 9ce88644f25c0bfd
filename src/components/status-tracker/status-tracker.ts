import {
  LitElement,
  adoptStyles,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { createEvent, type CancelBookingDetail } from '../../events.js';
import { en, type Catalogue } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import type { TrackedBooking } from './booking-card.js';
import { styles } from './status-tracker.styles.js';
import { outcomeOf, RUNNING, type Action, type BookingStatus } from './status-outcome.js';

/** The card (pending and confirmed) with its styles: a chunk, loaded once a booking is under way. */
type BookingCard = typeof import('./booking-card.js');
type CardExtras = typeof import('./card-extras.js');

export type { TrackedBooking } from './booking-card.js';

export type { BookingStatus } from './status-outcome.js';

/**
 * Where the booking request is: sending → pending → confirmed, or rejected (with the reason),
 * timed out, failed, cancelling, cancelled. Progress is announced by a polite `role="status"`
 * region and failures by a `role="alert"` region; both always exist so that screen readers
 * announce changes.
 *
 * With `booking`, pending shows what was asked, and confirmed shows the confirmation card: the
 * heading "Booking confirmed", reference, date and time with the zone in plain words, port,
 * address, Add to calendar (an `.ics` download and a Google Calendar link), Cancel booking (with a
 * confirm step) and Book another.
 *
 * Focus: a retry button (Try again, Check again) stays in place while its retry runs, so the focus
 * stays on it and is still there when the retry fails again; when the focused control goes away
 * (an outcome), or the host asks with `focusOutcome()`, the focus moves to the outcome's heading,
 * never to the page. An outcome is told once: by the focus landing on its heading, or else (the
 * focus is elsewhere) by the live regions, which exist before their text changes.
 *
 * @summary Shows and announces the booking request's status, and the confirmed booking.
 *
 * @fires ev-pick-again - The driver wants another time after a rejection.
 * @fires ev-retry - The driver asks to check again (timeout) or to try again (retryable error).
 * @fires ev-cancel-booking - The driver confirmed cancelling the booking. `detail: { reference }`.
 * @fires ev-book-another - The driver wants to book again after a confirmation or a cancellation.
 *
 * @csspart status - The block.
 * @csspart button - The action button (Pick another time / Check again / Try again).
 * @csspart card - The confirmation card.
 * @csspart calendar - The Add to calendar links.
 * @csspart add-to-calendar - The .ics download link.
 *
 * @cssprop --ev-status-tracker-confirmed-color - Colour of "Booking confirmed" (default `--ev-color-success`).
 * @cssprop --ev-status-tracker-error-color - Colour of rejections and errors (default `--ev-color-danger`).
 * @cssprop --ev-color-fg, --ev-color-success, --ev-color-danger, --ev-color-border - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr status - `idle`, `sending`, `pending`, `confirmed`, `rejected`, `timeout`, `error`, `cancelling` or `cancelled`.
 * @attr message - The rejection reason or the error text.
 * @attr detail - More about the outcome as text (when there is no `booking`).
 * @attr retryable - Offers "Try again" on an error.
 * @attr cancellable - Offers "Cancel booking" on the confirmation card.
 * @attr locale - BCP 47 locale of the texts.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvStatusTracker extends LitElement {
  static override styles = [tokens, base, styles];
  static override properties: PropertyDeclarations = {
    status: { reflect: true },
    message: {},
    detail: {},
    retryable: { type: Boolean },
    cancellable: { type: Boolean },
    booking: { attribute: false },
    locale: {},
    catalogue: { attribute: false },
    confirmingCancel: { state: true },
    retrying: { state: true },
    card: { state: true },
    extras: { state: true },
    told: { state: true },
  };

  /** Where the booking request is. */
  status: BookingStatus = 'idle';
  /** The rejection reason or the error text. */
  message: string | null = null;
  /** More about the outcome as text, when there is no `booking`. */
  detail: string | null = null;
  /** Offers "Try again" on an error. */
  retryable = false;
  /** Offers "Cancel booking" on the confirmation card. */
  cancellable = true;
  /** The booking asked for (pending) or confirmed. */
  booking: TrackedBooking | null = null;
  /** BCP 47 locale of the texts. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  /** The driver pressed Cancel booking and is asked to confirm. */
  private confirmingCancel = false;
  /** The action whose retry runs (its button stays, busy, holding the focus). */
  private retrying: Action | null = null;

  /** The card's code and styles: a chunk, loaded once a booking is under way (the status leaves `idle`). */
  private card: BookingCard | null = null;
  #cardLoading: Promise<void> | null = null;

  /** The card's extras (Add to calendar, the cancel confirm step): a chunk, loaded once confirmed. */
  private extras: CardExtras | null = null;
  #extrasLoading: Promise<void> | null = null;

  /** Whether the focus was inside before this update (to bring it back if its control went). */
  #focusWasInside = false;
  /** The host asked to move the focus to the next outcome (`focusOutcome()`). */
  #focusAsked = false;
  /** The outcome shown is in the live regions (the focus did not go to its heading). */
  private told = false;

  /** Moves the focus to the next outcome's heading, once rendered; the live regions then do not repeat it. */
  focusOutcome(): void {
    this.#focusAsked = true;
    this.requestUpdate();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    this.#focusWasInside = this.matches(':focus-within');
    if (changed.has('status') || changed.has('message')) this.told = false;
    if (changed.has('status')) {
      // A retry ends when its status is no longer running; the card's confirm step with the card.
      if (!RUNNING.includes(this.status)) this.retrying = null;
      if (this.status !== 'confirmed') this.confirmingCancel = false;
    }
    if (this.booking || this.status !== 'idle') void this.#loadCard();
    if (this.booking && (this.status === 'confirmed' || this.status === 'cancelling')) void this.#loadExtras();
  }

  /** Loads the card (once) and adopts its styles (and the view's) beside the tracker's own; it renders when here. */
  #loadCard(): Promise<void> {
    this.#cardLoading ??= import('./booking-card.js').then((card) => {
      adoptStyles(this.renderRoot as ShadowRoot, [
        ...EvStatusTracker.elementStyles,
        card.statusStyles,
        card.cardStyles,
      ]);
      this.card = card;
    });
    return this.#cardLoading;
  }

  /**
   * Resolves once the view is rendered with its code: while the card's chunk (with the view of a
   * booking under way) is on its way, after it has arrived and rendered too.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (!this.#cardLoading || this.card) return done;
    await this.#cardLoading.catch(() => undefined);
    return super.getUpdateComplete();
  }

  /** Loads the card's extras (once); they render when here. */
  #loadExtras(): Promise<void> {
    this.#extrasLoading ??= import('./card-extras.js').then((extras) => {
      this.extras = extras;
    });
    return this.#extrasLoading;
  }

  override updated(changed: PropertyValues<this>): void {
    if ((this.#focusAsked || this.#focusWasInside) && !this.matches(':focus-within')) {
      const heading = this.renderRoot.querySelector<HTMLElement>('[data-focus-target]');
      heading?.focus();
      // No heading yet (the card's code is on its way): its heading takes the focus once here.
      this.#focusAsked = !heading && !!this.#outcome;
    } else {
      this.#focusAsked = false;
      // The focus is elsewhere (or stays on a retry button): the live regions tell the outcome.
      if ((changed.has('status') || changed.has('message')) && this.#outcome) this.told = true;
    }
  }

  /** Focuses the outcome: its heading or message, else the block. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[data-focus-target]')?.focus(options);
  }

  /** The outcome's heading text, and whether it is an alert (a rejection or an error). */
  get #outcome(): { text: string; alert: boolean } | null {
    return outcomeOf(this.status, this.message, !!this.booking, this.catalogue);
  }

  #handleAction(action: Action): void {
    if (this.retrying) return;
    if (action.event === 'ev-retry') this.retrying = action;
    this.dispatchEvent(createEvent<void>(action.event, undefined));
  }

  async #askCancel(confirming: boolean): Promise<void> {
    if (confirming) await this.#loadExtras();
    this.confirmingCancel = confirming;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(confirming ? '.keep' : '.cancel')?.focus();
  }

  #confirmCancel(): void {
    this.dispatchEvent(
      createEvent<CancelBookingDetail>('ev-cancel-booking', { reference: this.booking?.reference ?? null }),
    );
  }

  #bookAnother(): void {
    this.dispatchEvent(createEvent<void>('ev-book-another', undefined));
  }

  /**
   * The block and its live regions, always there; what is in them (and below) is the view of a
   * booking under way, which comes with the card's code (`status-view.ts`): at `idle` there is nothing to show.
   */
  override render(): TemplateResult {
    const parts = this.card?.statusParts({
      catalogue: this.catalogue,
      locale: this.locale,
      status: this.status,
      message: this.message,
      detail: this.detail,
      booking: this.booking,
      outcome: this.#outcome,
      told: this.told,
      retryable: this.retryable,
      retrying: this.retrying,
      onAction: (action) => this.#handleAction(action),
      cancellable: this.cancellable,
      confirmingCancel: this.confirmingCancel,
      extras: this.extras,
      onAskCancel: () => void this.#askCancel(true),
      onConfirmCancel: () => this.#confirmCancel(),
      onKeep: () => void this.#askCancel(false),
      onBookAnother: () => this.#bookAnother(),
    });
    return html`<div part="status" class=${this.status}>
      <div role="status" aria-live="polite" aria-atomic="true">${parts?.polite ?? nothing}</div>
      <div role="alert">${parts?.alert ?? nothing}</div>
      ${parts?.body ?? nothing}
    </div>`;
  }
}

if (!customElements.get('ev-status-tracker')) customElements.define('ev-status-tracker', EvStatusTracker);

declare global {
  interface HTMLElementTagNameMap {
    'ev-status-tracker': EvStatusTracker;
  }
}
