/**
 * The location's time zone in plain words, one wording everywhere (SPEC §2): "Times are Sofia
 * time (GMT+2)", translated; the offset is the one at the instant given (DST).
 */
import { zoneWords } from '../booking/zone.js';
import { translate, type Catalogue } from './index.js';

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
