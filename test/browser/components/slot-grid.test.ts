import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode, sendKeys } from '@web/test-runner-commands';
import '../../../src/components/slot-grid/slot-grid.js';
import type { EvSlotGrid, SlotDay } from '../../../src/components/slot-grid/slot-grid.js';

import { accessibleName } from '../../support/a11y.js';
import { emulateForcedColors } from '../../support/forced-colors.js';
import { afterEach, describe, it } from '../../support/mocha.js';

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
  {
    date: '2026-03-31',
    starts: ['2026-03-31T05:00:00Z', '2026-03-31T06:00:00Z', '2026-03-31T12:00:00Z', '2026-03-31T16:00:00Z'],
  },
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
const times = (el: EvSlotGrid): HTMLButtonElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=radio]'),
];
const tabs = (el: EvSlotGrid): HTMLButtonElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[role=tab]'),
];
const focused = (el: EvSlotGrid): Element | null => el.shadowRoot!.activeElement;
const heading = (el: EvSlotGrid): string => el.shadowRoot!.querySelector('h3')?.textContent?.trim() ?? '';
const text = (el: Element): string => el.textContent!.replace(/\s+/g, ' ').trim();

describe('<ev-slot-grid>', () => {
  afterEach(() => emulateForcedColors(false));

  describe('accessibility', () => {
    /** Every state: times, a full day, loading, disabled, no days, dark. */
    async function states(): Promise<EvSlotGrid[]> {
      const full = await make(null);
      tabs(full)[2]!.click();
      await full.updateComplete;
      expect(full.shadowRoot!.textContent).to.contain('No free times');
      return [
        await make(),
        full,
        await fixture<EvSlotGrid>(html`<ev-slot-grid loading></ev-slot-grid>`),
        await fixture<EvSlotGrid>(html`<ev-slot-grid disabled .days=${days}></ev-slot-grid>`),
        await fixture<EvSlotGrid>(html`<ev-slot-grid></ev-slot-grid>`),
        await fixture<EvSlotGrid>(
          html`<ev-slot-grid theme="dark" .days=${days} selected="2026-03-28T06:00:00Z"></ev-slot-grid>`,
        ),
      ];
    }

    it('is accessible in every state', async function () {
      this.timeout(30000);
      for (const el of await states()) await expect(el).to.be.accessible();
    });

    it('is accessible in every state in forced colours', async function () {
      this.timeout(30000);
      await emulateForcedColors(true);
      for (const el of await states()) await expect(el).to.be.accessible();
    });

    it('is accessible in every state in dark forced colours', async function () {
      this.timeout(30000);
      await emulateForcedColors(true, 'dark');
      for (const el of await states()) await expect(el).to.be.accessible();
    });

    it('has a tab per day named with its weekday, date and free starts or Full', async () => {
      const el = await make();
      expect(el.shadowRoot!.querySelector('[role=tablist]')).to.exist;
      expect(tabs(el).map(accessibleName)).to.deep.equal([
        'Saturday 28 March, 2 free',
        'Sunday 29 March, 7 free',
        'Monday 30 March, Full',
        'Tuesday 31 March, 4 free',
      ]);
      expect(text(tabs(el)[0]!))
        .to.contain('Sat')
        .and.contain('28 Mar')
        .and.contain('2 free');
      expect(tabs(el).map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['false', 'true', 'false', 'false']);
      const panel = el.shadowRoot!.querySelector('[role=tabpanel]')!;
      expect(tabs(el)[1]!.getAttribute('aria-controls')).to.equal(panel.id);
      expect(accessibleName(panel)).to.contain('Sunday 29 March');
    });

    it("has the tabs named in the browser's own accessibility tree with the words apart", async () => {
      await make();
      interface AxNode {
        role: string;
        name: string;
        children: AxNode[];
      }
      const tree = (await a11ySnapshot({})) as unknown as AxNode;
      const names: string[] = [];
      findAccessibilityNode<AxNode>(tree, (node) => {
        if (node.role === 'tab') names.push(node.name);
        return false;
      });
      // What a screen reader reads: Chromium's computed name, not only axe's.
      expect(names).to.deep.equal([
        'Saturday 28 March, 2 free',
        'Sunday 29 March, 7 free',
        'Monday 30 March, Full',
        'Tuesday 31 March, 4 free',
      ]);
    });

    it('names each time by its start, then the zone in plain words, the date and the duration', async () => {
      const el = await make();
      const names = slots(el).map(accessibleName);
      expect(names[0]).to.equal('10:00 Sofia time (GMT+3), Sunday 29 March, 60 minutes');
      expect(names.every((name) => /^\d\d:\d\d Sofia time \(GMT\+3\), Sunday 29 March, 60 minutes$/.test(name))).to.be
        .true;
    });

    it('is a radio group per part of day, the selected time checked (not pressed)', async () => {
      const el = await make();
      expect(slots(el).every((b) => b.getAttribute('role') === 'radio' && !b.hasAttribute('aria-pressed'))).to.be.true;
      expect(slots(el).map((b) => b.getAttribute('aria-checked'))).to.deep.equal([
        'false',
        'true',
        'false',
        'false',
        'false',
        'false',
        'false',
      ]);
      const groups = [...el.shadowRoot!.querySelectorAll('[role=radiogroup]')];
      expect(groups.map(accessibleName)).to.deep.equal(['Sunday 29 March Morning', 'Sunday 29 March Afternoon']);
    });

    it('says how the arrow keys work, visibly, and ties it to the times', async () => {
      const el = await make();
      const hint = el.shadowRoot!.querySelector<HTMLElement>('#hint')!;
      expect(hint.textContent).to.contain('Arrow keys');
      expect(hint.getBoundingClientRect().height).to.be.greaterThan(0);
      const group = el.shadowRoot!.querySelector('[role=radiogroup]')!;
      expect(group.getAttribute('aria-describedby')).to.equal('hint');
    });

    it('marks the chosen time by more than bold in forced colours', async () => {
      await emulateForcedColors(true);
      const el = await make();
      const [, chosen, other] = slots(el);
      expect(getComputedStyle(chosen!).outlineStyle).to.equal('solid');
      expect(getComputedStyle(other!).outlineStyle).to.equal('none');
      expect(parseFloat(getComputedStyle(chosen!).borderTopWidth)).to.be.greaterThan(
        parseFloat(getComputedStyle(other!).borderTopWidth),
      );
      expect(getComputedStyle(chosen!, '::before').content).to.contain('✓');
    });
  });

  describe('properties', () => {
    it('renders starts in the location time zone, across the DST change', async () => {
      const el = await make();
      expect(slots(el)[0]!.dataset['start']).to.equal('2026-03-29T07:00:00Z');
      expect(slots(el)[0]!.textContent!.trim()).to.equal('10:00');
      tabs(el)[0]!.click();
      await el.updateComplete;
      // The day before, Sofia is UTC+2.
      expect(slots(el)[0]!.textContent!.trim()).to.equal('08:00');
      expect(accessibleName(slots(el)[0]!)).to.contain('Sofia time (GMT+2)');
    });

    it('shows the day of the selected start, its heading and the time zone in plain words', async () => {
      const el = await make();
      expect(heading(el)).to.equal('Sunday 29 March');
      expect(el.shadowRoot!.textContent).to.contain('Times are Sofia time (GMT+3)');
      el.timeZoneLabel = 'Times are Eastern European Time';
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Times are Eastern European Time');
    });

    it('groups the day by part of day and keeps taken starts in their place, disabled', async () => {
      const el = await make(null);
      tabs(el)[3]!.click();
      await el.updateComplete;
      const parts = [...el.shadowRoot!.querySelectorAll('h4')].map((h) => h.textContent);
      expect(parts).to.deep.equal(['Morning', 'Afternoon', 'Evening']);
      // 08:00 and 09:00 free (step 30: 08:30 taken), …, 15:00, 19:00.
      const all = times(el);
      expect(all.map((b) => b.textContent!.trim()).slice(0, 3)).to.deep.equal(['08:00', '08:30', '09:00']);
      const taken = all[1]!;
      expect(taken.disabled).to.be.true;
      expect(taken.hasAttribute('data-start')).to.be.false;
      expect(accessibleName(taken)).to.equal('08:30, taken');
      expect(slots(el).map((b) => b.dataset['start'])).to.deep.equal(days[3]!.starts);
    });

    it('opens on the first day with times without a selection', async () => {
      const el = await make(null);
      expect(heading(el)).to.equal('Saturday 28 March');
    });

    it('shows no checked time when the selected start is no longer offered', async () => {
      const el = await make();
      el.days = [{ date: '2026-03-29', starts: ['2026-03-29T07:00:00Z'] }];
      await el.updateComplete;
      expect(slots(el).some((b) => b.getAttribute('aria-checked') === 'true')).to.be.false;
    });

    it('keeps the day on screen when the days are reloaded', async () => {
      const el = await make(null);
      tabs(el)[3]!.click();
      await el.updateComplete;
      el.days = days.map((d) => ({ ...d }));
      await el.updateComplete;
      expect(heading(el)).to.equal('Tuesday 31 March');
    });

    it('uses the locale and the duration in the names', async () => {
      const el = await fixture<EvSlotGrid>(
        html`<ev-slot-grid locale="en-US" time-zone="America/New_York" duration="90" .days=${[
          { date: '2026-03-02', starts: ['2026-03-02T17:30:00Z'] },
        ]}></ev-slot-grid>`,
      );
      expect(accessibleName(slots(el)[0]!)).to.equal('12:30 PM New York time (GMT-5), Monday, March 2, 90 minutes');
    });

    it('disables the times when disabled, and shows placeholders when loading', async () => {
      const el = await fixture<EvSlotGrid>(html`<ev-slot-grid disabled .days=${days}></ev-slot-grid>`);
      expect(slots(el).every((b) => b.disabled)).to.be.true;
      // Looking at another day stays possible while a booking is on its way.
      expect(tabs(el).some((b) => b.disabled)).to.be.false;
      const loading = await fixture<EvSlotGrid>(html`<ev-slot-grid loading></ev-slot-grid>`);
      expect(loading.shadowRoot!.querySelectorAll('.skeleton').length).to.be.greaterThan(0);
    });

    it('announces loading and its end once, in a polite region there before its text, outside aria-busy', async () => {
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = Object.assign(document.createElement('ev-slot-grid'), {
        locale: 'en-GB',
        timeZone: 'Europe/Sofia',
        loading: true,
      });
      container.append(el);
      expect(await el.updateComplete, 'the text comes in an update of its own').to.be.false;
      const region = el.shadowRoot!.querySelector('[role=status]')!;
      expect(region.getAttribute('aria-live')).to.equal('polite');
      expect(text(region), 'the region is there before its text').to.equal('');
      const said: string[] = [];
      new MutationObserver(() => said.push(text(region))).observe(region, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      while (!(await el.updateComplete));
      expect(text(region)).to.equal('Loading start times…');
      for (let node: Node | null = region; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null)
        expect((node as Element).getAttribute?.('aria-busy'), 'no busy ancestor silences it').not.to.equal('true');
      Object.assign(el, { days, loading: false });
      while (!(await el.updateComplete));
      expect(el.shadowRoot!.querySelector('[role=status]')).to.equal(region);
      expect(text(region)).to.equal('Start times shown: Saturday 28 March, 2 free.');
      // Changing the day or reloading the same days says nothing more.
      tabs(el)[1]!.click();
      el.days = [...days];
      while (!(await el.updateComplete));
      expect(said.filter(Boolean)).to.deep.equal([
        'Loading start times…',
        'Start times shown: Saturday 28 March, 2 free.',
      ]);
    });
  });

  describe('layout', () => {
    const usDays: SlotDay[] = [
      {
        date: '2026-03-02',
        starts: ['2026-03-02T15:30:00Z', '2026-03-02T16:00:00Z', '2026-03-02T16:30:00Z', '2026-03-02T17:30:00Z'],
      },
    ];
    /** Every time button holds its text: nothing spills out of its box. */
    function expectNoSpill(el: EvSlotGrid): void {
      for (const button of times(el)) {
        expect(button.scrollWidth, button.textContent!).to.be.at.most(button.clientWidth + 1);
        expect(button.scrollHeight, button.textContent!).to.be.at.most(button.clientHeight + 1);
      }
    }

    it('fits a selected 12-hour time in its column', async () => {
      const el = await fixture<EvSlotGrid>(
        html`<div style="width: 320px"><ev-slot-grid locale="en-US" time-zone="America/New_York"
          .days=${usDays} selected="2026-03-02T17:30:00Z"></ev-slot-grid></div>`,
      ).then((div) => div.querySelector('ev-slot-grid')!);
      expectNoSpill(el);
    });

    it('keeps times inside their buttons under the WCAG 1.4.12 text-spacing override', async () => {
      const el = await fixture<EvSlotGrid>(
        html`<div style="width: 320px"><ev-slot-grid locale="en-US" time-zone="America/New_York"
          .days=${usDays} selected="2026-03-02T17:30:00Z"></ev-slot-grid></div>`,
      ).then((div) => div.querySelector('ev-slot-grid')!);
      const spacing = new CSSStyleSheet();
      spacing.replaceSync(
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
      );
      el.shadowRoot!.adoptedStyleSheets = [...el.shadowRoot!.adoptedStyleSheets, spacing];
      expectNoSpill(el);
      const [a, b] = times(el).map((t) => t.getBoundingClientRect());
      expect(a!.right <= b!.left || a!.bottom <= b!.top, 'buttons overlap').to.be.true;
    });
  });

  describe('narrow screens', () => {
    it('scrolls the day strip inside itself: days out of view never widen the page', async () => {
      const many: SlotDay[] = Array.from({ length: 28 }, (_, i) => {
        const date = new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10);
        return { date, starts: [`${date}T08:00:00Z`] };
      });
      const wrap = await fixture<HTMLDivElement>(
        html`<div style="width: 300px; overflow: hidden"><ev-slot-grid locale="en-GB" .days=${many}></ev-slot-grid></div>`,
      );
      const grid = wrap.querySelector('ev-slot-grid')!;
      const strip = grid.shadowRoot!.querySelector<HTMLElement>('[role=tablist]')!;
      expect(strip.scrollWidth).to.be.greaterThan(strip.clientWidth);
      expect(wrap.scrollWidth, 'nothing sticks out of the widget').to.be.at.most(300);
    });

    const many: SlotDay[] = Array.from({ length: 14 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 2, 1 + i)).toISOString().slice(0, 10);
      return { date, starts: [`${date}T08:00:00Z`] };
    });
    /** A grid 300 px wide in `dir`, its strip and its two chevrons. */
    async function narrow(dir: 'ltr' | 'rtl', days: SlotDay[] = many) {
      const wrap = await fixture<HTMLDivElement>(
        html`<div dir=${dir} style="width: 300px"><ev-slot-grid locale=${dir === 'rtl' ? 'ar' : 'en-GB'} .days=${days}></ev-slot-grid></div>`,
      );
      const grid = wrap.querySelector('ev-slot-grid')!;
      await grid.updateComplete;
      const root = grid.shadowRoot!;
      return {
        grid,
        strip: root.querySelector<HTMLElement>('.strip')!,
        before: root.querySelector<HTMLElement>('.scroll.before')!,
        after: root.querySelector<HTMLElement>('.scroll.after')!,
      };
    }
    const shown = (el: HTMLElement): boolean => getComputedStyle(el).visibility === 'visible';

    it('shows that more days lie past an edge of the strip: a fade and a chevron there, which scrolls to them', async () => {
      const { grid, strip, before, after } = await narrow('ltr');
      await waitUntil(() => shown(after), 'a cue at the end');
      expect(shown(before), 'nothing hidden before the first day').to.be.false;
      expect(getComputedStyle(after).backgroundImage).to.contain('gradient');
      after.click();
      await waitUntil(() => strip.scrollLeft > 100, 'the chevron scrolls toward the end');
      await waitUntil(() => shown(before), 'a cue at the start once scrolled');
      strip.scrollLeft = strip.scrollWidth;
      await waitUntil(() => !shown(after), 'no cue at the end once there');
      // All the days fit: no cue at all.
      const few = await narrow('ltr', many.slice(0, 2));
      await few.grid.updateComplete;
      expect([shown(few.before), shown(few.after)]).to.deep.equal([false, false]);
      await expect(grid).to.be.accessible();
    });

    it('points its chevrons outward, to the hidden days, also right to left (ar)', async () => {
      for (const dir of ['ltr', 'rtl'] as const) {
        const { strip, before, after } = await narrow(dir);
        await waitUntil(() => shown(after), `${dir}: a cue at the end`);
        expect(shown(before), `${dir}: nothing hidden at the start`).to.be.false;
        strip.scrollLeft = dir === 'rtl' ? -120 : 120;
        await waitUntil(() => shown(before) && shown(after), `${dir}: both cues`);
        const middle = strip.getBoundingClientRect().left + strip.clientWidth / 2;
        for (const chevron of [before, after]) {
          const box = chevron.getBoundingClientRect();
          const side = box.left + box.width / 2 < middle ? 'left' : 'right';
          // '‹' points left and '›' right, unless mirrored (scaleX(-1)).
          const mirrored = new DOMMatrix(getComputedStyle(chevron).transform).a < 0;
          const points = (chevron.textContent!.trim() === '‹') !== mirrored ? 'left' : 'right';
          expect(points, `${dir} ${chevron.className}: points to its own side`).to.equal(side);
        }
        expect(before.getBoundingClientRect().left > after.getBoundingClientRect().left, dir).to.equal(dir === 'rtl');
      }
    });
  });

  describe('events', () => {
    it('fires ev-slot-select with the start on click and checks it', async () => {
      const el = await make(null);
      setTimeout(() => slots(el)[1]!.click());
      const event = await oneEvent(el, 'ev-slot-select');
      expect(event.detail).to.deep.equal({ start: '2026-03-28T06:30:00Z' });
      expect(event.bubbles && event.composed).to.be.true;
      await el.updateComplete;
      expect(slots(el)[1]!.getAttribute('aria-checked')).to.equal('true');
    });

    it('does not fire when disabled or when changing days', async () => {
      const el = await fixture<EvSlotGrid>(html`<ev-slot-grid disabled .days=${days}></ev-slot-grid>`);
      let fired = 0;
      el.addEventListener('ev-slot-select', () => fired++);
      slots(el)[0]!.click();
      el.disabled = false;
      await el.updateComplete;
      tabs(el)[1]!.click();
      await el.updateComplete;
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('has one tab stop among the times, on the selected one', async () => {
      const el = await make();
      expect(slots(el).filter((b) => b.tabIndex === 0)).to.deep.equal([slots(el)[1]]);
      el.focus();
      expect(focused(el)).to.equal(slots(el)[1]);
    });

    it('moves and chooses with the arrow keys, by a row with Up/Down, to the ends with Home/End', async () => {
      const el = await make(null);
      tabs(el)[1]!.click();
      await el.updateComplete;
      el.focus();
      const chosen: string[] = [];
      el.addEventListener('ev-slot-select', (e) => chosen.push(e.detail.start.slice(11, 16)));
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(slots(el)[1]);
      // Morning's second row holds 11:30 alone; the row below it is the afternoon's first.
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(slots(el)[3]);
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(slots(el)[4]);
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)).to.equal(slots(el)[3]);
      await sendKeys({ press: 'End' });
      expect(focused(el)).to.equal(slots(el)[6]);
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(slots(el)[6]);
      await sendKeys({ press: 'Home' });
      expect(focused(el)).to.equal(slots(el)[0]);
      expect(chosen).to.deep.equal(['07:30', '08:30', '09:00', '08:30', '10:00', '07:00']);
      expect(slots(el)[0]!.getAttribute('aria-checked')).to.equal('true');
      expect(slots(el).filter((b) => b.tabIndex === 0)).to.deep.equal([slots(el)[0]]);
    });

    it('skips taken starts and moves across parts of day', async () => {
      const el = await make(null);
      tabs(el)[3]!.click();
      await el.updateComplete;
      el.focus();
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal(slots(el)[1]);
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(slots(el)[2]);
    });

    it('selects with Enter and Space', async () => {
      const el = await make(null);
      el.focus();
      const seen: string[] = [];
      el.addEventListener('ev-slot-select', (e) => seen.push(e.detail.start));
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'ArrowRight' });
      await sendKeys({ press: 'Space' });
      expect(seen).to.deep.equal(['2026-03-28T06:00:00Z', '2026-03-28T06:30:00Z', '2026-03-28T06:30:00Z']);
    });

    it('changes day with PageUp/PageDown, keeping focus on the times', async () => {
      const el = await make();
      el.focus();
      await sendKeys({ press: 'PageDown' });
      expect(heading(el)).to.equal('Monday 30 March');
      // A full day: the focus waits on its tab.
      expect(focused(el)).to.equal(tabs(el)[2]);
      await sendKeys({ press: 'ArrowRight' });
      expect(heading(el)).to.equal('Tuesday 31 March');
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(slots(el)[0]);
      await sendKeys({ press: 'PageUp' });
      await el.updateComplete;
      expect(heading(el)).to.equal('Monday 30 March');
    });

    it('goes on changing day with PageDown/PageUp from the tab a full day left the focus on', async () => {
      const el = await make();
      el.focus();
      await sendKeys({ press: 'PageDown' });
      expect(focused(el)).to.equal(tabs(el)[2]);
      await sendKeys({ press: 'PageDown' });
      await el.updateComplete;
      expect(heading(el)).to.equal('Tuesday 31 March');
      expect(focused(el), "on the next day's times").to.equal(slots(el)[0]);
      await sendKeys({ press: 'PageUp' });
      await sendKeys({ press: 'PageUp' });
      await el.updateComplete;
      expect(heading(el)).to.equal('Sunday 29 March');
    });

    it('moves between days with the arrow keys on the strip, Home and End', async () => {
      const el = await make();
      tabs(el)[1]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(heading(el)).to.equal('Saturday 28 March');
      expect(focused(el)).to.equal(tabs(el)[0]);
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(tabs(el)[0]);
      await sendKeys({ press: 'End' });
      expect(heading(el)).to.equal('Tuesday 31 March');
      expect(tabs(el).filter((t) => t.tabIndex === 0)).to.deep.equal([tabs(el)[3]]);
    });

    it('swaps Left and Right in right-to-left text', async () => {
      const el = await fixture<EvSlotGrid>(
        html`<div dir="rtl"><ev-slot-grid locale="ar" time-zone="Europe/Sofia" .days=${days}></ev-slot-grid></div>`,
      ).then((div) => div.querySelector('ev-slot-grid')!);
      el.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(slots(el)[1]);
      tabs(el)[0]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal(tabs(el)[1]);
    });
  });
});
