/**
 * A tiny message catalogue and the `Intl` formatters the elements share.
 *
 * Why not `@lit/localize`: its runtime mode adds a message loader, template wrappers and
 * per-locale modules loaded asynchronously (a flash of English, and more code in the ≤ 20 KB
 * gzip script-tag bundle); its transform mode needs one bundle per language. The widget's
 * strings are ~50 plain messages with `{name}` placeholders: a typed object per language (about
 * 1 KB gzip of text each) and `t()` below (a few lines) switch language synchronously with the
 * `locale` attribute, and leave plurals, numbers and dates to `Intl`, which every browser ships.
 *
 * Adding a language: create `xx.ts` exporting `const xx: Messages = { … }` (same keys as
 * `en.ts`) and add it to `catalogs`. The language is picked by the locale's primary subtag
 * (`de-AT` → `de`); a missing language or key falls back to English.
 */
import { ar } from './ar.js';
import { bg } from './bg.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const catalogs: Partial<Record<string, Partial<Messages>>> = { en, de, fr, es, bg, ar };

/** The primary language subtag of a BCP 47 locale, lower-cased (`pt-BR` → `pt`). */
export function language(locale: string): string {
  return (locale.split(/[-_]/)[0] ?? '').toLowerCase();
}

/** `rtl` for languages or scripts written right to left (`ar`, `he`, `fa`, `ur`, `az-Arab`…), else `ltr`. */
export function direction(locale: string): 'ltr' | 'rtl' {
  return /^(ar|ckb|dv|fa|he|iw|ps|sd|ug|ur|yi)\b|-(arab|hebr|thaa|syrc|nkoo|adlm)\b/i.test(locale) ? 'rtl' : 'ltr';
}

/** The message `key` in the locale's language, with `{name}` placeholders filled from `vars`. */
export function t(locale: string, key: MessageKey, vars?: Record<string, string | number>): string {
  const message: string = catalogs[language(locale)]?.[key] ?? en[key];
  return vars
    ? message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole))
    : message;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(
  kind: string,
  locale: string,
  options: object,
  make: (locale: string) => F,
): F {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    try {
      formatter = make(locale);
    } catch {
      // An invalid locale (or time zone) from an attribute must not break rendering.
      formatter = make('en');
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A cached `Intl.DateTimeFormat`; an invalid locale falls back to `en`, an invalid zone to UTC. */
export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached('d', locale, options, (l) => {
    try {
      return new Intl.DateTimeFormat(l, options);
    } catch {
      return new Intl.DateTimeFormat(l, { ...options, timeZone: 'UTC' });
    }
  });
}

/** A cached `Intl.NumberFormat`; an invalid locale falls back to `en`. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached('n', locale, options, (l) => new Intl.NumberFormat(l, options));
}

/** A start time as the locale writes it in `timeZone` (`10:00` in en-GB). */
export function formatTime(locale: string, timeZone: string, instant: string | Date): string {
  return dateFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(instant));
}

/** A calendar date `YYYY-MM-DD` with its weekday (`Thursday 26 November` in en-GB). */
export function formatDate(locale: string, date: string): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return dateFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1, d, 12),
  );
}

/** A duration in minutes, pluralized by the locale (`60 minutes`). */
export function formatMinutes(locale: string, minutes: number): string {
  return numberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(minutes);
}
