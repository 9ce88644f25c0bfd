import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildIcs, foldLine, googleCalendarUrl, icsEscape, type CalendarEvent } from '../../src/booking/ics.js';
import { calendarEvent } from '../../src/components/status-tracker/card-extras.js';
import type { TrackedBooking } from '../../src/components/status-tracker/booking-card.js';
import { en } from '../../src/i18n/en.js';
import { withBookingTexts } from '../../src/i18n/en-booking.js';

/** A minimal RFC 5545 reader: unfolds, splits properties, unescapes TEXT values. */
function parseIcs(text: string): { lines: string[]; props: Map<string, string[]> } {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
  const raw = text.slice(0, -2).split('\r\n');
  for (const line of raw) assert.ok(new TextEncoder().encode(line).length <= 75, `longer than 75 octets: ${line}`);
  const lines = raw.join('\r\n').replace(/\r\n /g, '').split('\r\n');
  const props = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const value = line
      .slice(colon + 1)
      .replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
    props.set(line.slice(0, colon), [...(props.get(line.slice(0, colon)) ?? []), value]);
  }
  return { lines, props };
}

const event: CalendarEvent = {
  uid: 'booking-42@ev-booking-widget',
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:30:00.000Z',
  summary: 'EV charging, Port A; CCS2 \\ 150 kW',
  location: 'Плевен, ул. "Васил Левски" 12, 5800 Pleven, Bulgaria — a long address that needs folding ✓',
  description: 'Reference 42\nStart from the app',
  stamp: Date.parse('2026-02-28T09:15:00Z'),
};

describe('ics', () => {
  it('writes one VEVENT with UTC times, SUMMARY, LOCATION, UID and DTSTAMP that parse back', () => {
    const { lines, props } = parseIcs(buildIcs(event));
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    assert.deepEqual(props.get('BEGIN'), ['VCALENDAR', 'VEVENT']);
    assert.deepEqual(props.get('VERSION'), ['2.0']);
    assert.ok(props.get('PRODID'));
    assert.deepEqual(props.get('DTSTART'), ['20260301T100000Z']);
    assert.deepEqual(props.get('DTEND'), ['20260301T113000Z']);
    assert.deepEqual(props.get('DTSTAMP'), ['20260228T091500Z']);
    assert.deepEqual(props.get('UID'), [event.uid]);
    assert.deepEqual(props.get('SUMMARY'), [event.summary]);
    assert.deepEqual(props.get('LOCATION'), [event.location]);
    assert.deepEqual(props.get('DESCRIPTION'), [event.description]);
  });

  it('escapes backslash, semicolon, comma and newlines', () => {
    assert.equal(icsEscape('a\\b;c,d\ne\r\nf'), 'a\\\\b\\;c\\,d\\ne\\nf');
    assert.ok(buildIcs(event).includes('SUMMARY:EV charging\\, Port A\\; CCS2 \\\\ 150 kW'));
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const folded = foldLine(`LOCATION:${'я'.repeat(60)}`);
    const parts = folded.split('\r\n');
    assert.ok(parts.length > 1);
    for (const part of parts) assert.ok(new TextEncoder().encode(part).length <= 75);
    assert.ok(parts.slice(1).every((p) => p.startsWith(' ')));
    assert.equal(folded.replace(/\r\n /g, ''), `LOCATION:${'я'.repeat(60)}`);
    assert.equal(foldLine('SHORT:x'), 'SHORT:x');
  });

  it('leaves out LOCATION when there is no address', () => {
    assert.ok(!buildIcs({ ...event, location: null }).includes('LOCATION'));
  });

  it('builds a Google Calendar link with the UTC range', () => {
    const url = new URL(googleCalendarUrl(event));
    assert.equal(url.origin, 'https://calendar.google.com');
    assert.equal(url.searchParams.get('action'), 'TEMPLATE');
    assert.equal(url.searchParams.get('dates'), '20260301T100000Z/20260301T113000Z');
    assert.equal(url.searchParams.get('text'), event.summary);
    assert.equal(url.searchParams.get('location'), event.location);
  });
});

describe("the confirmation card's calendar file (SPEC §6: SUMMARY, LOCATION, UID)", () => {
  const booked: TrackedBooking = {
    reference: 900,
    start: '2026-03-01T10:00:00Z',
    end: '2026-03-01T11:00:00Z',
    timeZone: 'Europe/Sofia',
    port: null,
    locationName: 'Tech Park Garage',
    address: '111B Tsarigradsko Shose Blvd, Sofia',
  };
  const fileOf = (booking: TrackedBooking): Map<string, string[]> =>
    parseIcs(buildIcs(calendarEvent(withBookingTexts(en), 'en-GB', booking))).props;

  it('places the event at the location: its name and address', () => {
    const props = fileOf(booked);
    assert.deepEqual(props.get('LOCATION'), ['Tech Park Garage, 111B Tsarigradsko Shose Blvd, Sofia']);
    assert.deepEqual(props.get('SUMMARY'), ['EV charging at Tech Park Garage']);
  });

  it('gives the event a UID of the booking and its start: downloaded again it updates the entry; another booking 900 (another tenant, a simulator started again) is another entry', () => {
    const uid = (booking: TrackedBooking): string => fileOf(booking).get('UID')![0]!;
    assert.equal(uid(booked), 'booking-900-20260301T100000Z@ev-booking-widget');
    assert.equal(uid({ ...booked }), uid(booked));
    assert.notEqual(uid({ ...booked, start: '2026-03-02T10:00:00Z', end: '2026-03-02T11:00:00Z' }), uid(booked));
  });

  it('still has a LOCATION when the location has no name, address or city (all optional or null in the definition)', () => {
    const props = fileOf({ ...booked, locationName: null, address: null });
    assert.equal(props.get('LOCATION')?.length, 1);
    assert.notEqual(props.get('LOCATION')![0], '');
    assert.equal(props.get('SUMMARY')?.length, 1);
  });
});
