/**
 * The confirmation card's extras, a chunk loaded only once a booking is confirmed (SPEC §10 v2):
 * Add to calendar (the `.ics` file built here, and a Google Calendar link) and the cancel confirm
 * step. Templates only; the status tracker owns the state and the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { buildIcs, googleCalendarUrl, type CalendarEvent } from '../../booking/ics.js';
import { translate, type Catalogue } from '../../i18n/index.js';
import { portText, type TrackedBooking } from './booking-card.js';

/**
 * The calendar entry of a confirmed booking. Its UID is the booking's reference and start, at the
 * page's host: the same booking downloaded again updates its entry, while a booking of the same id
 * elsewhere (another tenant's, a simulator's started again) is an entry of its own (RFC 5545 §3.8.4.7).
 */
export function calendarEvent(catalogue: Catalogue, locale: string, booking: TrackedBooking): CalendarEvent {
  const place = booking.locationName ?? translate(catalogue, 'calendarPlace');
  const host = globalThis.location?.hostname || 'ev-booking-widget';
  return {
    uid: `booking-${booking.reference ?? 'request'}-${booking.start.replace(/[-:]|\.\d+/g, '')}@${host}`,
    startAt: booking.start,
    endAt: booking.end,
    summary: translate(catalogue, 'calendarSummary', { place }),
    // SPEC §6 names LOCATION in the file: a location without a name or an address (each optional
    // in Ampeco's definition) is placed at the port, or at "the charger".
    location: [booking.locationName, booking.address].filter(Boolean).join(', ') || booking.port?.label || place,
    description: [
      booking.reference != null ? `${translate(catalogue, 'confirmedReference')}: ${booking.reference}` : '',
      `${translate(catalogue, 'confirmedPort')}: ${portText(catalogue, locale, booking)}`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** Add to calendar: the .ics file as a download link, and a Google Calendar link. */
export function calendarLinks(catalogue: Catalogue, locale: string, booking: TrackedBooking): TemplateResult {
  const event = calendarEvent(catalogue, locale, booking);
  const ics = `data:text/calendar;charset=utf-8,${encodeURIComponent(buildIcs(event))}`;
  return html`<div class="calendar" part="calendar">
    <a class="button-link" part="add-to-calendar" href=${ics} download="booking-${booking.reference ?? 'ev'}.ics" type="text/calendar"
      >${translate(catalogue, 'addToCalendar')}</a
    >
    <a class="link" href=${googleCalendarUrl(event)} target="_blank" rel="noopener"
      >${translate(catalogue, 'googleCalendar')}<span class="vh"> ${translate(catalogue, 'newTab')}</span></a
    >
  </div>`;
}

export interface CancelConfirmInput {
  catalogue: Catalogue;
  /** The cancel was confirmed and runs: the confirm button is busy, Keep it is gone. */
  cancelling: boolean;
  onConfirm: () => void;
  onKeep: () => void;
}

/** "Cancel this booking?" with Yes, cancel it / Keep it (SPEC §4 step 8). */
export function cancelConfirm({ catalogue, cancelling, onConfirm, onKeep }: CancelConfirmInput): TemplateResult {
  // Escape answers the question as Keep it does (not while the cancel runs).
  const escape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !cancelling) onKeep();
  };
  return html`<div class="confirm" role="group" aria-labelledby="cancel-question" @keydown=${escape}>
    <p id="cancel-question">${translate(catalogue, 'cancelConfirm')}</p>
    <button
      type="button"
      class="danger"
      aria-disabled=${cancelling || nothing}
      @click=${(): void => (cancelling ? undefined : onConfirm())}
    >${cancelling ? html`<span class="spinner" aria-hidden="true"></span>${translate(catalogue, 'cancelling')}` : translate(catalogue, 'cancelYes')}</button>
    <button type="button" class="keep" ?hidden=${cancelling} @click=${onKeep}>${translate(catalogue, 'cancelNo')}</button>
  </div>`;
}
