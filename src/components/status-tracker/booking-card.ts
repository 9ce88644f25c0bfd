/**
 * The booking as the status tracker shows it: while pending (what was asked) and once confirmed
 * (the card: reference, when, port, address, add to calendar). Templates and formatting only.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { buildIcs, googleCalendarUrl, type CalendarEvent } from '../../booking/ics.js';
import { localDate } from '../../booking/slots.js';
import { bt, zoneNameInWords } from '../../i18n/booker.js';
import { dateFormat, formatDate, numberFormat, t } from '../../i18n/index.js';
import { connectorName } from '../port-list/connector-names.js';

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
}

/** "Sunday 29 March, 10:00–11:00, Sofia time (GMT+3)". */
export function whenText(locale: string, booking: TrackedBooking): string {
  const start = Date.parse(booking.start);
  const { timeZone } = booking;
  const range = dateFormat(locale, { timeStyle: 'short', timeZone }).formatRange(start, Date.parse(booking.end));
  return `${formatDate(locale, localDate(start, timeZone))}, ${range}, ${zoneNameInWords(locale, timeZone, start)}`;
}

/** "Port A · CCS2 · 150 kW · DC", or "any port". */
export function portText(locale: string, booking: TrackedBooking): string {
  const { port } = booking;
  if (!port) return bt(locale, 'summaryAnyPort');
  const watts = port.maxPowerW ?? 0;
  return [
    port.label,
    ...(port.connectorTypes ?? []).map(connectorName),
    watts > 0 &&
      t(locale, 'portPower', { power: numberFormat(locale, { maximumFractionDigits: 1 }).format(watts / 1000) }),
    port.currentType?.toUpperCase(),
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The calendar entry of a confirmed booking. */
export function calendarEvent(locale: string, booking: TrackedBooking): CalendarEvent {
  const place = booking.locationName ?? bt(locale, 'calendarPlace');
  return {
    uid: `booking-${booking.reference ?? booking.start}@ev-booking-widget`,
    startAt: booking.start,
    endAt: booking.end,
    summary: bt(locale, 'calendarSummary', { place }),
    location: [booking.locationName, booking.address].filter(Boolean).join(', ') || null,
    description: [
      booking.reference != null ? `${bt(locale, 'confirmedReference')}: ${booking.reference}` : '',
      `${bt(locale, 'confirmedPort')}: ${portText(locale, booking)}`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}

/** The booking's facts as a description list. */
export function bookingFacts(locale: string, booking: TrackedBooking): TemplateResult {
  const row = (label: string, value: string | null | undefined): TemplateResult | typeof nothing =>
    value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
  return html`<dl class="facts">
    ${row(bt(locale, 'confirmedReference'), booking.reference != null ? String(booking.reference) : null)}
    ${row(bt(locale, 'confirmedWhen'), whenText(locale, booking))}
    ${row(bt(locale, 'confirmedPort'), portText(locale, booking))}
    ${row(bt(locale, 'confirmedAddress'), [booking.locationName, booking.address].filter(Boolean).join(', '))}
  </dl>`;
}

/** Add to calendar: the .ics file as a download link, and a Google Calendar link. */
export function calendarLinks(locale: string, booking: TrackedBooking): TemplateResult {
  const event = calendarEvent(locale, booking);
  const ics = `data:text/calendar;charset=utf-8,${encodeURIComponent(buildIcs(event))}`;
  return html`<div class="calendar" part="calendar">
    <a class="button-link" part="add-to-calendar" href=${ics} download="booking-${booking.reference ?? 'ev'}.ics" type="text/calendar"
      >${bt(locale, 'addToCalendar')}</a
    >
    <a class="link" href=${googleCalendarUrl(event)} target="_blank" rel="noopener"
      >${bt(locale, 'googleCalendar')}<span class="vh"> ${t(locale, 'newTab')}</span></a
    >
  </div>`;
}
