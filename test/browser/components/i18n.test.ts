import { expect } from '@open-wc/testing';
import {
  en,
  formatDate,
  formatMinutes,
  formatTime,
  language,
  loadCatalogue,
  translate,
} from '../../../src/i18n/index.js';
import { withBookingTexts } from '../../../src/i18n/en-booking.js';

import { describe, it } from '../../support/mocha.js';

describe('i18n', () => {
  it('picks the language by the primary subtag and falls back to English', () => {
    expect(language('de-AT')).to.equal('de');
    expect(language('PT_br')).to.equal('pt');
    expect(translate(en, 'portGroup')).to.equal('Charging port');
    expect(translate(withBookingTexts(en), 'emailLabel')).to.equal('Email');
    expect(loadCatalogue(language('xx-YY')), 'no catalogue: English').to.equal(undefined);
    expect(loadCatalogue(language('')), 'no catalogue: English').to.equal(undefined);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(translate(en, 'zoneSentence', { zone: 'Sofia time' })).to.equal('Times are Sofia time');
    expect(translate(withBookingTexts(en), 'statusRejectedReason', { reason: '<b>' })).to.equal(
      'Booking rejected: <b>',
    );
    expect(translate(en, 'zoneSentence')).to.equal('Times are {zone}');
  });

  it('formats times in a time zone, dates and durations with Intl', () => {
    expect(formatTime('en-GB', 'Europe/Sofia', '2026-03-29T07:00:00Z')).to.equal('10:00');
    expect(formatTime('en-GB', 'Europe/Sofia', '2026-03-28T07:00:00Z')).to.equal('09:00');
    // The locale's own short time: no leading zero where the locale writes none.
    for (const locale of ['en-US', 'ar', 'es', 'de']) {
      const own = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' });
      expect(formatTime(locale, 'UTC', '2026-12-02T01:30:00Z')).to.equal(
        own.format(Date.parse('2026-12-02T01:30:00Z')),
      );
    }
    expect(formatTime('en-US', 'UTC', '2026-12-02T01:30:00Z')).to.match(/^1:30\sAM$/);
    expect(formatDate('en-GB', '2026-11-26')).to.equal('Thursday 26 November');
    expect(formatMinutes('en', 1)).to.equal('1 minute');
    expect(formatMinutes('de', 90)).to.equal('90 Minuten');
  });

  it('survives an invalid locale or time zone', () => {
    // English, in its short time style.
    expect(formatTime('not a locale!', 'UTC', '2026-03-29T07:00:00Z')).to.match(/^7:00\sAM$/);
    expect(formatTime('en-GB', 'Mars/Olympus', '2026-03-29T07:00:00Z')).to.equal('07:00');
  });
});
