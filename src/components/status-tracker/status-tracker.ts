import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { createEvent } from '../../events.js';
import { type Catalogue, en, type MessageKey, translate } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { styles } from './status-tracker.styles.js';

/** The booking request's life as the driver sees it. */
export type BookingStatus = 'idle' | 'sending' | 'pending' | 'confirmed' | 'rejected' | 'timeout' | 'error';

const PROGRESS: Partial<Record<BookingStatus, MessageKey>> = {
  sending: 'statusSending',
  pending: 'statusPending',
  confirmed: 'statusConfirmed',
  timeout: 'statusTimeout',
};

/**
 * Where the booking request is: sending → pending → confirmed, or rejected (with the reason),
 * timed out, or failed. Progress is announced by a polite `role="status"` region and failures
 * by a `role="alert"` region; both always exist so that screen readers announce changes.
 *
 * @summary Shows and announces the booking request's status.
 *
 * @fires ev-pick-again - The driver wants another time after a rejection.
 * @fires ev-retry - The driver asks to check again (timeout) or to try again (retryable error).
 *
 * @csspart status - The block.
 * @csspart button - The action button (Pick another time / Check again / Try again).
 *
 * @cssprop --ev-status-tracker-confirmed-color - Colour of "Booking confirmed" (default `--ev-color-success`).
 * @cssprop --ev-status-tracker-error-color - Colour of rejections and errors (default `--ev-color-danger`).
 * @cssprop --ev-color-fg, --ev-color-success, --ev-color-danger, --ev-color-border - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr status - `idle`, `sending`, `pending`, `confirmed`, `rejected`, `timeout` or `error`.
 * @attr message - The rejection reason or the error text.
 * @attr detail - More about the outcome, e.g. the confirmed booking's summary.
 * @attr retryable - Offers "Try again" on an error.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvStatusTracker extends LitElement {
  static override styles = [tokens, base, styles];
  static override properties: PropertyDeclarations = {
    status: { reflect: true },
    message: {},
    detail: {},
    retryable: { type: Boolean },
    catalogue: { attribute: false },
  };

  /** Where the booking request is. */
  status: BookingStatus = 'idle';
  /** The rejection reason or the error text. */
  message: string | null = null;
  /** More about the outcome, e.g. the confirmed booking's summary. */
  detail: string | null = null;
  /** Offers "Try again" on an error. */
  retryable = false;
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  override render(): TemplateResult {
    const { catalogue, status, message, detail } = this;
    const progress = PROGRESS[status];
    const rejected = status === 'rejected';
    const alert = rejected
      ? translate(catalogue, message ? 'statusRejectedReason' : 'statusRejected', { reason: message! })
      : status === 'error' && (message || translate(catalogue, 'statusError'));
    const action = (
      { rejected: 'pickAgain', timeout: 'checkAgain', error: this.retryable && 'tryAgain' } as Partial<
        Record<BookingStatus, MessageKey | false>
      >
    )[status];
    return html`<div part="status" class=${status}>
      <div role="status" aria-live="polite" aria-atomic="true">${
        progress
          ? html`<p class="title">${
              // Sending and pending: a spinner.
              status.endsWith('ing') ? html`<span class="spin" aria-hidden="true"></span>` : nothing
            }${translate(catalogue, progress)}</p>
              ${detail ? html`<p>${detail}</p>` : nothing}`
          : nothing
      }</div>
      <div role="alert">${alert ? html`<p>${alert}</p>` : nothing}</div>
      ${
        action
          ? html`<button
              type="button"
              part="button"
              @click=${(): boolean => this.dispatchEvent(createEvent<void>(rejected ? 'ev-pick-again' : 'ev-retry', undefined))}>${translate(
                catalogue,
                action,
              )}</button>`
          : nothing
      }
    </div>`;
  }
}

if (!customElements.get('ev-status-tracker')) customElements.define('ev-status-tracker', EvStatusTracker);

declare global {
  interface HTMLElementTagNameMap {
    'ev-status-tracker': EvStatusTracker;
  }
}
