/**
 * A time zone in plain words: the place a driver knows it by and its offset from GMT, as in
 * "Sofia time (GMT+2)". Pure functions on `Intl`, no DOM.
 */
import { zoneOffsetMinutes } from './slots.js';

/**
 * The place an IANA zone is named after, as people write it: `Europe/Sofia` → `Sofia`,
 * `America/Argentina/Buenos_Aires` → `Buenos Aires`; null for zones without a place (`UTC`,
 * `Etc/GMT+3`).
 */
export function zoneCity(timeZone: string): string | null {
  if (!timeZone.includes('/') || /^Etc\//i.test(timeZone)) return null;
  return timeZone.split('/').at(-1)!.replace(/_/g, ' ');
}

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();
/**
 * Labels already written, per locale, zone and offset: a label is a `formatToParts` call (~0.3 ms),
 * and every start time's name says its zone (a day of times has one or two offsets).
 */
const offsetLabels = new Map<string, string>();

/** The zone's offset in minutes at an instant; for a zone the runtime does not know, the instant itself (no label shared). */
function offsetOf(instant: number, timeZone: string): number | string {
  try {
    return zoneOffsetMinutes(instant, timeZone);
  } catch {
    return `at ${instant}`;
  }
}

/** The zone's offset at an instant as the locale writes it short: `GMT+2`, `GMT-4`, `GMT+5:45`, `GMT`. */
export function zoneOffsetLabel(locale: string, timeZone: string, instant: number | Date = Date.now()): string {
  const key = `${locale} ${timeZone}`;
  const labelKey = `${key} ${offsetOf(+instant, timeZone)}`;
  const known = offsetLabels.get(labelKey);
  if (known !== undefined) return known;
  let formatter = offsetFormatters.get(key);
  if (!formatter) {
    const options: Intl.DateTimeFormatOptions = { timeZone, timeZoneName: 'shortOffset' };
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      formatter = new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' });
    }
    offsetFormatters.set(key, formatter);
  }
  const label = formatter.formatToParts(instant).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  // Some ICU versions write a zero offset `GMT+0`: plain `GMT` reads better.
  const plain = label.replace(/[+-]0(:00)?$/, '');
  offsetLabels.set(labelKey, plain);
  return plain;
}

/** The parts of a zone's plain-words name: its place (or null) and its offset. */
export interface ZoneWords {
  city: string | null;
  offset: string;
}

export const zoneWords = (locale: string, timeZone: string, instant: number | Date = Date.now()): ZoneWords => ({
  city: zoneCity(timeZone),
  offset: zoneOffsetLabel(locale, timeZone, instant),
});
