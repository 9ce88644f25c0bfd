/**
 * The booking as the status tracker shows it: while pending (what was asked) and once confirmed
 * (the card: heading, reference, when, port, address, the actions); its styles are
 * `booking-card.styles.ts`. In the booking parts' chunk (`../booking-parts.ts`, with the
 * tracker's view of a booking under way, `tracker-view.ts` and `status-view.ts`), which an English
 * page loads once its first start times are shown; the card's extras (Add to calendar, the cancel
 * confirm step) are card-extras.ts, a chunk loaded once confirmed. Templates and formatting only:
 * the tracker's view owns the state and the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { BookingStatus } from './status-tracker.js';
import type * as CardExtras from './card-extras.js';
import { formatWhen } from '../../i18n/when.js';
import { zoneNameInWords } from '../../i18n/zone.js';
import { numberFormat, translate, type Catalogue } from '../../i18n/index.js';
import { connectorName, portTexts } from '../port-list/port-cards.js';

/** The booking the tracker shows: what the orchestrator knows of it. */
export interface TrackedBooking {
  /** The booking's reference (its id), once confirmed. */
  reference?: string | number | null;
  /** ISO 8601 UTC instants. */
  start: string;
  end: string;
  /** IANA zone the times are shown in (the location's). */
  timeZone: string;
  /** The port booked, or null for "any port" while pending. */
  port?: {
    label: string;
    connectorTypes?: readonly string[];
    /** Maximum power in watts. */
    maxPowerW?: number | null;
    currentType?: 'ac' | 'dc' | null;
  } | null;
  locationName?: string | null;
  /** The location's address, one line. */
  address?: string | null;
  /** The language of the name and of the address when it is not the texts' (a fallback translation). */
  locationNameLang?: string;
  addressLang?: string;
}

/** "Sunday 29 March, 10:00–11:00, Sofia time (GMT+3)", the date and times in the locale's `lang` (SPEC §6). */
export function whenText(catalogue: Catalogue, locale: string, booking: TrackedBooking): TemplateResult {
  const start = Date.parse(booking.start);
  const { timeZone } = booking;
  const { date, times } = formatWhen(locale, timeZone, start, Date.parse(booking.end));
  return html`<span lang=${locale}>${date}, ${times}</span>, ${zoneNameInWords(catalogue, locale, timeZone, start)}`;
}

/** "Port A · CCS2 · 150 kW · DC", or "any port". */
export function portText(catalogue: Catalogue, locale: string, booking: TrackedBooking): string {
  const { port } = booking;
  if (!port) return translate(catalogue, 'summaryAnyPort');
  const watts = port.maxPowerW ?? 0;
  return [
    port.label,
    ...(port.connectorTypes ?? []).map(connectorName),
    watts > 0 &&
      translate(portTexts(catalogue), 'portPower', {
        power: numberFormat(locale, { maximumFractionDigits: 1 }).format(watts / 1000),
      }),
    port.currentType?.toUpperCase(),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The booking's facts as a description list. */
export function bookingFacts(catalogue: Catalogue, locale: string, booking: TrackedBooking): TemplateResult {
  const row = (label: string, value: unknown): TemplateResult | typeof nothing =>
    value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
  const { locationName, address } = booking;
  // Each part in its own language when it is a fallback translation (SPEC §6).
  const place =
    (locationName || address) &&
    html`${locationName ? html`<span lang=${booking.locationNameLang || nothing}>${locationName}</span>` : nothing}${
      locationName && address ? ', ' : nothing
    }${address ? html`<span lang=${booking.addressLang || nothing}>${address}</span>` : nothing}`;
  return html`<dl class="facts">
    ${row(translate(catalogue, 'confirmedReference'), booking.reference != null ? String(booking.reference) : null)}
    ${row(translate(catalogue, 'confirmedWhen'), whenText(catalogue, locale, booking))}
    ${row(translate(catalogue, 'confirmedPort'), portText(catalogue, locale, booking))}
    ${row(translate(catalogue, 'confirmedAddress'), place)}
  </dl>`;
}

/** While pending: what was asked, and what happens next. */
export function pendingCard(catalogue: Catalogue, locale: string, booking: TrackedBooking): TemplateResult {
  return html`<div class="card pending" part="card">${bookingFacts(catalogue, locale, booking)}
    <p class="next">${translate(catalogue, 'pendingHint')}</p></div>`;
}

export interface ConfirmationCardInput {
  catalogue: Catalogue;
  locale: string;
  status: BookingStatus;
  booking: TrackedBooking;
  /** Offers Cancel booking. */
  cancellable: boolean;
  /** The driver pressed Cancel booking and is asked to confirm. */
  confirmingCancel: boolean;
  /** The card's extras, once loaded. */
  extras: typeof CardExtras | null;
  onAskCancel(): void;
  onConfirmCancel(): void;
  onKeep(): void;
  onBookAnother(): void;
}

/** The confirmation card (also while cancelling, and once cancelled). */
export function confirmationCard(input: ConfirmationCardInput): TemplateResult {
  const { catalogue, locale, status, booking, extras } = input;
  const cancelled = status === 'cancelled';
  const cancelling = status === 'cancelling';
  const title = cancelled ? 'cancelled' : 'statusConfirmed';
  return html`<section class="card ${status}" part="card" aria-labelledby="card-title">
    <h3 id="card-title" tabindex="-1" data-focus-target>${translate(catalogue, title)}</h3>
    ${bookingFacts(catalogue, locale, booking)}
    ${cancelled ? nothing : html`<p class="next">${translate(catalogue, 'confirmedNext')}</p>${extras?.calendarLinks(catalogue, locale, booking) ?? nothing}`}
    <div class="actions">
      ${
        (input.confirmingCancel || cancelling) && extras
          ? extras.cancelConfirm({ catalogue, cancelling, onConfirm: input.onConfirmCancel, onKeep: input.onKeep })
          : html`${
              cancelled || !input.cancellable
                ? nothing
                : html`<button type="button" class="cancel" @click=${input.onAskCancel}>
                    ${translate(catalogue, 'cancelBooking')}
                  </button>`
            }
            <button type="button" class="primary" @click=${input.onBookAnother}>${translate(catalogue, 'bookAnother')}</button>`
      }
    </div>
  </section>`;
}
