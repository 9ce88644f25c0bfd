/**
 * The location's time zone in plain words, one wording everywhere (SPEC §2): "Times are Sofia
 * time (GMT+2)", translated; the offset is the one at the instant given (DST).
 */
import { localDate } from '../booking/slots.js';
import { zoneWords } from '../booking/zone.js';
import { dateFormat, formatDate, translate, type Catalogue } from './index.js';

/** The zone's name for use inside a sentence: "Sofia time (GMT+2)", or "GMT+2" without a place. */
export function zoneNameInWords(
  catalogue: Catalogue,
  locale: string,
  timeZone: string,
  instant: number | Date = Date.now(),
): string {
  const { city, offset } = zoneWords(locale, timeZone, instant);
  return city ? translate(catalogue, 'zoneCityName', { city, offset }) : offset;
}

/** The sentence naming the zone: "Times are Sofia time (GMT+2)". */
export const zoneInWords = (
  catalogue: Catalogue,
  locale: string,
  timeZone: string,
  instant: number | Date = Date.now(),
): string => translate(catalogue, 'zoneSentence', { zone: zoneNameInWords(catalogue, locale, timeZone, instant) });

/**
 * A booking's date and its time range in `timeZone`: `{date: "Saturday 5 December", times:
 * "10:00–11:00"}`, or, when it ends on another day, `times: "23:00 – Sunday 6 December, 01:00"`
 * (each date said once, in one format).
 */
export function formatWhen(
  locale: string,
  timeZone: string,
  start: number,
  end: number,
): { date: string; times: string } {
  const startDate = localDate(start, timeZone);
  const endDate = localDate(end, timeZone);
  const clock = dateFormat(locale, { timeStyle: 'short', timeZone });
  const times =
    startDate === endDate
      ? clock.formatRange(start, end)
      : `${clock.format(start)} – ${formatDate(locale, endDate)}, ${clock.format(end)}`;
  return { date: formatDate(locale, startDate), times };
}
