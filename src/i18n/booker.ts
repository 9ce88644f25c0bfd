/**
 * The v2 booker's messages (issue 14), English, kept apart until the typed catalogues of the `i18n`
 * branch land; then each key moves into them with its translations and `bt` gives way to `t`.
 * Placeholders are `{name}`.
 */
import { zoneWords } from '../booking/zone.js';

export const bookerEn = {
  anyPort: 'Any available port',
  anyPortHint: 'We pick a free one that fits',
  connectorFilter: 'Connector',
  currentFilter: 'Current',
  allConnectors: 'All',
  currentAc: 'AC',
  currentDc: 'DC',
  noMatchingPorts: 'No port has this connector',
  dayStrip: 'Day',
  dayFree: '{count} free',
  dayFull: 'Full',
  partNight: 'Night',
  partMorning: 'Morning',
  partAfternoon: 'Afternoon',
  partEvening: 'Evening',
  slotTaken: 'taken',
  slotKeysHint: 'Arrow keys move between times, Page Up and Page Down change the day.',
  zoneCityName: '{city} time ({offset})',
  zoneSentence: 'Times are {zone}',
  slotName: '{time} {zone}, {date}, {duration}',
  slotTakenName: '{time}, taken',
  zoneYours: 'Your own time zone is {zone}.',
  summaryAnyPort: 'any port',
  summaryTitle: 'Your booking',
  confirmedTitle: 'Booking confirmed',
  confirmedReference: 'Reference',
  confirmedWhen: 'When',
  confirmedPort: 'Port',
  confirmedAddress: 'Address',
  confirmedNext: 'The port is held for you. Start charging from the driver app when you arrive.',
  addToCalendar: 'Add to calendar',
  downloadIcs: 'Add to calendar (.ics file)',
  googleCalendar: 'Google Calendar',
  cancelBooking: 'Cancel booking',
  cancelConfirm: 'Cancel this booking? The port is released for others.',
  cancelYes: 'Yes, cancel it',
  cancelNo: 'Keep it',
  cancelling: 'Cancelling…',
  cancelled: 'Booking cancelled',
  bookAnother: 'Book another',
  calendarSummary: 'EV charging at {place}',
  calendarPlace: 'the charger',
  retrying: 'Trying again…',
  pendingHint: 'You can leave this page: the booking goes on, and the driver app shows the answer.',
  pendingTitle: 'Waiting for the operator to confirm',
  close: 'Close',
  openButton: 'Book a charger',
  duration: 'Duration',
} as const;

export type BookerMessageKey = keyof typeof bookerEn;

/** A booker message with its `{name}` placeholders filled (English until the catalogues land). */
export function bt(_locale: string, key: BookerMessageKey, vars?: Record<string, string | number>): string {
  return bookerEn[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    vars && name in vars ? String(vars[name]) : whole,
  );
}

/** The language the booker's texts are in for `locale` (English until the catalogues land): for `lang`. */
export const bookerLanguage = (_locale: string): string => 'en';

/**
 * The location's time zone in plain words, one wording everywhere: "Times are Sofia time (GMT+2)",
 * or "Times are GMT" for a zone without a place. The offset is the one at `instant` (DST).
 */
export function zoneInWords(locale: string, timeZone: string, instant: number | Date = Date.now()): string {
  return bt(locale, 'zoneSentence', { zone: zoneNameInWords(locale, timeZone, instant) });
}

/** The zone's name in plain words, for use inside a sentence: "Sofia time (GMT+2)", or "GMT+2" without a place. */
export function zoneNameInWords(locale: string, timeZone: string, instant: number | Date = Date.now()): string {
  const { city, offset } = zoneWords(locale, timeZone, instant);
  return city ? bt(locale, 'zoneCityName', { city, offset }) : offset;
}
