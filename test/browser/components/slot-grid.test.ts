import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/slot-grid/slot-grid.js';
import type { EvSlotGrid, SlotDay } from '../../../src/components/slot-grid/slot-grid.js';

import { accessibleName } from '../../support/a11y.js';
import { describe, it } from '../../support/mocha.js';

/** Europe/Sofia: UTC+2 until 2026-03-29 01:00Z, UTC+3 after (DST). */
const days: SlotDay[] = [
  { date: '2026-03-28', starts: ['2026-03-28T06:00:00Z', '2026-03-28T06:30:00Z'] },
  {
    date: '2026-03-29',
    starts: [
      '2026-03-29T07:00:00Z',
      '2026-03-29T07:30:00Z',
      '2026-03-29T08:00:00Z',
      '2026-03-29T08:30:00Z',
      '2026-03-29T09:00:00Z',
      '2026-03-29T09:30:00Z',
      '2026-03-29T10:00:00Z',
    ],
  },
  { date: '2026-03-30', starts: [] },
  { date: '2026-03-31', starts: ['2026-03-31T12:00:00Z'] },
];

async function make(selected: string | null = '2026-03-29T07:30:00Z', list: SlotDay[] = days): Promise<EvSlotGrid> {
  return fixture<EvSlotGrid>(
    html`<ev-slot-grid
      style="--ev-slot-grid-columns: 3"
      locale="en-GB"
      time-zone="Europe/Sofia"
      .days=${list}
      .selected=${selected}
    ></ev-slot-grid>`,
  );
}

const slots = (el: EvSlotGrid): HTMLButtonElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-start]'),
];
const navButton = (el: EvSlotGrid, name: string): HTMLButtonElement =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=nav-button]')].find((b) => accessibleName(b) === name)!;
const focused = (el: EvSlotGrid): Element | null => el.shadowRoot!.activeElement;
const heading = (el: EvSlotGrid): string => el.shadowRoot!.querySelector('h3')?.textContent?.trim() ?? '';

describe('<ev-slot-grid>', () => {
  describe('accessibility', () => {
    it('is accessible with times', async () => {
      await expect(await make()).to.be.accessible();
    });

    it('is accessible on an empty day, loading, disabled, with no days and dark', async () => {
      const empty = await make(null);
      navButton(empty, 'Next day').click();
      await empty.updateComplete;
      navButton(empty, 'Next day').click();
      await empty.updateComplete;
      expect(empty.shadowRoot!.textContent).to.contain('No free times');
      await expect(empty).to.be.accessible();
      for (const el of [
        await fixture<EvSlotGrid>(html`<ev-slot-grid loading></ev-slot-grid>`),
        await fixture<EvSlotGrid>(html`<ev-slot-grid disabled .days=${days}></ev-slot-grid>`),
        await fixture<EvSlotGrid>(html`<ev-slot-grid></ev-slot-grid>`),
        await fixture<EvSlotGrid>(
          html`<ev-slot-grid theme="dark" .days=${days} selected="2026-03-28T06:00:00Z"></ev-slot-grid>`,
        ),
      ]) {
        await expect(el).to.be.accessible();
      }
    });

    it('names each time by its start, then the date and the duration', async () => {
      const el = await make();
      const names = slots(el).map(accessibleName);
      expect(names[0]).to.equal('10:00, Sunday 29 March, 60 minutes');
      expect(names.every((name) => /^\d\d:\d\d, Sunday 29 March, 60 minutes$/.test(name))).to.equal(true);
    });

    it('marks the selected time as pressed', async () => {
      const el = await make();
      expect(slots(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal([
        'false',
        'true',
        'false',
        'false',
        'false',
        'false',
        'false',
      ]);
    });
  });

  describe('properties', () => {
    it('renders starts in the location time zone, across the DST change', async () => {
      const el = await make();
      expect(slots(el)[0]!.dataset['start']).to.equal('2026-03-29T07:00:00Z');
      expect(slots(el)[0]!.textContent!.trim()).to.equal('10:00');
      navButton(el, 'Previous day').click();
      await el.updateComplete;
      // The day before, Sofia is UTC+2.
      expect(slots(el)[0]!.textContent!.trim()).to.equal('08:00');
    });

    it('shows the day of the selected start, its heading and the time zone', async () => {
      const el = await make();
      expect(heading(el)).to.equal('Sunday 29 March');
      expect(el.shadowRoot!.textContent).to.contain('Times in Europe/Sofia');
      el.timeZoneLabel = 'Eastern European Time';
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Times in Eastern European Time');
    });

    it('starts on the first day without a selection, and disables Previous day there', async () => {
      const el = await make(null);
      expect(heading(el)).to.equal('Saturday 28 March');
      expect(navButton(el, 'Previous day').disabled).to.equal(true);
      expect(navButton(el, 'Next day').disabled).to.equal(false);
    });

    it('moves between days with Previous day / Next day and disables Next day at the end', async () => {
      const el = await make(null);
      for (const expected of ['Sunday 29 March', 'Monday 30 March', 'Tuesday 31 March']) {
        navButton(el, 'Next day').click();
        await el.updateComplete;
        expect(heading(el)).to.equal(expected);
      }
      expect(navButton(el, 'Next day').disabled).to.equal(true);
      navButton(el, 'Previous day').click();
      await el.updateComplete;
      expect(heading(el)).to.equal('Monday 30 March');
      expect(el.shadowRoot!.textContent).to.contain('No free times');
      expect(slots(el)).to.have.length(0);
    });

    it('shows no pressed time when the selected start is no longer offered', async () => {
      const el = await make();
      el.days = days.map((d) => ({ ...d, starts: d.starts.filter((s) => s !== '2026-03-29T07:30:00Z') }));
      await el.updateComplete;
      expect(heading(el)).to.equal('Sunday 29 March');
      expect(slots(el).some((b) => b.getAttribute('aria-pressed') === 'true')).to.equal(false);
    });

    it('keeps the day on screen when the days are reloaded', async () => {
      const el = await make(null);
      navButton(el, 'Next day').click();
      await el.updateComplete;
      navButton(el, 'Next day').click();
      await el.updateComplete;
      el.days = [...days];
      await el.updateComplete;
      expect(heading(el)).to.equal('Monday 30 March');
    });

    it('uses the locale and the duration in the names', async () => {
      const el = await fixture<EvSlotGrid>(
        html`<ev-slot-grid locale="en-US" time-zone="America/New_York" duration="90" .days=${days}></ev-slot-grid>`,
      );
      expect(accessibleName(slots(el)[0]!)).to.match(/^2:00\sAM, Saturday, March 28, 90 minutes$/);
      expect(el.shadowRoot!.textContent).to.contain('Times in America/New York');
    });

    it('disables the times when disabled, and shows placeholders when loading', async () => {
      const el = await make();
      el.disabled = true;
      await el.updateComplete;
      expect(slots(el).every((b) => b.disabled)).to.equal(true);
      el.loading = true;
      await el.updateComplete;
      expect(slots(el)).to.have.length(0);
      expect(el.shadowRoot!.querySelectorAll('.skel').length).to.be.greaterThan(0);
      expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.contain('Loading');
    });
  });

  describe('events', () => {
    it('fires ev-slot-select with the start on click and presses it', async () => {
      const el = await make();
      setTimeout(() => slots(el)[3]!.click());
      const event = await oneEvent(el, 'ev-slot-select');
      expect(event.detail).to.deep.equal({ start: '2026-03-29T08:30:00Z' });
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(slots(el)[3]!.getAttribute('aria-pressed')).to.equal('true');
    });

    it('does not fire when disabled or when changing days', async () => {
      const el = await make();
      let fired = 0;
      el.addEventListener('ev-slot-select', () => fired++);
      navButton(el, 'Next day').click();
      await el.updateComplete;
      el.disabled = true;
      await el.updateComplete;
      navButton(el, 'Previous day').click();
      slots(el)[0]?.click();
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('has one tab stop among the times, on the selected one', async () => {
      const el = await make();
      expect(slots(el).filter((b) => b.tabIndex === 0)).to.deep.equal([slots(el)[1]]);
      navButton(el, 'Previous day').focus();
      await sendKeys({ press: 'Tab' }); // Next day
      await sendKeys({ press: 'Tab' }); // the time grid
      expect(focused(el)).to.equal(slots(el)[1]);
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(null);
    });

    it('a click on the start already selected brings the tab stop back to it', async () => {
      const el = await make();
      slots(el)[1]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(slots(el).filter((b) => b.tabIndex === 0)).to.deep.equal([slots(el)[2]]);
      slots(el)[1]!.click();
      await el.updateComplete;
      expect(slots(el).filter((b) => b.tabIndex === 0)).to.deep.equal([slots(el)[1]]);
    });

    it('moves with the arrow keys, by a row with Up/Down, and to the ends with Home/End', async () => {
      const el = await make();
      slots(el)[1]!.focus();
      const at = (): number => slots(el).indexOf(focused(el) as HTMLButtonElement);
      await sendKeys({ press: 'ArrowRight' });
      expect(at()).to.equal(2);
      await sendKeys({ press: 'ArrowLeft' });
      await sendKeys({ press: 'ArrowLeft' });
      expect(at()).to.equal(0);
      await sendKeys({ press: 'ArrowLeft' });
      expect(at()).to.equal(0);
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal(3);
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal(6);
      await sendKeys({ press: 'ArrowDown' });
      expect(at()).to.equal(6);
      await sendKeys({ press: 'ArrowUp' });
      expect(at()).to.equal(3);
      await sendKeys({ press: 'Home' });
      expect(at()).to.equal(0);
      await sendKeys({ press: 'End' });
      expect(at()).to.equal(6);
      await el.updateComplete;
      expect(slots(el).filter((b) => b.tabIndex === 0)).to.deep.equal([slots(el)[6]]);
    });

    it('selects with Enter and Space', async () => {
      const el = await make();
      const seen: string[] = [];
      el.addEventListener('ev-slot-select', (e) => seen.push(e.detail.start));
      slots(el)[1]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      expect(seen).to.deep.equal(['2026-03-29T08:00:00Z', '2026-03-29T08:30:00Z']);
    });

    it('changes day with PageUp/PageDown and keeps focus in the grid', async () => {
      const el = await make();
      slots(el)[1]!.focus();
      await sendKeys({ press: 'PageUp' });
      await el.updateComplete;
      expect(heading(el)).to.equal('Saturday 28 March');
      expect((focused(el) as HTMLElement).dataset['start']).to.equal('2026-03-28T06:00:00Z');
      await sendKeys({ press: 'PageUp' });
      expect(heading(el)).to.equal('Saturday 28 March');
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      expect(heading(el)).to.equal('Sunday 29 March');
      // Back on the selected start's day, the tab stop is the selected start.
      expect((focused(el) as HTMLElement).dataset['start']).to.equal('2026-03-29T07:30:00Z');
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      // A day without times: focus goes to the day navigation instead of being lost.
      expect(heading(el)).to.equal('Monday 30 March');
      expect(focused(el)?.getAttribute('part')).to.equal('nav-button');
    });

    it('keeps focus on a day button that becomes disabled by moving it to the other one', async () => {
      const el = await make('2026-03-31T12:00:00Z');
      // Go back one day, then forward again to the last day.
      navButton(el, 'Previous day').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      navButton(el, 'Next day').focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await el.updateComplete;
      expect(heading(el)).to.equal('Tuesday 31 March');
      expect(focused(el)).to.equal(navButton(el, 'Previous day'));
    });

    it('swaps Left and Right in right-to-left text', async () => {
      const el = await make();
      el.dir = 'rtl';
      slots(el)[1]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(slots(el)[2]);
    });
  });
});
