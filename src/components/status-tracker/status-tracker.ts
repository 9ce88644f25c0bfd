import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { en, type Catalogue } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { PartView } from '../booking-parts-loader.js';
import type { TrackedBooking } from './booking-card.js';
import { styles } from './status-tracker.styles.js';
import type { BookingStatus } from './status-outcome.js';
import type { TrackerView } from './tracker-view.js';

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
 * The element is registered by the script-tag entry and renders the idle block and its live
 * regions itself; the view of a booking under way (code, styles and English texts) is the booking
 * parts' chunk, which it loads once its status leaves `idle` or it has a `booking`, and renders
 * once here (`updateComplete` waits for it).
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
 * @attr locale - BCP 47 locale of the dates, times and numbers (default `en`); the texts are the `catalogue` property's, English unless a host gives its own.
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
  /** BCP 47 locale of the dates, times and numbers; the texts are `catalogue`'s. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  /** The view of a booking under way: the booking parts' chunk, loaded once the status leaves `idle`. */
  readonly #view = new PartView<TrackerView>(this, (parts) => ({
    view: new parts.TrackerView(this),
    styles: parts.trackerStyles,
  }));
  /** `focusOutcome()` was asked before the view was here. */
  #focusAsked = false;

  /** Moves the focus to the next outcome's heading, once rendered; the live regions then do not repeat it. */
  focusOutcome(): void {
    if (this.#view.view) this.#view.view.focusOutcome();
    else this.#focusAsked = true;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.booking || this.status !== 'idle') this.#view.load();
    const view = this.#view.view;
    if (view && this.#focusAsked) {
      this.#focusAsked = false;
      view.focusOutcome();
    }
    view?.willUpdate(changed);
  }

  /**
   * Resolves once the view is rendered with its code: while the booking parts (with the view of a
   * booking under way) are on their way, after they have arrived and rendered too.
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#view.view) return done;
    await this.#view.settled();
    return super.getUpdateComplete();
  }

  override updated(changed: PropertyValues<this>): void {
    this.#view.view?.updated(changed);
  }

  /** Focuses the outcome: its heading or message, else the block. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[data-focus-target]')?.focus(options);
  }

  /**
   * The block and its live regions, always there; what is in them (and below) is the view of a
   * booking under way, which comes with the booking parts: at `idle` there is nothing to show.
   */
  override render(): TemplateResult {
    const parts = this.#view.view?.parts();
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
