/**
 * The status tracker's view of a booking under way (every status but `idle`): the progress in the
 * polite region, an outcome the focus did not go to in the live regions, the outcome's heading
 * and detail, the action button, and the pending or confirmation card. In the booking parts'
 * chunk (`../booking-parts.ts`), with the card; the tracker keeps the block and its live regions,
 * which exist before their text changes, and `tracker-view.ts` the state and the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { translate, type MessageKey } from '../../i18n/index.js';
import { confirmationCard, pendingCard, type ConfirmationCardInput, type TrackedBooking } from './booking-card.js';
import { RUNNING, type Action, type BookingStatus } from './status-outcome.js';

export interface StatusViewInput extends Omit<ConfirmationCardInput, 'booking'> {
  booking: TrackedBooking | null;
  /** The rejection reason or the error text. */
  message: string | null;
  /** More about the outcome as text, when there is no `booking`. */
  detail: string | null;
  /** The outcome's heading, and whether it is an alert. */
  outcome: { text: string; alert: boolean } | null;
  /** The outcome is told by the live regions (the focus did not go to its heading). */
  told: boolean;
  /** Offers "Try again" on an error. */
  retryable: boolean;
  /** The action whose retry runs (its button stays, busy). */
  retrying: Action | null;
  onAction(action: Action): void;
}

/** What goes in the polite region, in the alert region, and below them. */
export interface StatusParts {
  polite: TemplateResult | typeof nothing;
  alert: TemplateResult | typeof nothing;
  body: TemplateResult | typeof nothing;
}

const PROGRESS: Partial<Record<BookingStatus, MessageKey>> = {
  sending: 'statusSending',
  pending: 'statusPending',
};

/** The action `status` offers: pick again after a rejection, check again after a timeout, try again after a retryable error. */
export function actionOf(status: BookingStatus, retryable: boolean): Action | null {
  if (status === 'rejected') return { key: 'pickAgain', event: 'ev-pick-again' };
  if (status === 'timeout') return { key: 'checkAgain', event: 'ev-retry' };
  if (status === 'error' && retryable) return { key: 'tryAgain', event: 'ev-retry' };
  return null;
}

function actionButton(input: StatusViewInput): TemplateResult | typeof nothing {
  const action = input.retrying ?? actionOf(input.status, input.retryable);
  if (!action) return nothing;
  const busy = !!input.retrying;
  return html`<button
    type="button"
    part="button"
    class="action"
    aria-disabled=${busy || nothing}
    @click=${(): void => input.onAction(action)}
  >${busy ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${translate(input.catalogue, action.key)}</button>`;
}

export function statusParts(input: StatusViewInput): StatusParts {
  const { catalogue, locale, status, message, detail, booking, outcome } = input;
  const progress = PROGRESS[status];
  const running = RUNNING.includes(status) && !input.retrying;
  const card = booking && ['confirmed', 'cancelling', 'cancelled'].includes(status) ? booking : null;
  // Told by the live regions only when the focus did not go to the outcome's heading.
  const told = (alert: boolean): TemplateResult | typeof nothing =>
    input.told && outcome?.alert === alert
      ? html`<span class="vh">${outcome.text}${detail && !card ? ` ${detail}` : ''}</span>`
      : nothing;
  return {
    polite: progress
      ? html`<p class="title">${running ? html`<span class="spinner" aria-hidden="true"></span>` : nothing}${translate(
          catalogue,
          progress,
        )}</p>`
      : told(false),
    alert: card && status === 'confirmed' && message ? html`<p>${message}</p>` : told(true),
    body: card
      ? confirmationCard({ ...input, booking: card })
      : html`${
          outcome ? html`<h3 class="title" tabindex="-1" data-focus-target>${outcome.text}</h3>` : nothing
        }${detail ? html`<p>${detail}</p>` : nothing}${
          status === 'pending' && booking ? pendingCard(catalogue, locale, booking) : nothing
        }${actionButton(input)}`,
  };
}
