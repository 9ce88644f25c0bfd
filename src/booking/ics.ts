/**
 * The booking as a calendar entry: an RFC 5545 `.ics` file with one VEVENT, and a Google Calendar
 * link. Pure functions, no DOM (the page turns the text into a download).
 */

export interface CalendarEvent {
  /** A stable id for the event, e.g. `booking-123@ev-booking-widget`. */
  uid: string;
  /** ISO 8601 instants. */
  startAt: string;
  endAt: string;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** When the file is made (DTSTAMP); default now. */
  stamp?: number;
}

/** An instant as iCalendar's UTC date-time: `20260301T100000Z`. */
export const icsDateTime = (instant: string | number): string =>
  new Date(instant)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/** A TEXT value escaped (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as `\n`. */
export const icsEscape = (text: string): string =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');

const encoder = new TextEncoder();

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): continuation lines start with one space.
 * Folds never split a UTF-8 character.
 */
export function foldLine(line: string): string {
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation 74 after its leading space.
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}

/** The `.ics` text of one event: CRLF line ends, folded lines, times in UTC. */
export function buildIcs(event: CalendarEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ev-booking-widget//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsEscape(event.uid)}`,
    `DTSTAMP:${icsDateTime(event.stamp ?? Date.now())}`,
    `DTSTART:${icsDateTime(event.startAt)}`,
    `DTEND:${icsDateTime(event.endAt)}`,
    `SUMMARY:${icsEscape(event.summary)}`,
    ...(event.location ? [`LOCATION:${icsEscape(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${icsEscape(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** A Google Calendar "add event" link for the event (times in UTC). */
export function googleCalendarUrl(event: CalendarEvent): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', event.summary);
  url.searchParams.set('dates', `${icsDateTime(event.startAt)}/${icsDateTime(event.endAt)}`);
  if (event.location) url.searchParams.set('location', event.location);
  if (event.description) url.searchParams.set('details', event.description);
  return url.href;
}
