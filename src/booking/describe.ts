/**
 * Texts the widget writes from the data: the location's name in the locale. (The booking's time
 * and port are the status tracker's card: src/booking/tracked.ts and booking-card.ts.)
 */
import type { Location } from '../api/schemas.js';
import { language } from '../i18n/index.js';

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
