/**
 * What a driver met in a hands-on probe of the demo (keyboard only, and with a screen reader's
 * view of the accessibility tree): each test is one finding, seen as the driver sees it.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { a11ySnapshot, findAccessibilityNode } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { API, EVSES, firstSlotStart } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, useMsw } from '../support/msw.js';
import {
  bookButton,
  fillBooking,
  goOffline,
  inPart,
  iso,
  mount,
  mountWidget,
  offlineAlert,
  slots,
  typeEmail,
} from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Every port is free for two hours from the first start, and again two days later. */
const twoDays = http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, () => {
  const from = firstSlotStart();
  const windows = [0, 2 * DAY].map((offset) => ({ startAt: iso(from + offset), endAt: iso(from + offset + 2 * HOUR) }));
  return HttpResponse.json({ data: [1001, 1002].map((evseId) => ({ evseId, availableSlots: windows })) });
});

interface AxNode {
  role: string;
  name: string;
  description?: string;
  children: AxNode[];
}

/** The accessible description of the first node of `role` named `name` in Chromium's own tree: what a screen reader reads. */
async function describedAs(role: string, name: string): Promise<string | undefined> {
  const tree = (await a11ySnapshot({})) as unknown as AxNode;
  return findAccessibilityNode<AxNode>(tree, (node) => node.role === role && node.name === name)?.description;
}

/** The element that has the focus, through the shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

const grid = (el: HTMLElement): ShadowRoot => el.shadowRoot!.querySelector('ev-slot-grid')!.shadowRoot!;
const selectedTab = (el: HTMLElement): string | undefined =>
  grid(el).querySelector('[role=tab][aria-selected=true]')?.id;

describe('driver probe', () => {
  it('a rejected start leaves the driver on its day: Pick another time offers that day’s other times', async () => {
    const el = await mount({ outcome: 'rejected', rejectionReason: 'Overlap' }, '', { before: [twoDays] });
    await waitUntil(() => slots(el).length > 0, 'the first times');
    const later = iso(firstSlotStart() + 2 * DAY);
    // The day of the later window: the tab whose panel holds its start.
    for (const tab of grid(el).querySelectorAll<HTMLElement>('[role=tab]')) {
      tab.click();
      await el.updateComplete;
      if (slots(el).some((slot) => slot.dataset.start === later)) break;
    }
    const day = selectedTab(el);
    expect(day, 'the later day is another tab').to.not.equal(grid(el).querySelector('[role=tab]')!.id);
    slots(el)
      .find((slot) => slot.dataset.start === later)!
      .click();
    await typeEmail(el, 'driver@example.com');
    const rejected = oneEvent(el, 'ev-booking-rejected');
    bookButton(el).click();
    await rejected;
    await waitUntil(() => inPart(el, 'ev-status-tracker', 'button').length > 0, 'Pick another time');
    inPart<HTMLButtonElement>(el, 'ev-status-tracker', 'button')[0]!.click();
    await waitUntil(() => slots(el).length > 0, 'the times again');
    expect(selectedTab(el), 'the day the driver chose').to.equal(day);
    expect(slots(el).map((slot) => slot.dataset.start)).to.include(later);
  });

  it('reads "No account" and the sign-up link as two sentences, not "email.Sign up"', async () => {
    await fixture(html`<ev-email-form not-found signup-url="https://example.com/app"></ev-email-form>`);
    expect(await describedAs('textbox', 'Email')).to.equal(
      'No account with this email. Sign up in the driver app (new tab)',
    );
  });

  it('the focus goes to "Booking confirmed" when the booking goes through on its own once back online', async () => {
    let offline = false;
    const polls = http.get(`${API}/resources/booking-requests/v1.0/:id`, () =>
      offline ? HttpResponse.error() : undefined,
    );
    const el = await mount({}, '', { before: [polls] });
    await fillBooking(el, 'driver@example.com');
    const requested = oneEvent(el, 'ev-booking-requested');
    bookButton(el).focus();
    bookButton(el).click();
    await requested;
    offline = true;
    await waitUntil(() => deepActive()?.textContent?.includes("Can't reach the booking service"), 'the failure', {
      timeout: 9000,
    });
    window.dispatchEvent(new Event('offline'));
    offline = false;
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    window.dispatchEvent(new Event('online'));
    await confirmed;
    await waitUntil(() => deepActive()?.textContent === 'Booking confirmed', 'the focus on the confirmation', {
      timeout: 4000,
    });
  });

  it('tells a German driver in a whole sentence how "any port" works', async () => {
    await mountWidget('location-id="7" locale="de"');
    // It read "Wir wählen einen passenden freien" ("We pick a fitting free"), the noun missing.
    expect(await describedAs('radio', 'Beliebiger freier Ladepunkt')).to.equal(
      'Wir wählen einen freien Ladepunkt, der passt',
    );
  });

  it('Book pressed while offline says so again: the offline alert is new, so it is read out', async () => {
    const el = await mount();
    await fillBooking(el, 'driver@example.com');
    const requested = oneEvent(el, 'ev-booking-requested');
    const backOnline = goOffline();
    try {
      await waitUntil(() => offlineAlert(el), 'the offline notice');
      const first = offlineAlert(el);
      bookButton(el).click();
      await waitUntil(() => offlineAlert(el) && offlineAlert(el) !== first, 'a new alert for the Book pressed');
    } finally {
      backOnline();
    }
    // Back online, the Book goes, as the alert said it would.
    await requested;
  });

  it('keeps the port cards inside the list on a phone with text at 200 %', async () => {
    const unavailable = http.get(`${API}/resources/charge-points/v2.0/101/evses`, () =>
      HttpResponse.json({
        data: [{ ...EVSES[101]![0], status: 'unavailable' }, EVSES[101]![1]],
        links: { next: null },
      }),
    );
    const el = await mount({}, '', { before: [unavailable] });
    // The browser's text size at 200 %: the root's font, which the widget's rem sizes follow.
    document.documentElement.style.fontSize = '200%';
    el.parentElement!.style.width = '311px'; // on a 375 px phone, within the page's margins
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('ev-port-list')!;
    const { right } = list.getBoundingClientRect();
    const cards = [...list.shadowRoot!.querySelectorAll<HTMLElement>('.port')];
    expect(cards.length).to.be.greaterThan(1);
    // A word that cannot break ("Unavailable") made its card wider than the list, over the widget's edge.
    expect(cards.map((card) => Math.round(card.getBoundingClientRect().right - right))).to.satisfy((overs: number[]) =>
      overs.every((over) => over <= 0),
    );
    document.documentElement.style.fontSize = '';
  });

  it('says the filters match no port when a connector and a current do not go together', async () => {
    const el = await mount();
    const list = el.shadowRoot!.querySelector('ev-port-list')!;
    const input = (selector: string): HTMLInputElement => list.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
    await waitUntil(() => list.shadowRoot!.querySelector('input[value=ccs2]'), 'the connector chips');
    input('input[value=ccs2]').click(); // CCS2 ports exist: Port C, a DC one
    await list.updateComplete;
    input('input[name=current][value=ac]').click();
    await list.updateComplete;
    // It said "No port has this connector", which is not so: the two filters together match none.
    expect(list.shadowRoot!.querySelector('.empty')?.textContent).to.equal('No port matches these filters');
  });
});
