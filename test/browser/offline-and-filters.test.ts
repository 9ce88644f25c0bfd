/**
 * A Book pressed offline, and the port filters, as a driver meets them: the Book goes once the
 * browser is back online (as the offline alert says); filters that match no port do not leave the
 * times asking for a port; and what the filters match is said to a screen reader.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw, type RecordedRequest } from '../support/msw.js';
import {
  bookButton,
  fillBooking,
  goOffline,
  inPart,
  mount,
  mountWidget,
  offlineAlert,
  slots,
  typeEmail,
} from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The create POSTs among `requests`. */
const creates = (requests: RecordedRequest[]): RecordedRequest[] =>
  requests.filter((r) => r.method === 'POST' && (r.body as { type?: string } | undefined)?.type === 'create');

/** The first element matching `selector` in the port list. */
const inPortList = <T extends Element>(el: EvBookingWidget, selector: string): T | undefined =>
  inPart<T>(el, 'ev-port-list', selector)[0];

/** Clicks the filter chip `selector` (`input[value=ccs2]`) once the filters are shown. */
async function toggleChip(el: EvBookingWidget, selector: string): Promise<void> {
  await waitUntil(() => inPortList(el, selector), `the chip ${selector}`);
  inPortList<HTMLInputElement>(el, selector)!.click();
  await el.updateComplete;
}

/** What the port list's polite live region says. */
const filterAnnouncement = (el: EvBookingWidget): string | undefined =>
  inPortList(el, '[role=status]')?.textContent?.trim();

describe('Book while offline', () => {
  it('sends the Book once when the browser is back online, with the email the driver typed', async () => {
    const el = await mount();
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests/v1.0`);
    let requested = 0;
    el.addEventListener('ev-booking-requested', () => (requested += 1));
    const backOnline = goOffline();
    try {
      bookButton(el).click();
      await waitUntil(() => offlineAlert(el), 'the offline alert');
      await el.updateComplete;
      expect(log.requests, 'nothing sent while offline').to.have.length(0);
    } finally {
      backOnline();
    }
    window.dispatchEvent(new Event('online')); // the browser says it twice
    await waitUntil(() => requested > 0, 'the Book sent once back online');
    window.dispatchEvent(new Event('online')); // and again, later
    await oneEvent(el, 'ev-booking-confirmed');

    const sent = creates(await log.settled());
    expect(sent).to.have.length(1);
    const body = sent[0]!.body as { email: string; externalId: string };
    expect(body.email).to.equal('driver@example.com');
    expect(body.externalId).to.match(UUID_V4);
    expect(requested).to.equal(1);
    expect(offlineAlert(el)?.textContent, 'the alert goes once online').to.equal(undefined);
  });

  it('sends nothing once online when the driver changed the start meanwhile; Book then books the new one', async () => {
    const el = await mount();
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests/v1.0`);
    const backOnline = goOffline();
    const second = slots(el)[1]!;
    try {
      bookButton(el).click();
      await waitUntil(() => offlineAlert(el), 'the offline alert');
      second.click();
      await el.updateComplete;
      expect(offlineAlert(el)?.textContent, 'no promise left to keep').to.equal(undefined);
    } finally {
      backOnline();
    }
    await el.updateComplete;

    const requested = oneEvent(el, 'ev-booking-requested');
    bookButton(el).click();
    await requested;
    const sent = creates(await log.settled());
    expect(sent.map((r) => (r.body as { startAt: string }).startAt)).to.deep.equal([second.dataset.start]);
  });
});

describe('port filters', () => {
  it('filters that match no port: the times say to change the filters, not "Choose a port"', async () => {
    const el = await mount();
    await toggleChip(el, 'input[value=ccs2]'); // Port C, a DC one
    await toggleChip(el, 'input[name=current][value=ac]');
    expect(inPortList(el, '.empty')?.textContent).to.equal('No port matches these filters');
    const when = el.shadowRoot!.querySelector('.pane.when')!;
    expect(when.textContent).to.not.include('Choose a port');
    expect(when.querySelector('.note')?.textContent).to.equal('Change the filters to see times.');
    await expect(el).to.be.accessible();
  });

  it('Book with filters that match no port says to change them, sends nothing, and the message goes with a change', async () => {
    const el = await mount();
    const log = recordRequests(`${API}/resources/booking-requests/v1.0`);
    await toggleChip(el, 'input[value=ccs2]');
    await toggleChip(el, 'input[name=current][value=ac]');
    await typeEmail(el, 'driver@example.com');
    bookButton(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'the Book is answered');
    const alerts = [...el.shadowRoot!.querySelectorAll('[role=alert]')].map((alert) => alert.textContent?.trim());
    expect(alerts).to.deep.equal(['No port matches these filters. Change them to book.']);
    expect(el.shadowRoot!.textContent).to.not.include('Choose a port');
    expect(creates(await log.settled())).to.have.length(0);
    await toggleChip(el, 'input[name=current][value=all]');
    expect(el.shadowRoot!.querySelectorAll('[role=alert]')).to.have.length(0);
  });

  it('says politely how many ports the filters match, and when they match none', async () => {
    const el = await mount();
    expect(filterAnnouncement(el) ?? '', 'nothing said before a change').to.equal('');
    await toggleChip(el, 'input[value=ccs2]');
    await waitUntil(() => filterAnnouncement(el) === 'Matching ports: 1', 'one port');
    await toggleChip(el, 'input[name=current][value=ac]');
    await waitUntil(() => filterAnnouncement(el) === 'No port matches these filters', 'none');
    await toggleChip(el, 'input[name=current][value=all]');
    await toggleChip(el, 'input[value=type2]');
    await waitUntil(() => filterAnnouncement(el) === 'Matching ports: 2', 'both');
  });

  it('says it in the driver’s language', async () => {
    const el = await mountWidget('location-id="7" locale="de"');
    await toggleChip(el, 'input[value=ccs2]');
    await waitUntil(() => filterAnnouncement(el) === 'Passende Ladepunkte: 1', 'in German');
    await toggleChip(el, 'input[name=current][value=ac]');
    const when = el.shadowRoot!.querySelector('.pane.when')!;
    expect(when.textContent).to.not.include('Ladepunkt wählen');
    expect(when.querySelector('.note')?.textContent).to.equal('Filter ändern, um Zeiten zu sehen.');
  });
});
