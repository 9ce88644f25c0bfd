/**
 * Accessibility, keyboard, languages and time zones of the whole widget, driven through msw
 * fixtures (SPEC §2, §6, §7): axe in every state in light, dark and forced colours, a booking made with the
 * keyboard alone, locales (texts, formats, localized names, right to left) and the zone shown.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse, type HttpHandler } from 'msw';
import '../../src/index.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import type { SlotDay } from '../../src/components/slot-grid/slot-grid.js';
import { direction, en, formatTime } from '../../src/i18n/index.js';
import { zoneInWords, zoneNameInWords } from '../../src/i18n/zone.js';
import { zoneOffsetLabel } from '../../src/booking/zone.js';
import { API, createAmpecoFixture, firstSlotStart } from '../support/ampeco-fixture.js';
import { emulateForcedColors } from '../support/forced-colors.js';
import { afterEach, beforeEach, describe, it, useMsw, worker } from '../support/msw.js';
import { chooseFirstSlot, inPart, mountWidget, radios, slots, submitEmail } from '../support/widget-driver.js';

useMsw();
/** Opens the responses held by `holdResponses()`. */
let release: (() => void) | undefined;
afterEach(() => {
  release?.();
  release = undefined;
  sessionStorage.clear();
});

const partText = (el: EvBookingWidget, tag: string): string =>
  (el.shadowRoot!.querySelector(tag)?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');
const heading = (el: EvBookingWidget): string => el.shadowRoot!.querySelector('h2')?.textContent?.trim() ?? '';

/** The focused element, through open shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Presses Tab until `test` holds for the focused element (at most `max` times). */
async function tabTo(test: (active: Element) => boolean, what: string, max = 20): Promise<Element> {
  for (let i = 0; i < max; i += 1) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (active && test(active)) return active;
  }
  throw new Error(`Tab never reached ${what}; focus is on ${deepActive()?.outerHTML.slice(0, 120)}`);
}

/** A gate that holds every API response until it is opened (for the loading state). */
function holdResponses(): HttpHandler {
  const gate = new Promise<void>((resolve) => (release = resolve));
  // Returning nothing falls through to the fixture's handler.
  return http.all(`${API}/*`, async () => {
    await gate;
  });
}

/** Waits for running CSS transitions (a button fading to its selected colours is not its contrast). */
async function transitionsDone(root: DocumentOrShadowRoot & ParentNode = document): Promise<void> {
  const inner = [...root.querySelectorAll('*')].flatMap((e) => (e.shadowRoot ? [transitionsDone(e.shadowRoot)] : []));
  const own = root
    .getAnimations()
    .filter((a) => a instanceof CSSTransition)
    .map((a) =>
      a.finished.then(
        () => undefined,
        () => undefined,
      ),
    );
  await Promise.all([...own, ...inner]);
}

interface State {
  name: string;
  /** Brings the widget `el` (or a new one) into the state, and returns it. */
  reach(theme: string): Promise<EvBookingWidget>;
}

const STATES: State[] = [
  {
    name: 'ports',
    reach: (theme) => mountWidget(`location-id="7" locale="en-GB" theme="${theme}"`),
  },
  {
    name: 'slots (port and start chosen)',
    async reach(theme) {
      const el = await mountWidget(`location-id="7" locale="en-GB" theme="${theme}"`);
      await chooseFirstSlot(el);
      return el;
    },
  },
  {
    name: 'email error (invalid email submitted)',
    async reach(theme) {
      const el = await mountWidget(`location-id="7" locale="en-GB" theme="${theme}"`);
      await chooseFirstSlot(el);
      await submitEmail(el, 'not-an-email');
      await waitUntil(() => partText(el, 'ev-email-form').includes('Enter a valid email'));
      return el;
    },
  },
  {
    name: 'no driver account (sign-up link)',
    async reach(theme) {
      const el = await mountWidget(
        `location-id="7" locale="en-GB" theme="${theme}" signup-url="https://example.com/app"`,
      );
      await chooseFirstSlot(el);
      await submitEmail(el, 'nobody@example.com');
      await waitUntil(() => partText(el, 'ev-email-form').includes('No account with this email'));
      return el;
    },
  },
  {
    name: 'pending',
    async reach(theme) {
      const el = await mountWidget(`location-id="7" locale="en-GB" theme="${theme}"`, { pendingPolls: 1000 });
      await chooseFirstSlot(el);
      await submitEmail(el, 'driver@example.com');
      await waitUntil(() => partText(el, 'ev-status-tracker').includes('waiting for confirmation'), 'pending', {
        timeout: 4000,
      });
      return el;
    },
  },
  {
    name: 'confirmed',
    async reach(theme) {
      const el = await mountWidget(`location-id="7" locale="en-GB" theme="${theme}"`);
      await chooseFirstSlot(el);
      await submitEmail(el, 'driver@example.com');
      await waitUntil(() => partText(el, 'ev-status-tracker').includes('Booking confirmed'), 'confirmed', {
        timeout: 6000,
      });
      return el;
    },
  },
  {
    name: 'rejected',
    async reach(theme) {
      const el = await mountWidget(`location-id="7" locale="en-GB" theme="${theme}"`, { outcome: 'rejected' });
      await chooseFirstSlot(el);
      await submitEmail(el, 'driver@example.com');
      await waitUntil(() => partText(el, 'ev-status-tracker').includes('The slot was taken'), 'rejected', {
        timeout: 6000,
      });
      return el;
    },
  },
  {
    name: 'error: unknown location (404)',
    async reach(theme) {
      const el = await mountWidget(`location-id="999" locale="en-GB" theme="${theme}"`, {}, { ready: false });
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert] button') !== null, 'error shown');
      return el;
    },
  },
  {
    name: 'error: the service answers 500',
    async reach(theme) {
      const fail = http.all(`${API}/*`, () =>
        HttpResponse.json({ message: 'Server Error' }, { status: 500, headers: { 'Retry-After': '0' } }),
      );
      const el = await mountWidget(
        `location-id="7" locale="en-GB" theme="${theme}"`,
        {},
        { ready: false, before: [fail] },
      );
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert] button') !== null, 'error shown', {
        timeout: 5000,
      });
      return el;
    },
  },
  {
    name: 'error: missing location-id (config)',
    async reach(theme) {
      const el = await mountWidget(`locale="en-GB" theme="${theme}"`, {}, { ready: false });
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]') !== null, 'config error shown');
      return el;
    },
  },
];

/** The three ways a page shows the widget that axe checks: its light and dark themes, and forced colours. */
const MODES = [
  { name: 'light theme', theme: 'light', forcedColors: false },
  { name: 'dark theme', theme: 'dark', forcedColors: false },
  { name: 'forced colours (Windows High Contrast)', theme: 'auto', forcedColors: true },
] as const;

describe('<ev-booking-widget> accessibility', () => {
  for (const mode of MODES) {
    describe(`axe, ${mode.name}`, () => {
      if (mode.forcedColors) {
        beforeEach(() => emulateForcedColors(true));
        afterEach(() => emulateForcedColors(false));
      }
      for (const state of STATES) {
        it(`has no violations: ${state.name}`, async () => {
          const el = await state.reach(mode.theme);
          await transitionsDone();
          await expect(el).to.be.accessible();
        });
      }
    });
  }

  describe('loading', () => {
    for (const theme of ['light', 'dark']) {
      it(`while the API has not answered, the widget has no violations (${theme})`, async () => {
        const el = await mountWidget(
          `location-id="7" locale="en-GB" theme="${theme}"`,
          {},
          { ready: false, before: [holdResponses()] },
        );
        await el.updateComplete;
        await expect(el).to.be.accessible();
        for (const tag of ['ev-port-list', 'ev-slot-grid', 'ev-status-tracker']) {
          const part = el.shadowRoot!.querySelector(tag)!;
          await (part as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
          await expect(part, tag).to.be.accessible();
        }
        // The email form's code (the booking parts' chunk) comes once the first start times are shown.
        expect(el.shadowRoot!.querySelector('ev-email-form'), 'no email form before the start times').to.equal(null);
        expect(partText(el, 'ev-port-list')).to.contain('Loading ports');
      });
    }

    it('says that the start times load, and when they are shown, in one polite region outside aria-busy', async () => {
      const el = await mountWidget('location-id="7" locale="en-GB"', {}, { ready: false, before: [holdResponses()] });
      // The first render waits for a painted frame after the bundle's evaluation.
      await waitUntil(() => el.shadowRoot!.querySelector('ev-slot-grid'), 'the slot grid rendered');
      const grid = el.shadowRoot!.querySelector('ev-slot-grid')!;
      const region = (): Element => grid.shadowRoot!.querySelector('[role=status]')!;
      await waitUntil(() => region()?.textContent === 'Loading start times…', 'loading said');
      const said = region();
      for (let node: Node | null = said; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null)
        expect((node as Element).getAttribute?.('aria-busy'), 'no busy ancestor silences it').not.to.equal('true');
      const regions = (): Element[] =>
        [el.shadowRoot!, ...[...el.shadowRoot!.querySelectorAll('*')].flatMap((e) => e.shadowRoot ?? [])].flatMap(
          (root) => [...root.querySelectorAll('[role=status], [aria-live]')],
        );
      expect(
        regions().filter((r) => r.textContent!.includes('Loading')),
        'said once',
      ).to.deep.equal([said]);
      release!();
      await waitUntil(() => said.textContent!.startsWith('Start times shown: '), 'the end said', { timeout: 5000 });
      const day = grid.shadowRoot!.querySelector('[role=tab][aria-selected=true] .vh')!.textContent!.slice(0, -1);
      expect(said.textContent).to.match(new RegExp(`^Start times shown: ${day}, (\\d+ free|Full)\\.$`));
      expect(region(), 'the same region').to.equal(said);
    });
  });

  describe('keyboard only', () => {
    it('books with Tab, arrows, Space/Enter and typing: port, duration pills, day strip, start, email, Book', async () => {
      const el = await mountWidget('location-id="7" locale="en-GB"');
      const confirmed = new Promise((resolve) => el.addEventListener('ev-booking-confirmed', resolve, { once: true }));
      // Port: Tab into the radio group, move to Port C with the arrows, back to Port A.
      const first = await tabTo((a) => a.matches('input[name=port]'), 'a port', 30);
      // v2: "Any available port" comes first and is chosen; Port A is one arrow away.
      expect(first).to.equal(radios(el)[0]);
      expect(radios(el)[0]!.checked).to.be.true;
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(deepActive()).to.equal(radios(el)[1]);
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(deepActive()).to.equal(radios(el)[3]);
      expect(radios(el)[3]!.checked, 'arrows select a radio').to.be.true;
      await sendKeys({ press: 'ArrowUp' }); // skips Port B, which is out of order
      await el.updateComplete;
      expect(radios(el)[1]!.checked).to.be.true;
      // Duration: the pills' radio group, 60 minutes → 90 minutes with an arrow.
      const pill = await tabTo((a) => a.matches('input[name=duration]'), 'the duration');
      expect((pill as HTMLInputElement).value).to.equal('60');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect((deepActive() as HTMLInputElement).value).to.equal('90');
      expect((deepActive() as HTMLInputElement).checked, 'arrows choose a duration').to.be.true;
      // Day: Tab to the day strip's selected tab; the next day with an arrow, and back.
      await waitUntil(() => slots(el).length > 1, 'slots offered');
      const firstDay = await tabTo((a) => a.matches('[role=tab]'), 'the day strip');
      expect(firstDay.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      const secondDay = deepActive()!;
      expect(secondDay, 'the next day').not.to.equal(firstDay);
      expect(secondDay.getAttribute('aria-selected')).to.equal('true');
      await sendKeys({ press: 'ArrowLeft' });
      await el.updateComplete;
      expect(deepActive(), 'back to the first day').to.equal(firstDay);
      expect(firstDay.getAttribute('aria-selected')).to.equal('true');
      // Start: Tab to the day's single tab stop, move right, press Space.
      await waitUntil(() => slots(el).length > 1, "the day's starts");
      const slot = await tabTo((a) => a.matches('button[data-start]'), 'a start time');
      expect(slot).to.equal(slots(el)[0]);
      await sendKeys({ press: 'ArrowRight' });
      expect(deepActive()).to.equal(slots(el)[1]);
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(slots(el)[1]!.getAttribute('aria-checked')).to.equal('true');
      // The email, then Book.
      await tabTo((a) => a.matches('input[type=email]'), 'the email field');
      await sendKeys({ type: 'driver@example.com' });
      const book = await tabTo((a) => a.matches('button[type=submit]'), 'Book');
      expect(book.textContent).to.contain('Book');
      await sendKeys({ press: 'Enter' });
      await confirmed;
      await waitUntil(() => partText(el, 'ev-status-tracker').includes('Booking confirmed'));
      // The form went away with the Book button in it: focus lands on the outcome's heading, not
      // the page nor an unnamed block, and the live regions do not say it again (audit finding 9).
      await waitUntil(() => deepActive()?.localName === 'h3', 'focus on the outcome heading');
      expect(deepActive()!.textContent).to.equal('Booking confirmed');
      const tracker = el.shadowRoot!.querySelector('ev-status-tracker')!;
      await tracker.updateComplete;
      const regions = tracker.shadowRoot!.querySelectorAll('[role=status], [role=alert]');
      expect([...regions].map((region) => region.textContent!.trim()).join('')).to.equal('');
    });

    it('Left and Right swap in a right-to-left slot grid', async () => {
      const days: SlotDay[] = [
        { date: '2026-03-29', starts: ['2026-03-29T07:00:00Z', '2026-03-29T07:30:00Z', '2026-03-29T08:00:00Z'] },
      ];
      const wrap = await fixture<HTMLDivElement>(
        html`<div dir="rtl"><ev-slot-grid locale="ar" time-zone="Europe/Sofia" .days=${days}></ev-slot-grid></div>`,
      );
      const grid = wrap.querySelector('ev-slot-grid')!;
      await grid.updateComplete;
      const buttons = [...grid.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[data-start]')];
      buttons[0]!.focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(grid.shadowRoot!.activeElement, 'Left moves forward in RTL').to.equal(buttons[1]);
      await sendKeys({ press: 'ArrowRight' });
      expect(grid.shadowRoot!.activeElement, 'Right moves back in RTL').to.equal(buttons[0]);
      // The first time is on the right of the second.
      expect(buttons[0]!.getBoundingClientRect().left).to.be.greaterThan(buttons[1]!.getBoundingClientRect().left);
      await transitionsDone(grid.shadowRoot!);
      await expect(wrap).to.be.accessible();
    });
  });

  describe('languages', () => {
    it('locale="de" shows German texts and German date formats', async () => {
      const el = await mountWidget('location-id="7" locale="de"');
      expect(partText(el, 'ev-port-list')).to.contain('Ladepunkt');
      expect(partText(el, 'ev-duration-picker')).to.contain('Dauer');
      const picker = el.shadowRoot!.querySelector('ev-duration-picker')!.shadowRoot!;
      expect(picker.querySelector('label:has(:checked)')?.textContent?.trim()).to.equal('60 Minuten');
      radios(el)[0]!.click();
      await waitUntil(() => slots(el).length > 0);
      const start = Date.parse(slots(el)[0]!.dataset['start']!);
      const day = new Intl.DateTimeFormat('de', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        timeZone: 'Europe/Sofia',
      }).format(start);
      expect(day).to.match(/^\p{L}+, \d{1,2}\. \p{L}+$/u); // „Donnerstag, 26. November“
      expect(inPart(el, 'ev-slot-grid', 'h3')[0]?.textContent).to.equal(day);
      expect(partText(el, 'ev-slot-grid')).to.contain('Zeiten in Ortszeit Sofia (GMT+');
      expect(slots(el)[0]!.getAttribute('aria-label')).to.equal(
        `${formatTime('de', 'Europe/Sofia', new Date(start))} Ortszeit Sofia (${zoneOffsetLabel('de', 'Europe/Sofia', start)}), ${day}, 60 Minuten`,
      );
      await el.updateComplete; // the email form's code and the German booking texts come once the times are shown
      expect(partText(el, 'ev-email-form')).to.contain('E-Mail');
      expect(partText(el, 'ev-email-form')).to.contain('Buchen');
      await expect(el).to.be.accessible();
    });

    it('knows which locales are written right to left', () => {
      for (const l of ['ar', 'ar-EG', 'he-IL', 'fa', 'ur', 'az-Arab']) expect(direction(l), l).to.equal('rtl');
      for (const l of ['en', 'de-AT', 'bg', 'arn', 'es-419']) expect(direction(l), l).to.equal('ltr');
    });

    it('every language has its own texts for the widget (fr, es, bg, ar)', async () => {
      const expected: Record<string, string> = {
        fr: 'Point de charge',
        es: 'Punto de carga',
        bg: 'Зарядна точка',
        ar: 'نقطة الشحن',
      };
      for (const [locale, group] of Object.entries(expected)) {
        const el = await mountWidget(`location-id="7" locale="${locale}"`);
        expect(partText(el, 'ev-port-list'), locale).to.contain(group);
        el.remove();
      }
    });

    it('locale="ar" lays the parts out right to left, even on a left-to-right page', async () => {
      worker.use(...createAmpecoFixture());
      const container = await fixture<HTMLDivElement>(html`<div dir="ltr"></div>`);
      container.innerHTML = `<ev-booking-widget location-id="7" locale="ar"></ev-booking-widget>`;
      const el = container.querySelector('ev-booking-widget')!;
      await waitUntil(() => radios(el).length > 0, 'ports never rendered', { timeout: 5000 });
      expect(partText(el, 'ev-port-list')).to.contain('نقطة الشحن');
      const base = el.shadowRoot!.querySelector('[part=base]')!;
      expect(base.getAttribute('dir')).to.equal('rtl');
      expect(base.getAttribute('lang')).to.equal('ar');
      expect(getComputedStyle(base).direction).to.equal('rtl');
      const grid = el.shadowRoot!.querySelector('ev-slot-grid')!;
      expect(getComputedStyle(grid).direction).to.equal('rtl');
      // Start-aligned text is on the right: the legend ends at the list's right edge.
      const list = inPart<HTMLElement>(el, 'ev-port-list', 'fieldset')[0]!.getBoundingClientRect();
      const legend = inPart<HTMLElement>(el, 'ev-port-list', 'legend')[0]!.getBoundingClientRect();
      expect(Math.abs(legend.right - list.right)).to.be.lessThan(2);
      await expect(el).to.be.accessible();
    });

    it('the location name follows the locale (bg), with English as the fallback (fr)', async () => {
      const bg = await mountWidget('location-id="7" locale="bg"');
      await waitUntil(() => heading(bg) !== '');
      expect(heading(bg)).to.equal('Гараж Тех Парк');
      expect(bg.shadowRoot!.querySelector('h2')!.hasAttribute('lang'), 'in the language of the texts').to.be.false;
      const fr = await mountWidget('location-id="7" locale="fr-FR"');
      await waitUntil(
        () => heading(fr) !== '' && fr.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang') === 'fr-FR',
      );
      expect(heading(fr)).to.equal('Tech Park Garage');
      // English under a French widget says so (audit finding 6).
      expect(fr.shadowRoot!.querySelector('h2')!.lang).to.match(/^en\b/);
    });

    it('the page lang is the default locale', async () => {
      worker.use(...createAmpecoFixture());
      const container = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
      container.innerHTML = `<ev-booking-widget location-id="7"></ev-booking-widget>`;
      const el = container.querySelector('ev-booking-widget')!;
      await waitUntil(() => radios(el).length > 0);
      expect(partText(el, 'ev-port-list')).to.contain('Punto de carga');
    });
  });

  describe('a page lang without a region (audit finding 11)', () => {
    afterEach(() => {
      delete (navigator as { languages?: unknown }).languages;
    });
    /** Mounts the widget under `<div lang=…>`, the browser's languages being `languages`. */
    async function firstTime(lang: string, languages: string[]): Promise<[string, Date]> {
      Object.defineProperty(navigator, 'languages', { value: languages, configurable: true });
      worker.use(...createAmpecoFixture());
      const container = await fixture<HTMLDivElement>(html`<div lang=${lang}></div>`);
      container.innerHTML = `<ev-booking-widget location-id="7"></ev-booking-widget>`;
      const el = container.querySelector('ev-booking-widget')!;
      await waitUntil(() => slots(el).length > 0, 'start times shown', { timeout: 5000 });
      return [slots(el)[0]!.textContent!.trim(), new Date(slots(el)[0]!.dataset['start']!)];
    }

    it('lang="en" in an en-GB browser: British formats', async () => {
      const [shown, start] = await firstTime('en', ['en-GB', 'en']);
      expect(shown).to.equal(formatTime('en-GB', 'Europe/Sofia', start));
      expect(shown).not.to.match(/AM|PM/);
    });

    it('lang="en" in a German browser, and lang="en-US" in an en-GB browser: the page decides', async () => {
      const [german, start] = await firstTime('en', ['de-DE', 'en']);
      expect(german).to.equal(formatTime('en', 'Europe/Sofia', start));
      expect(german).to.match(/AM|PM/);
      const [american] = await firstTime('en-US', ['en-GB']);
      expect(american).to.equal(formatTime('en-US', 'Europe/Sofia', start));
    });
  });

  describe('time zones', () => {
    it("shows times in the location's zone, named", async () => {
      const el = await mountWidget('location-id="7" locale="en-GB"');
      radios(el)[0]!.click();
      await waitUntil(() => slots(el).length > 0);
      expect(partText(el, 'ev-slot-grid')).to.contain('Times are Sofia time (GMT+');
      const start = firstSlotStart();
      expect(slots(el)[0]!.dataset['start']).to.equal(new Date(start).toISOString().replace('.000Z', 'Z'));
      expect(slots(el)[0]!.textContent!.trim()).to.equal(formatTime('en-GB', 'Europe/Sofia', new Date(start)));
      const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const note = el.shadowRoot!.querySelector('.note')?.textContent ?? '';
      if (own !== 'Europe/Sofia')
        expect(note).to.contain(`Your own time zone is ${zoneNameInWords(en, 'en-GB', own)}.`);
    });

    it('a zone with an underscore is shown with a space', async () => {
      const el = await mountWidget('location-id="7" locale="en-US"', { location: { timezone: 'America/New_York' } });
      radios(el)[0]!.click();
      await waitUntil(() => slots(el).length > 0);
      expect(partText(el, 'ev-slot-grid')).to.contain('Times are New York time (GMT-');
      const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const note = el.shadowRoot!.querySelector('.note')?.textContent ?? '';
      // The driver's own zone is written the same way as the location's.
      if (own !== 'America/New_York')
        expect(note).to.contain(`Your own time zone is ${zoneNameInWords(en, 'en-US', own)}.`);
      const start = Date.parse(slots(el)[0]!.dataset['start']!);
      expect(slots(el)[0]!.textContent!.trim()).to.equal(formatTime('en-US', 'America/New_York', new Date(start)));
    });

    it("timezone null: the browser's zone", async () => {
      const el = await mountWidget('location-id="8" locale="en-GB"');
      await waitUntil(() => heading(el) === 'Harbour Hotel');
      radios(el)[0]!.click();
      await waitUntil(() => slots(el).length > 0);
      const own = Intl.DateTimeFormat().resolvedOptions().timeZone;
      expect(partText(el, 'ev-slot-grid')).to.contain(
        zoneInWords(en, 'en', own, Date.parse(slots(el)[0]!.dataset['start']!)),
      );
      const start = Date.parse(slots(el)[0]!.dataset['start']!);
      expect(slots(el)[0]!.textContent!.trim()).to.equal(formatTime('en-GB', own, new Date(start)));
      expect(el.shadowRoot!.querySelector('.note'), 'no "your own zone" note').to.equal(null);
    });
  });
});
