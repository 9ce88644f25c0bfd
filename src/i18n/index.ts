/**
 * A tiny message catalogue and the `Intl` formatters the elements share.
 *
 * Why not `@lit/localize`: its runtime mode adds a message loader, template wrappers and
 * per-locale modules loaded asynchronously (a flash of English, and more code in the ≤ 20 KB
 * gzip script-tag bundle); its transform mode needs one bundle per language. The widget's
 * strings are ~50 short messages with `{name}` placeholders: `en.ts` maps each key to its English
 * text, and every other language is an array of its messages in the order of `en.ts`'s keys (the
 * bundle carries the key names once, not once per language). `t()` below switches language
 * synchronously with the `locale` attribute, and leaves plurals, numbers and dates to `Intl`, which
 * every browser ships.
 *
 * Adding a language: copy `de.ts` to `xx.ts` (`export const xx = [ … ]`), translate each message,
 * keeping its `{name}` placeholders and the `// key` comment after it, and add `xx` to `catalogs`.
 * Adding a message: add its key to `en.ts` and its translation, at the same place, to every
 * language. `test/node/i18n.test.ts` checks each language against `en.ts`: the count, the order
 * of the key comments and the placeholders. The language is picked by the locale's primary subtag
 * (`de-AT` → `de`); a missing language falls back to English.
 */
import { ar } from './ar.js';
import { bg } from './bg.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export type MessageKey = keyof typeof en;

const keys = Object.keys(en);
const catalogs: Partial<Record<string, string[]>> = { de, fr, es, bg, ar };

/** The primary language subtag of a BCP 47 locale, lower-cased (`pt-BR` → `pt`). */
export const language = (locale: string): string => locale.split(/[-_]/)[0]!.toLowerCase();

/** `rtl` for languages or scripts written right to left (`ar`, `he`, `fa`, `ur`, `az-Arab`…), else `ltr`. */
export const direction = (locale: string): 'ltr' | 'rtl' =>
  /^(ar|ckb|dv|fa|he|iw|ps|sd|ug|ur|yi)\b|-(arab|hebr|thaa|syrc|nkoo|adlm)\b/i.test(locale) ? 'rtl' : 'ltr';

/**
 * The message `key` in the locale's language, with `{name}` placeholders filled from `vars`; empty
 * for a key that is not one (a status attribute such as `constructor` must not break rendering).
 */
export const t = (locale: string, key: MessageKey, vars?: Record<string, string | number>): string => {
  const i = keys.indexOf(key);
  return i < 0
    ? ''
    : (catalogs[language(locale)]?.[i] ?? en[key]).replace(/\{(\w+)\}/g, (whole, name: string) =>
        vars && name in vars ? String(vars[name]) : whole,
      );
};

const formatters = new Map<string, unknown>();

/**
 * A cached `new Format(locale, options)`. An attribute must not break rendering: the first of
 * (locale, options), (locale, UTC), (en, options), (en, UTC) that works, so an invalid locale falls
 * back to `en` and an invalid time zone to UTC.
 */
function cached<O extends object, F>(Format: new (locale: string, options: O) => F, locale: string, options: O): F {
  const key = JSON.stringify([Format.name, locale, options]);
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    for (const l of [locale, 'en']) {
      for (const o of [options, { ...options, timeZone: 'UTC' }]) {
        try {
          formatter ??= new Format(l, o);
        } catch {
          // Try the next one.
        }
      }
    }
    formatters.set(key, formatter);
  }
  return formatter!;
}

/** A cached `Intl.DateTimeFormat`; an invalid locale falls back to `en`, an invalid zone to UTC. */
export const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(Intl.DateTimeFormat, locale, options);

/** A cached `Intl.NumberFormat`; an invalid locale falls back to `en`. */
export const numberFormat = (locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat =>
  cached(Intl.NumberFormat, locale, options);

/** A start time as the locale writes it in `timeZone`: its short time style (`10:00` in en-GB, `1:30 AM` in en-US). */
export const formatTime = (locale: string, timeZone: string, instant: string | Date): string =>
  dateFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(instant));

/** An IANA zone's name as shown: `America/New York` for `America/New_York`. */
export const zoneName = (timeZone: string): string => timeZone.replace(/_/g, ' ');

/** A calendar date `YYYY-MM-DD` with its weekday (`Thursday 26 November` in en-GB). */
export const formatDate = (locale: string, date: string): string =>
  dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00Z`),
  );

/** A duration in minutes, pluralized by the locale (`60 minutes`). */
export const formatMinutes = (locale: string, minutes: number): string =>
  numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
