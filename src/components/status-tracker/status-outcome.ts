/**
 * What a booking status tells the driver: the outcome's heading (and whether it is an alert).
 * Pure functions of the status, for `<ev-status-tracker>` (the action it offers: `status-view.ts`).
 */
import { translate, type Catalogue, type MessageKey } from '../../i18n/index.js';

/** The booking request's life as the driver sees it. */
export type BookingStatus =
  'idle' | 'sending' | 'pending' | 'confirmed' | 'rejected' | 'timeout' | 'error' | 'cancelling' | 'cancelled';

/** Statuses while something runs: a spinner shows. */
export const RUNNING: readonly BookingStatus[] = ['sending', 'pending', 'cancelling'];

/** The action a status offers (the button's text), and the event it sends. */
export type Action = { key: MessageKey; event: 'ev-retry' | 'ev-pick-again' };

/** The outcome's heading text, and whether it is an alert (a rejection or an error); null while none. */
export function outcomeOf(
  status: BookingStatus,
  message: string | null,
  hasBooking: boolean,
  catalogue: Catalogue,
): { text: string; alert: boolean } | null {
  const t = (key: MessageKey): string => translate(catalogue, key, { reason: message! });
  if (status === 'confirmed') return { text: t('statusConfirmed'), alert: false };
  if (status === 'cancelled' && hasBooking) return { text: t('cancelled'), alert: false };
  if (status === 'timeout') return { text: t('statusTimeout'), alert: false };
  if (status === 'rejected') return { text: t(message ? 'statusRejectedReason' : 'statusRejected'), alert: true };
  if (status === 'error') return { text: message || t('statusError'), alert: true };
  return null;
}
