/**
 * The message catalogues, each language in two halves (the first view's, the booking's). That
 * each half has exactly English's keys (the symbols, `SymbolKey`, optional) is proven by `tsc`
 * (`satisfies FirstViewCatalogue`, `satisfies BookingCatalogue`); what the type checker cannot see
 * is checked here: the same placeholders as English, no stray whitespace, and a loader for each
 * catalogue file.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  en,
  loadBookingCatalogue,
  loadCatalogue,
  translate,
  type BookingCatalogue,
  type Catalogue,
  type FirstViewCatalogue,
  type MessageKey,
  type SymbolKey,
} from '../../src/i18n/index.js';
import { enBooking } from '../../src/i18n/en-booking.js';
import { enPorts, portTexts } from '../../src/i18n/en-ports.js';

/** English's first view: the entry's messages and the port texts (which come with the port cards). */
const englishFirstView = { ...en, ...enPorts } satisfies FirstViewCatalogue;
/** English whole: the first view's messages and the booking's. */
const english: Readonly<Record<MessageKey, string>> = { ...englishFirstView, ...enBooking };
const keys = Object.keys(english) as MessageKey[];
/** The texts a language may leave out (English's are shown): symbols, not words. */
const SYMBOL_KEYS: readonly string[] = [
  'portFallbackName',
  'portPower',
  'currentAc',
  'currentDc',
] satisfies SymbolKey[];
const placeholders = (message: string): string[] => (message.match(/\{\w+\}/g) ?? []).sort();

/** Every catalogue file of `src/i18n/` besides English's: `de.ts` → `de`. */
const catalogueFiles = readdirSync(new URL('../../src/i18n/', import.meta.url))
  .map((file) => /^([a-z]{2,3})\.ts$/.exec(file)?.[1])
  .filter((lang): lang is string => lang !== undefined && lang !== 'en');

describe('message catalogues', () => {
  for (const lang of catalogueFiles) {
    it(`${lang} has English's keys, each message with the same placeholders`, async () => {
      const loading = loadCatalogue(lang);
      const loadingBooking = loadBookingCatalogue(lang);
      assert.ok(loading, `${lang}.ts has a loader in src/i18n/index.ts`);
      assert.ok(loadingBooking, `${lang}-booking.ts has a loader in src/i18n/index.ts`);
      const firstView: FirstViewCatalogue = await loading;
      const booking: BookingCatalogue = await loadingBooking;
      const words = (list: string[]): string[] => list.filter((key) => !SYMBOL_KEYS.includes(key)).sort();
      assert.deepEqual(words(Object.keys(firstView)), words(Object.keys(englishFirstView)));
      assert.deepEqual(
        Object.keys(firstView).filter((key) => !Object.hasOwn(englishFirstView, key)),
        [],
        'no key English does not have',
      );
      assert.deepEqual(Object.keys(booking).sort(), Object.keys(enBooking).sort());
      // As the parts that show them hold it: English's symbols where the language leaves them out.
      const catalogue: Catalogue = portTexts({ ...firstView, ...booking });
      for (const key of keys) {
        const message = translate(catalogue, key);
        assert.match(message, /^\S(.*\S)?$/, `${lang} ${key}: no leading or trailing space, not empty`);
        assert.deepEqual(placeholders(message), placeholders(english[key]), `${lang} ${key}`);
      }
    });
  }

  it('every language tells "the service had a problem" (5xx) apart from "can\'t reach" (audit finding 11)', async () => {
    for (const lang of ['en', ...catalogueFiles]) {
      const catalogue: Catalogue = lang === 'en' ? en : await loadCatalogue(lang)!;
      assert.notEqual(catalogue.errorService, catalogue.errorNetwork, lang);
      if (lang !== 'en') assert.notEqual(catalogue.errorService, en.errorService, `${lang} is translated`);
    }
  });

  it('a catalogue with a missing or an extra key does not compile', () => {
    const { duration: _duration, ...withoutDuration } = englishFirstView;
    // @ts-expect-error `duration` is missing.
    const incomplete: FirstViewCatalogue = withoutDuration;
    // @ts-expect-error `duraton` is not a message key.
    const misspelt = { ...englishFirstView, duraton: 'Duration' } satisfies FirstViewCatalogue;
    assert.equal(Object.keys(incomplete).length + 1, Object.keys(misspelt).length - 1);
    const { currentAc: _currentAc, ...withoutSymbol } = englishFirstView;
    const symbolLeftOut: FirstViewCatalogue = withoutSymbol;
    assert.equal(translate(portTexts(symbolLeftOut), 'currentAc'), 'AC');
    const { book: _book, ...withoutBook } = enBooking;
    // @ts-expect-error `book` is missing.
    const incompleteBooking: BookingCatalogue = withoutBook;
    // @ts-expect-error `bok` is not a message key.
    const misspeltBooking = { ...enBooking, bok: 'Book' } satisfies BookingCatalogue;
    assert.equal(Object.keys(incompleteBooking).length + 1, Object.keys(misspeltBooking).length - 1);
  });

  it('has no catalogue to load for English or an unknown language, even one named like an Object property', () => {
    for (const lang of ['en', 'pt', 'constructor', '__proto__', 'toString']) {
      assert.equal(loadCatalogue(lang), undefined, lang);
      assert.equal(loadBookingCatalogue(lang), undefined, lang);
    }
  });

  it('fills placeholders, and leaves an unknown one as written', async () => {
    const de = (await loadCatalogue('de'))!;
    assert.equal(translate(de, 'dayFree', { count: 3 }), '3 frei');
    assert.equal(translate(en, 'zoneSentence'), 'Times are {zone}');
    assert.equal(translate(en, 'zoneSentence', { toString: 'x' }), 'Times are {zone}');
  });

  it("shows English's symbol where a language leaves it out: a port without a name is #12, currents AC and DC", async () => {
    for (const lang of catalogueFiles) {
      // As the parts that show them hold it (the port cards, the filters, the booking card).
      const catalogue = portTexts((await loadCatalogue(lang))!);
      assert.equal(translate(catalogue, 'portFallbackName', { id: 12 }), '#12', lang);
      if (lang !== 'ar') assert.equal(translate(catalogue, 'portPower', { power: 22 }), '22 kW', lang);
      assert.equal(translate(catalogue, 'currentAc'), 'AC', lang);
      assert.equal(translate(catalogue, 'currentDc'), 'DC', lang);
    }
    assert.equal(translate(portTexts((await loadCatalogue('ar'))!), 'portPower', { power: 22 }), '22 كيلوواط');
  });

  it('gives an empty message for a key that is not one, even one named like an Object property', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'nope'])
      assert.equal(translate(en, key as MessageKey), '', key);
  });
});
