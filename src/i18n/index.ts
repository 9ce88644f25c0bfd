/**
 * The widget's messages, and the `Intl` formatters the elements share.
 *
 * Each language's messages come in two halves: the first view's (the ports, the durations, the
 * start times, the load's failures: `<lang>.ts`) and the booking's (the email form, the status
 * tracker, the confirmation card: `<lang>-booking.ts`). English's first view (`en.ts`) is inside
 * the script-tag entry, and English's booking texts (`en-booking.ts`) come with the booking parts'
 * chunk, loaded once the first start times are shown. Every other language's halves are modules
 * of their own, which the build turns into chunks beside `ev-booking-widget.js`
 * (`i18n-de-[hash].js`, `i18n-de-booking-[hash].js`), fetched with a dynamic `import()` (so
 * relative to the entry's `import.meta.url`, and allowed by `script-src 'self'`) only when a widget
 * on the page is in that language: the first view's beside the first API requests, the booking's
 * beside the booking parts. Picking and loading a widget's catalogue is `LocaleController`'s job
 * (`src/controllers/locale.ts`); `translate()` fills a message from a catalogue. There is no
 * "current language" here: each element holds its own catalogue, so widgets in two languages on
 * one page stay independent.
 *
 * Why not `@lit/localize`: its runtime mode adds template wrappers and a message loader to every
 * page, its transform mode needs one bundle per language. The widget's strings are ~95 short
 * messages with `{name}` placeholders; plurals, numbers and dates are left to `Intl`.
 *
 * Adding a language: copy `de.ts` and `de-booking.ts` to `xx.ts` and `xx-booking.ts`
 * (`export const xx = { … } satisfies FirstViewCatalogue`, `export const xxBooking = { … }
 * satisfies BookingCatalogue`), translate each message keeping its `{name}` placeholders
 * (test/node/i18n.test.ts checks them), and add `xx` to both `loaders` below. Adding a message: add
 * it to `en.ts` (shown on the first view; `en-ports.ts` when only the port list's cards or filters
 * show it, which come with their code) or `en-booking.ts` (shown once booking); `tsc` then names
 * every catalogue that lacks it. The language is the locale's primary subtag (`de-AT` → `de`); a
 * language without a catalogue is shown in English.
 */
import {
  en,
  type Catalogue,
  type FirstViewCatalogue,
  type FirstViewKey,
  type MessageKey,
  type SymbolKey,
} from './en.js';
import type { BookingCatalogue, BookingKey } from './en-booking.js';

export {
  en,
  type BookingCatalogue,
  type BookingKey,
  type Catalogue,
  type FirstViewCatalogue,
  type FirstViewKey,
  type MessageKey,
  type SymbolKey,
};

/** Message parameters: the values of a message's `{name}` placeholders. */
export type MessageParams = Record<string, string | number>;

/** How to load each first-view catalogue besides English: each `import()` becomes a chunk of its own. */
const loaders = new Map<string, () => Promise<FirstViewCatalogue>>([
  ['de', () => import('./de.js').then((module) => module.de)],
  ['fr', () => import('./fr.js').then((module) => module.fr)],
  ['es', () => import('./es.js').then((module) => module.es)],
  ['bg', () => import('./bg.js').then((module) => module.bg)],
  ['ar', () => import('./ar.js').then((module) => module.ar)],
]);

/** How to load each language's booking texts besides English's (which come with the booking parts). */
const bookingLoaders = new Map<string, () => Promise<BookingCatalogue>>([
  ['de', () => import('./de-booking.js').then((module) => module.deBooking)],
  ['fr', () => import('./fr-booking.js').then((module) => module.frBooking)],
  ['es', () => import('./es-booking.js').then((module) => module.esBooking)],
  ['bg', () => import('./bg-booking.js').then((module) => module.bgBooking)],
  ['ar', () => import('./ar-booking.js').then((module) => module.arBooking)],
]);

/**
 * Starts loading the first-view catalogue of `lang` (a primary subtag, see `language()`):
 * `undefined` when the language has none besides English (`en` itself included); the promise
 * rejects when its chunk cannot be loaded.
 */
export const loadCatalogue = (lang: string): Promise<FirstViewCatalogue> | undefined => loaders.get(lang)?.();

/** Starts loading the booking texts of `lang`, as `loadCatalogue` does the first view's. */
export const loadBookingCatalogue = (lang: string): Promise<BookingCatalogue> | undefined =>
  bookingLoaders.get(lang)?.();

/** The primary language subtag of a BCP 47 locale, lower-cased (`pt-BR` → `pt`). */
export const language = (locale: string): string => locale.split(/[-_]/)[0]!.toLowerCase();

/** `rtl` for languages or scripts written right to left (`ar`, `he`, `fa`, `ur`, `az-Arab`…), else `ltr`. */
export const direction = (locale: string): 'ltr' | 'rtl' =>
  /^(ar|ckb|dv|fa|he|iw|ps|sd|ug|ur|yi)\b|-(arab|hebr|thaa|syrc|nkoo|adlm)\b/i.test(locale) ? 'rtl' : 'ltr';

/**
 * The message `key` of `catalogue` (English's first view where the catalogue lacks it), with its
 * `{name}` placeholders filled from `params` (an unknown one is left as written); empty for a key
 * that is not one (a status attribute such as `constructor` must not break rendering), or a
 * booking text the catalogue does not hold yet (the parts that show them pass a complete one).
 */
export function translate(catalogue: Catalogue, key: MessageKey, params?: MessageParams): string {
  const message =
    (Object.hasOwn(catalogue, key) ? catalogue[key] : Object.hasOwn(en, key) ? en[key as keyof typeof en] : '') ?? '';
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params && Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

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
export const formatTime = (locale: string, timeZone: string, instant: string | Date | number): string =>
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
