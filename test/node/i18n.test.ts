/**
 * The message catalogues: every language besides English is an array of its messages in the order
 * of `en`'s keys (see `src/i18n/index.ts`), so its length, its placeholders and the key named in
 * the comment after each message must all follow `en.ts`.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ar } from '../../src/i18n/ar.js';
import { bg } from '../../src/i18n/bg.js';
import { de } from '../../src/i18n/de.js';
import { en } from '../../src/i18n/en.js';
import { es } from '../../src/i18n/es.js';
import { fr } from '../../src/i18n/fr.js';
import { t, type MessageKey } from '../../src/i18n/index.js';

const keys = Object.keys(en) as (keyof typeof en)[];
const placeholders = (message: string): string[] => (message.match(/\{\w+\}/g) ?? []).sort();

describe('message catalogues', () => {
  for (const [lang, messages] of Object.entries({ de, fr, es, bg, ar })) {
    it(`${lang} has one message per English key, in en's order, with the same placeholders`, () => {
      assert.equal(messages.length, keys.length);
      const source = readFileSync(new URL(`../../src/i18n/${lang}.ts`, import.meta.url), 'utf8');
      assert.deepEqual(
        [...source.matchAll(/, \/\/ (\w+)$/gm)].map((m) => m[1]),
        keys,
        'the comments name the keys',
      );
      keys.forEach((key, i) => {
        const message = messages[i]!;
        assert.match(message, /^\S(.*\S)?$/, `${lang} ${key}`);
        assert.deepEqual(placeholders(message), placeholders(en[key]), `${lang} ${key}`);
        assert.equal(t(lang, key), message);
      });
    });
  }

  it('falls back to English for an unknown language, even one named like an Object property', () => {
    for (const lang of ['pt', 'constructor', '__proto__', 'toString'])
      assert.equal(t(lang, 'portGroup'), 'Charging port');
  });

  it('gives an empty message for a key that is not one, even one named like an Object property', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'nope']) assert.equal(t('de', key as MessageKey), '');
  });
});
