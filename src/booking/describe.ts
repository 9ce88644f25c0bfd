/**
 * Texts the widget writes from the data: the location's name in the locale. (The booking's time
 * and port are the status tracker's card: src/booking/tracked.ts and booking-card.ts.)
 */
import type { Location } from '../api/schemas.js';
import { language } from '../i18n/index.js';

/**
 * The translation for `locale`: exact, then same language, then English, then the first; with the
 * language it is in (`locale` of the name, `en` when it has none), for its own `lang` (SPEC §6).
 */
export function pickTranslation(names: Location['name'], locale: string): { text: string; lang: string } | undefined {
  const translated = (names ?? []).filter((name) => name.translation);
  const tag = (value?: string | null): string => (value ?? '').toLowerCase().replace('_', '-');
  const languageOf = (value?: string | null): string => language(value ?? '');
  const name =
    translated.find((name) => tag(name.locale) === tag(locale)) ??
    translated.find((name) => languageOf(name.locale) === languageOf(locale)) ??
    translated.find((name) => languageOf(name.locale) === 'en') ??
    translated[0];
  return name && { text: name.translation!, lang: tag(name.locale) || 'en' };
}

/** `lang`, when a text's language (from its translation) is not the texts' language; else undefined. */
export function otherLanguage(lang: string, textLanguage: string): string | undefined {
  return lang && language(lang) !== language(textLanguage) ? lang : undefined;
}
