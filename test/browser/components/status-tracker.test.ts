import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/status-tracker/status-tracker.js';
import type {
  BookingStatus,
  EvStatusTracker,
  TrackedBooking,
} from '../../../src/components/status-tracker/status-tracker.js';

import { en, language, loadCatalogue } from '../../../src/i18n/index.js';
import { formatWhen } from '../../../src/i18n/when.js';
import { zoneNameInWords } from '../../../src/i18n/zone.js';
import { accessibleName } from '../../support/a11y.js';
import { emulateForcedColors } from '../../support/forced-colors.js';
import { afterEach, describe, it } from '../../support/mocha.js';

const make = (status: BookingStatus = 'idle'): Promise<EvStatusTracker> =>
  fixture<EvStatusTracker>(html`<ev-status-tracker .status=${status}></ev-status-tracker>`);
const text = (el: EvStatusTracker, selector: string): string =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buttons = (el: EvStatusTracker): string[] =>
  [...el.shadowRoot!.querySelectorAll('button')].map((b) => accessibleName(b));
/** Waits until no update is pending (an outcome is put in the live regions in an update of its own). */
async function settled(el: EvStatusTracker): Promise<EvStatusTracker> {
  while (!(await el.updateComplete));
  return el;
}
/** What the live regions say. */
const spoken = (el: EvStatusTracker): string => `${text(el, '[role=status]')}|${text(el, '[role=alert]')}`;

describe('<ev-status-tracker>', () => {
  describe('accessibility', () => {
    it('is accessible in every state, light and dark', async () => {
      const states: BookingStatus[] = ['idle', 'sending', 'pending', 'confirmed', 'rejected', 'timeout', 'error'];
      for (const theme of ['light', 'dark']) {
        for (const status of states) {
          const el = await fixture<EvStatusTracker>(
            html`<ev-status-tracker theme=${theme} .status=${status} message="No" detail="A1" retryable></ev-status-tracker>`,
          );
          await expect(el).to.be.accessible();
        }
      }
    });

    it('always has a polite status region and an alert region', async () => {
      const el = await make();
      const region = el.shadowRoot!.querySelector('[role=status]')!;
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(el.shadowRoot!.querySelector('[role=alert]')).to.not.equal(null);
      expect(region.textContent!.trim()).to.equal('');
      el.status = 'sending';
      await el.updateComplete;
      // The same region node announces the change.
      expect(el.shadowRoot!.querySelector('[role=status]')).to.equal(region);
      expect(el.shadowRoot!.querySelector('[part=status]')).to.not.equal(null);
    });
  });

  describe('properties', () => {
    it('says what is happening while sending and pending', async () => {
      const el = await make('sending');
      expect(text(el, '[role=status]')).to.equal('Sending request…');
      el.status = 'pending';
      await el.updateComplete;
      expect(text(el, '[role=status]')).to.equal('Booking pending, waiting for confirmation…');
      expect(buttons(el)).to.deep.equal([]);
    });

    it('renders a status value that is not one, even one named like an Object property, without breaking', async () => {
      const el = await fixture<EvStatusTracker>(html`<ev-status-tracker status="constructor"></ev-status-tracker>`);
      expect(text(el, '[role=status]')).to.equal('');
      expect(text(el, '[role=alert]')).to.equal('');
      el.status = 'pending';
      await el.updateComplete;
      expect(text(el, '[role=status]')).to.equal('Booking pending, waiting for confirmation…');
    });

    it('confirms with the detail', async () => {
      const el = await fixture<EvStatusTracker>(
        html`<ev-status-tracker status="confirmed" detail="A1, Sunday 29 March, 10:00–11:00"></ev-status-tracker>`,
      );
      await settled(el);
      expect(text(el, 'h3')).to.equal('Booking confirmed');
      expect(spoken(el)).to.equal('Booking confirmed A1, Sunday 29 March, 10:00–11:00|');
    });

    it('alerts a rejection with its reason, as text, and offers another time', async () => {
      const evil = '<img src=x onerror=alert(1)>';
      const el = await fixture<EvStatusTracker>(
        html`<ev-status-tracker status="rejected" .message=${evil}></ev-status-tracker>`,
      );
      await settled(el);
      expect(text(el, 'h3')).to.equal(`Booking rejected: ${evil}`);
      expect(text(el, '[role=alert]')).to.equal(`Booking rejected: ${evil}`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(buttons(el)).to.deep.equal(['Pick another time']);
      el.message = null;
      await settled(el);
      expect(text(el, '[role=alert]')).to.equal('Booking rejected');
    });

    it('tells the driver a timed-out request is still pending, with Check again', async () => {
      const el = await settled(await make('timeout'));
      expect(text(el, 'h3')).to.equal('Still pending. Check the driver app.');
      expect(text(el, '[role=status]')).to.equal('Still pending. Check the driver app.');
      expect(buttons(el)).to.deep.equal(['Check again']);
    });

    it('alerts an error, with Try again only when retryable', async () => {
      const el = await fixture<EvStatusTracker>(
        html`<ev-status-tracker status="error" message="The network is down."></ev-status-tracker>`,
      );
      await settled(el);
      expect(text(el, '[role=alert]')).to.equal('The network is down.');
      expect(buttons(el)).to.deep.equal([]);
      el.retryable = true;
      el.message = null;
      await settled(el);
      expect(text(el, 'h3')).to.equal('Something went wrong.');
      expect(text(el, '[role=alert]')).to.equal('Something went wrong.');
      expect(buttons(el)).to.deep.equal(['Try again']);
    });

    it('shows nothing when idle and reflects the status attribute', async () => {
      const el = await make('idle');
      expect(el.getAttribute('status')).to.equal('idle');
      expect(el.shadowRoot!.textContent!.trim()).to.equal('');
      expect(el.getBoundingClientRect().height).to.equal(0);
    });
  });

  describe('events', () => {
    it('fires ev-pick-again from a rejection', async () => {
      const el = await make('rejected');
      setTimeout(() => el.shadowRoot!.querySelector('button')!.click());
      const event = await oneEvent(el, 'ev-pick-again');
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('fires ev-retry from a timeout and from a retryable error', async () => {
      for (const status of ['timeout', 'error'] as const) {
        const el = await fixture<EvStatusTracker>(
          html`<ev-status-tracker .status=${status} retryable></ev-status-tracker>`,
        );
        let picked = 0;
        el.addEventListener('ev-pick-again', () => picked++);
        setTimeout(() => el.shadowRoot!.querySelector('button')!.click());
        const event = await oneEvent(el, 'ev-retry');
        expect(event.composed).to.equal(true);
        expect(picked).to.equal(0);
      }
    });
  });

  describe('keyboard', () => {
    it('activates the action with Enter', async () => {
      const el = await make('rejected');
      let fired = 0;
      el.addEventListener('ev-pick-again', () => fired++);
      el.shadowRoot!.querySelector('button')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(fired).to.equal(1);
    });
  });

  describe('confirmation card, pending booking and focus (issue 14)', () => {
    afterEach(() => emulateForcedColors(false));
    const booking: TrackedBooking = {
      reference: 4711,
      start: '2026-03-29T07:00:00Z',
      end: '2026-03-29T08:30:00Z',
      timeZone: 'Europe/Sofia',
      port: { label: 'Port A', connectorTypes: ['ccs2'], maxPowerW: 150000, currentType: 'dc' },
      locationName: 'Sofia Mall',
      address: 'Tsarigradsko shose 115, Sofia',
    };
    /** The card is a chunk, loaded once a booking is under way; its extras (Add to calendar, the confirm step) another, loaded once confirmed. */
    const extrasShown = (el: EvStatusTracker, selector: string): Promise<void> =>
      waitUntil(() => el.shadowRoot!.querySelector(selector), `${selector} shown`);
    const card = async (
      status: BookingStatus = 'confirmed',
      value: TrackedBooking | null = booking,
    ): Promise<EvStatusTracker> => {
      const el = await fixture<EvStatusTracker>(
        html`<ev-status-tracker locale="en-GB" .status=${status} .booking=${value}></ev-status-tracker>`,
      );
      if (value) await extrasShown(el, '.card');
      if (status === 'confirmed') await extrasShown(el, '.calendar');
      if (status === 'cancelling') await extrasShown(el, '.confirm');
      return el;
    };
    const button = (el: EvStatusTracker, name: string): HTMLButtonElement =>
      [...el.shadowRoot!.querySelectorAll('button')].find((b) => accessibleName(b) === name)!;
    const active = (el: EvStatusTracker): Element | null => el.shadowRoot!.activeElement;
    /** The card's facts as `term: value` lines. */
    const factsOf = (el: EvStatusTracker): string =>
      [...el.shadowRoot!.querySelectorAll('.facts div')]
        .map((row) => `${row.querySelector('dt')!.textContent}: ${row.querySelector('dd')!.textContent}`)
        .join('\n');

    it('is accessible in every card state, light, dark and forced colours', async function () {
      this.timeout(40000);
      const states: EvStatusTracker[] = [];
      for (const status of ['pending', 'confirmed', 'cancelling', 'cancelled'] as const)
        states.push(await card(status));
      const asking = await card();
      button(asking, 'Cancel booking').click();
      await extrasShown(asking, '.confirm');
      states.push(asking, await card('pending', { ...booking, port: null, reference: null }));
      for (const forced of [false, true]) {
        await emulateForcedColors(forced);
        for (const el of states) {
          el.removeAttribute('theme');
          await Promise.all(
            el.shadowRoot!.getAnimations().flatMap((a) => (a instanceof CSSTransition ? [a.finished] : [])),
          );
          await expect(el).to.be.accessible();
          el.setAttribute('theme', 'dark');
          // Colours fade in: check the dark ones, not a mix.
          await Promise.all(
            el.shadowRoot!.getAnimations().flatMap((a) => (a instanceof CSSTransition ? [a.finished] : [])),
          );
          await expect(el).to.be.accessible();
        }
      }
    });

    it('shows the heading, reference, date and time with the zone in plain words, port and address', async () => {
      const el = await card();
      const heading = el.shadowRoot!.querySelector('h3')!;
      expect(heading.textContent).to.equal('Booking confirmed');
      expect(factsOf(el).split('\n')).to.deep.equal([
        'Reference: 4711',
        'When: Sunday 29 March, 10:00–11:30, Sofia time (GMT+3)',
        'Port: Port A · CCS2 · 150 kW · DC',
        'Address: Sofia Mall, Tsarigradsko shose 115, Sofia',
      ]);
      expect(buttons(el)).to.deep.equal(['Cancel booking', 'Book another']);
    });

    it('writes when and which port without a word for "and" in fr, bg, ar and pt-BR (audit finding 10)', async () => {
      for (const locale of ['fr', 'bg', 'ar', 'pt-BR']) {
        const catalogue = (await loadCatalogue(language(locale))) ?? en;
        const el = await fixture<EvStatusTracker>(
          html`<ev-status-tracker
            .locale=${locale}
            .catalogue=${catalogue}
            status="pending"
            .booking=${{ ...booking, reference: null }}
          ></ev-status-tracker>`,
        );
        await waitUntil(() => el.shadowRoot!.querySelector('.facts'), 'the card');
        const [when, port] = [...el.shadowRoot!.querySelectorAll('.facts dd')].map((dd) => dd.textContent!);
        const start = Date.parse(booking.start);
        const { date, times } = formatWhen(locale, booking.timeZone, start, Date.parse(booking.end));
        const zone = zoneNameInWords(catalogue, locale, booking.timeZone, start);
        expect(when, locale).to.equal(`${date}, ${times}, ${zone}`);
        const details = port!.split(' · ');
        expect([details.length, details[0], details[3]], locale).to.deep.equal([4, 'Port A', 'DC']);
      }
    });

    it('gives an RFC 5545 .ics download named Add to calendar, and a Google Calendar link', async () => {
      const el = await card();
      const links = [...el.shadowRoot!.querySelectorAll('a')];
      const ics = links.find((a) => accessibleName(a) === 'Add to calendar')!;
      expect(ics.getAttribute('type')).to.equal('text/calendar');
      expect(ics.download).to.equal('booking-4711.ics');
      const response = await fetch(ics.href);
      expect(response.headers.get('content-type')).to.contain('text/calendar');
      const body = (await response.text()).replace(/\r\n /g, '');
      expect(body.split('\r\n').filter((l) => l === 'BEGIN:VEVENT')).to.have.length(1);
      expect(body).to.contain('DTSTART:20260329T070000Z\r\nDTEND:20260329T083000Z');
      expect(body).to.contain(`UID:booking-4711-20260329T070000Z@${location.hostname}`);
      expect(body).to.contain('SUMMARY:EV charging at Sofia Mall');
      expect(body).to.contain('LOCATION:Sofia Mall\\, Tsarigradsko shose 115\\, Sofia');
      const google = links.find((a) => accessibleName(a).startsWith('Google Calendar'))!;
      expect(new URL(google.href).searchParams.get('dates')).to.equal('20260329T070000Z/20260329T083000Z');
      expect(google.target).to.equal('_blank');
    });

    it('Escape in the cancel question keeps the booking, with the focus back on Cancel booking', async () => {
      const el = await card();
      let cancels = 0;
      el.addEventListener('ev-cancel-booking', () => cancels++);
      button(el, 'Cancel booking').click();
      await extrasShown(el, '.confirm');
      expect(active(el)).to.equal(button(el, 'Keep it'));
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.confirm') === null, 'the question is gone').to.equal(true);
      expect(active(el)).to.equal(button(el, 'Cancel booking'));
      expect(cancels).to.equal(0);
    });

    it('asks before cancelling, then sends ev-cancel-booking, keeping the focus throughout', async () => {
      const el = await card();
      let cancels = 0;
      button(el, 'Cancel booking').click();
      await extrasShown(el, '.confirm');
      expect(text(el, '.confirm')).to.contain('Cancel this booking?');
      expect(active(el)).to.equal(button(el, 'Keep it'));
      button(el, 'Keep it').click();
      await el.updateComplete;
      expect(active(el)).to.equal(button(el, 'Cancel booking'));
      button(el, 'Cancel booking').click();
      await extrasShown(el, '.confirm');
      el.addEventListener('ev-cancel-booking', () => cancels++);
      const yes = button(el, 'Yes, cancel it');
      yes.focus();
      setTimeout(() => yes.click());
      const event = await oneEvent(el, 'ev-cancel-booking');
      expect(event.detail).to.deep.equal({ reference: 4711 });
      expect(event.bubbles && event.composed).to.be.true;
      el.status = 'cancelling';
      await el.updateComplete;
      expect(active(el)).to.equal(yes);
      expect(yes.getAttribute('aria-disabled')).to.equal('true');
      yes.click();
      expect(cancels).to.equal(1);
      el.status = 'cancelled';
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('h3')!.textContent).to.equal('Booking cancelled');
      expect(active(el)).to.equal(el.shadowRoot!.querySelector('h3'));
      expect(buttons(el)).to.deep.equal(['Book another']);
    });

    it('fires ev-book-another', async () => {
      const el = await card();
      setTimeout(() => button(el, 'Book another').click());
      const event = await oneEvent(el, 'ev-book-another');
      expect(event.bubbles && event.composed).to.be.true;
    });

    it('shows the chosen booking while pending, with progress', async () => {
      const el = await card('pending', { ...booking, port: null, reference: null });
      expect(text(el, '[role=status]')).to.equal('Booking pending, waiting for confirmation…');
      expect(el.shadowRoot!.querySelector('[role=status] .spinner')).to.exist;
      const facts = factsOf(el);
      expect(facts).to.contain('When: Sunday 29 March, 10:00–11:30, Sofia time (GMT+3)');
      expect(facts).to.contain('Port: any port');
      expect(facts).not.to.contain('Reference');
    });

    it('tells an outcome once: the focus on its heading with the live regions silent, else the live regions', async () => {
      const outcomes: [BookingStatus, TrackedBooking | null, string][] = [
        ['confirmed', booking, 'Booking confirmed'],
        ['confirmed', null, 'Booking confirmed'],
        ['cancelled', booking, 'Booking cancelled'],
        ['rejected', null, 'Booking rejected: Taken'],
        ['timeout', null, 'Still pending. Check the driver app.'],
        ['error', null, 'Taken'],
      ];
      for (const [status, value, heading] of outcomes) {
        const what = `${status}${value ? ' (card)' : ''}`;
        // The host moves the focus to the outcome (the control that had it went away).
        const focused = await fixture<EvStatusTracker>(
          html`<ev-status-tracker status="pending" .booking=${value}></ev-status-tracker>`,
        );
        focused.focusOutcome();
        Object.assign(focused, { status, message: status === 'confirmed' ? null : 'Taken' });
        await settled(focused);
        // A card's heading comes with its code (a chunk), and takes the focus when it is here.
        await waitUntil(() => active(focused)?.localName === 'h3', `${what}: the focus on the heading`);
        const target = active(focused)!;
        expect(target?.localName, what).to.equal('h3');
        expect(target.getAttribute('tabindex'), what).to.equal('-1');
        expect(accessibleName(target), what).to.equal(heading);
        expect(spoken(focused), `${what}: not read twice`).to.equal('|');
        // The focus is elsewhere: the regions, which were there before, say it once.
        const elsewhere = await fixture<EvStatusTracker>(
          html`<ev-status-tracker status="pending" .booking=${value}></ev-status-tracker>`,
        );
        const regions = [...elsewhere.shadowRoot!.querySelectorAll('[role=status], [role=alert]')];
        Object.assign(elsewhere, { status, message: status === 'confirmed' ? null : 'Taken' });
        await settled(elsewhere);
        expect([...elsewhere.shadowRoot!.querySelectorAll('[role=status], [role=alert]')], what).to.deep.equal(regions);
        expect(spoken(elsewhere).replace('|', ''), what).to.equal(heading);
        expect(elsewhere.shadowRoot!.activeElement, what).to.equal(null);
      }
    });

    it('keeps the focus on Try again and Check again while the retry runs and when it fails again', async () => {
      for (const [failed, running, label] of [
        ['error', 'sending', 'Try again'],
        ['timeout', 'pending', 'Check again'],
      ] as const) {
        const el = await fixture<EvStatusTracker>(
          html`<ev-status-tracker .status=${failed} retryable></ev-status-tracker>`,
        );
        const retry = button(el, label);
        retry.focus();
        let retries = 0;
        el.addEventListener('ev-retry', () => retries++);
        retry.click();
        el.status = running;
        await el.updateComplete;
        expect(active(el), `${label} while running`).to.equal(retry);
        expect(retry.getAttribute('aria-disabled')).to.equal('true');
        retry.click();
        expect(retries).to.equal(1);
        el.status = failed;
        await el.updateComplete;
        expect(active(el), `${label} after failing again`).to.equal(retry);
        expect(retry.hasAttribute('aria-disabled')).to.be.false;
        // An outcome takes the button away: the focus goes to the outcome, not to the page.
        retry.click();
        el.status = running;
        await el.updateComplete;
        el.status = 'confirmed';
        await el.updateComplete;
        expect(active(el)?.textContent).to.contain('Booking confirmed');
        expect(document.activeElement).to.equal(el);
      }
    });
  });
});
