/**
 * Texts the widget writes from the data: the location's name in the locale, a start (and end)
 * in the location's timezone, the confirmed booking's port.
 */
import type { Evse, Location } from '../api/schemas.js';
import { dateFormat, language } from '../i18n/index.js';
import type { Confirmed } from './states.js';

/**
 * A start (and end) as the locale writes them in the location's timezone, with the zone's short
 * name, then `extra` (if any) as the locale joins a list (`, ` in English, `، ` in Arabic).
 */
export function describeTime(
  locale: string,
  timeZone: string,
  extra: string | null | undefined,
  start: string,
  end?: string,
): string {
  const format = dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const when = end ? format.formatRange(Date.parse(start), Date.parse(end)) : format.format(Date.parse(start));
  return extra ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format([when, extra]) : when;
}

/** The translation for `locale`: exact, then same language, then English, then the first. */
export function pickTranslation(names: Location['name'], locale: string): string | null | undefined {
  const translated = (names ?? []).filter((name) => name.translation);
  const tag = (value?: string | null): string => (value ?? '').toLowerCase().replace('_', '-');
  const languageOf = (value?: string | null): string => language(value ?? '');
  return (
    translated.find((name) => tag(name.locale) === tag(locale)) ??
    translated.find((name) => languageOf(name.locale) === languageOf(locale)) ??
    translated.find((name) => languageOf(name.locale) === 'en') ??
    translated[0]
  )?.translation;
}

/** The confirmed booking's time and port, as the confirmation shows them. */
export function describeConfirmed(
  locale: string,
  timeZone: string,
  confirmed: Confirmed,
  ports: readonly Evse[],
): string {
  const { booking, request } = confirmed;
  // Without the booking, the request's own times and port.
  const startAt = booking?.startAt ?? request.startAt ?? '';
  const endAt = booking?.endAt ?? request.endAt ?? undefined;
  const bookedEvse = booking?.evse;
  const port = ports.find((candidate) => candidate.id === (bookedEvse?.id ?? request.evseId));
  return describeTime(locale, timeZone, bookedEvse?.label || port?.label || port?.physicalReference, startAt, endAt);
}
