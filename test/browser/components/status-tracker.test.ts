import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/status-tracker/status-tracker.js';
import type { BookingStatus, EvStatusTracker } from '../../../src/components/status-tracker/status-tracker.js';

import { accessibleName } from '../../support/a11y.js';
import { describe, it } from '../../support/mocha.js';

const make = (status: BookingStatus = 'idle'): Promise<EvStatusTracker> =>
  fixture<EvStatusTracker>(html`<ev-status-tracker .status=${status}></ev-status-tracker>`);
const text = (el: EvStatusTracker, selector: string): string =>
  el.shadowRoot!.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const buttons = (el: EvStatusTracker): string[] =>
  [...el.shadowRoot!.querySelectorAll('button')].map((b) => accessibleName(b));

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
      expect(text(el, '[role=status]')).to.equal('Waiting for confirmation…');
      expect(buttons(el)).to.deep.equal([]);
    });

    it('renders a status value that is not one, even one named like an Object property, without breaking', async () => {
      const el = await fixture<EvStatusTracker>(html`<ev-status-tracker status="constructor"></ev-status-tracker>`);
      expect(text(el, '[role=status]')).to.equal('');
      expect(text(el, '[role=alert]')).to.equal('');
      el.status = 'pending';
      await el.updateComplete;
      expect(text(el, '[role=status]')).to.equal('Waiting for confirmation…');
    });

    it('confirms with the detail', async () => {
      const el = await fixture<EvStatusTracker>(
        html`<ev-status-tracker status="confirmed" detail="A1, Sunday 29 March, 10:00–11:00"></ev-status-tracker>`,
      );
      expect(text(el, '[role=status]')).to.equal('Booking confirmed A1, Sunday 29 March, 10:00–11:00');
      expect(text(el, '[role=alert]')).to.equal('');
    });

    it('alerts a rejection with its reason, as text, and offers another time', async () => {
      const evil = '<img src=x onerror=alert(1)>';
      const el = await fixture<EvStatusTracker>(
        html`<ev-status-tracker status="rejected" .message=${evil}></ev-status-tracker>`,
      );
      expect(text(el, '[role=alert]')).to.equal(`Booking rejected: ${evil}`);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(buttons(el)).to.deep.equal(['Pick another time']);
      el.message = null;
      await el.updateComplete;
      expect(text(el, '[role=alert]')).to.equal('Booking rejected');
    });

    it('tells the driver a timed-out request is still pending, with Check again', async () => {
      const el = await make('timeout');
      expect(text(el, '[role=status]')).to.equal('Still pending. Check the driver app.');
      expect(buttons(el)).to.deep.equal(['Check again']);
    });

    it('alerts an error, with Try again only when retryable', async () => {
      const el = await fixture<EvStatusTracker>(
        html`<ev-status-tracker status="error" message="The network is down."></ev-status-tracker>`,
      );
      expect(text(el, '[role=alert]')).to.equal('The network is down.');
      expect(buttons(el)).to.deep.equal([]);
      el.retryable = true;
      el.message = null;
      await el.updateComplete;
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
});
