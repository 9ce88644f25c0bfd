/**
 * The widget on the v2 booking gateway (SPEC §4 v2, §9): the capability that opens the driver's own
 * request and booking, a reload that resumes with it, the cancel flow, and the portal's token.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, capabilityOf, createAmpecoFixture } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw, worker } from '../support/msw.js';
import { bookButton, fillBooking, mount, path, radios, statusText } from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const PENDING_KEY = 'ev-booking-widget:pending:/api/ampeco:7';

/** A button of the confirmation card (inside the status tracker) whose text contains `text`. */
const button = (el: EvBookingWidget, text: string): HTMLButtonElement | undefined =>
  [...(el.shadowRoot!.querySelector('ev-status-tracker')?.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (candidate) => candidate.textContent?.includes(text),
  );

/** The tracker's update after a click in it. */
const trackerUpdated = (el: EvBookingWidget): Promise<boolean> =>
  el.shadowRoot!.querySelector('ev-status-tracker')!.updateComplete;

async function bookToConfirmation(el: EvBookingWidget): Promise<void> {
  await fillBooking(el, 'driver@example.com');
  const confirmed = oneEvent(el, 'ev-booking-confirmed');
  bookButton(el).click();
  await confirmed;
  await el.updateComplete;
}

/** A widget whose booking request stays pending, and what it kept of it in sessionStorage. */
async function bookAndKeepPending(): Promise<{
  first: EvBookingWidget;
  kept: { capability: string; request: Record<string, unknown> };
}> {
  const first = await mount({ pendingPolls: 1000 });
  await fillBooking(first, 'driver@example.com');
  const requested = oneEvent(first, 'ev-booking-requested');
  bookButton(first).click();
  await requested;
  return { first, kept: JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') };
}

describe('the v2 booking gateway', () => {
  it('sends the capability on every poll and on the booking read, and never on the create', async () => {
    const el = await mount({ pendingPolls: 2 });
    const log = recordRequests(`${API}/resources/`);
    await bookToConfirmation(el);
    const sent = await log.settled();
    log.stop();
    const capabilities = sent.map((r) => [r.method, path(r), r.headers['x-booking-capability']]);
    expect(capabilities).to.deep.equal([
      ['POST', '/resources/booking-requests/v1.0', undefined],
      ['GET', '/resources/booking-requests/v1.0/555', capabilityOf(555)],
      ['GET', '/resources/booking-requests/v1.0/555', capabilityOf(555)],
      ['GET', '/resources/booking-requests/v1.0/555', capabilityOf(555)],
      ['GET', '/resources/bookings/v1.0/900?include[]=bookedEvses', capabilityOf(555)],
    ]);
  });

  it('keeps the pending request with its capability, and a reload resumes it with that capability', async () => {
    const { first, kept } = await bookAndKeepPending();
    expect(kept).to.deep.include({ capability: capabilityOf(555) });
    expect(kept.request).to.include({ id: 555, status: 'pending' });
    first.remove();

    // The page again: a new widget on the same location finds the request and follows it.
    worker.use(...createAmpecoFixture({ existingRequest: kept.request }));
    const log = recordRequests(`${API}/resources/booking-requests/v1.0/555`);
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget');
    el.setAttribute('location-id', '7');
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    container.append(el);
    expect((await confirmed).detail.bookingRequest).to.include({ id: 555, status: 'approved' });
    const polls = await log.settled();
    log.stop();
    expect(polls.length).to.be.greaterThan(0);
    expect(polls.every((r) => r.headers['x-booking-capability'] === capabilityOf(555))).to.be.true;
    expect(sessionStorage.getItem(PENDING_KEY), 'forgotten once decided').to.equal(null);
  });

  it('two widgets of one location on the reloaded page: one of them follows the kept request, not both', async () => {
    const { first, kept } = await bookAndKeepPending();
    first.remove();

    worker.use(...createAmpecoFixture({ existingRequest: kept.request }));
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML =
      '<ev-booking-widget location-id="7"></ev-booking-widget><ev-booking-widget location-id="7"></ev-booking-widget>';
    const confirmations: EventTarget[] = [];
    container.addEventListener('ev-booking-confirmed', (event) => confirmations.push(event.target!));
    await waitUntil(() => confirmations.length > 0, 'the kept request followed', { timeout: 8000 });
    // Each read what was kept once its start times were shown, long before the request was decided.
    const widgets = [...container.querySelectorAll<EvBookingWidget>('ev-booking-widget')];
    const following = widgets.filter((el) => /Booking confirmed|waiting for confirmation/.test(statusText(el)));
    expect(following, 'one widget follows the booking').to.have.length(1);
    expect(confirmations).to.have.length(1);
  });

  it('a kept request from before v2 (a bare id) is ignored, not read without a capability', async () => {
    sessionStorage.setItem(PENDING_KEY, '555');
    const log = recordRequests(`${API}/resources/booking-requests`);
    await mount();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    log.stop();
    expect(log.requests).to.have.length(0);
  });

  it('cancels a confirmed booking after asking, with the capabilities of §4 step 8, and fires ev-booking-cancelled', async () => {
    const el = await mount();
    await bookToConfirmation(el);
    const log = recordRequests(`${API}/resources/`);

    // Asked first; "Keep booking" keeps it and sends nothing.
    button(el, 'Cancel booking')!.click();
    // The confirm step is in the card's extras, a chunk loaded once confirmed.
    await waitUntil(() => statusText(el).includes('Cancel this booking?'), 'asked to confirm');
    button(el, 'Keep it')!.click();
    await trackerUpdated(el);
    expect(log.requests).to.have.length(0);
    expect(statusText(el)).to.contain('Booking confirmed');

    expect(statusText(el)).not.to.contain('Cancel this booking?');
    button(el, 'Cancel booking')!.click();
    await waitUntil(() => button(el, 'Yes, cancel'), 'asked again');
    const cancelled = oneEvent(el, 'ev-booking-cancelled');
    button(el, 'Yes, cancel')!.click();
    const { detail } = await cancelled;
    expect(detail.booking).to.include({ id: 900, status: 'cancelled' });
    await waitUntil(() => statusText(el).includes('Booking cancelled'), 'the driver is told');
    expect(statusText(el), 'the card still names the booking').to.contain('900');
    expect(button(el, 'Book another'), 'Book another offered').to.exist;

    const sent = await log.settled();
    log.stop();
    expect(sent.map((r) => [r.method, path(r), r.headers['x-booking-capability']])).to.deep.equal([
      ['POST', '/resources/booking-requests/v1.0', capabilityOf(555)],
      ['GET', '/resources/booking-requests/v1.0/556', capabilityOf(556)],
      ['GET', '/resources/bookings/v1.0/900?include[]=bookedEvses', capabilityOf(555)],
    ]);
    expect(sent[0]!.body).to.deep.equal({ type: 'cancel', bookingId: 900 });
  });

  it('a cancel the operator rejects: the reason is shown, the booking stays confirmed and can be cancelled again', async () => {
    const el = await mount();
    await bookToConfirmation(el);
    let polls = 0;
    worker.use(
      http.get(`${API}/resources/booking-requests/v1.0/556`, () => {
        polls += 1;
        const rejected = { id: 556, type: 'cancel', status: 'rejected', bookingId: 900 };
        return HttpResponse.json({
          data: { ...rejected, rejectionReason: 'The charging session has already started' },
        });
      }),
    );
    let cancelledEvents = 0;
    el.addEventListener('ev-booking-cancelled', () => (cancelledEvents += 1));
    button(el, 'Cancel booking')!.click();
    await waitUntil(() => button(el, 'Yes, cancel'), 'asked to confirm');
    button(el, 'Yes, cancel')!.click();
    // The cancel request is polled after the poll's first interval.
    await waitUntil(() => statusText(el).includes('already started'), 'the reason is shown', { timeout: 8000 });
    expect(polls).to.equal(1);
    const tracker = el.shadowRoot!.querySelector('ev-status-tracker')!.shadowRoot!;
    expect(tracker.querySelector('[role=alert]')?.textContent).to.contain('The charging session has already started');
    expect(tracker.querySelector('h3')?.textContent).to.contain('Booking confirmed');
    expect(statusText(el)).not.to.contain('Booking cancelled');
    expect(cancelledEvents).to.equal(0);
    expect(button(el, 'Cancel booking'), 'the driver may try again').to.exist;
  });

  it('shows the confirmation card in the element: heading, reference, time with zone, port, Add to calendar; Book another starts again', async () => {
    const el = await mount();
    await bookToConfirmation(el);
    const card = el.shadowRoot!.querySelector('ev-status-tracker')!.shadowRoot!;
    await waitUntil(() => card.querySelector('h3'), 'the card');
    expect(card.querySelector('h3')!.textContent).to.contain('Booking confirmed');
    expect(statusText(el)).to.contain('900');
    expect(statusText(el)).to.match(/time \(GMT|UTC/);
    // Add to calendar is in the card's extras, a chunk loaded once confirmed.
    await waitUntil(() => card.querySelector('[part="add-to-calendar"]'), 'Add to calendar');
    const calendar = card.querySelector<HTMLAnchorElement>('[part="add-to-calendar"]')!;
    expect(calendar.type).to.equal('text/calendar');
    expect(calendar.href).to.match(/^data:text\/calendar/);
    expect(el.shadowRoot!.querySelector('ev-port-list'), 'the choice gives way').to.equal(null);

    button(el, 'Book another')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('ev-port-list'), 'the choice again');
  });

  it('names the port the driver booked on the card when the answers leave it out (spec-valid, fields optional)', async () => {
    let asked: { startAt: string; endAt: string } | undefined;
    // Answers with nothing the definition does not require: no evseId, no bookedEvses.
    const minimal = [
      http.post(`${API}/resources/booking-requests/v1.0`, async ({ request }) => {
        asked = (await request.json()) as { startAt: string; endAt: string };
        return HttpResponse.json({ data: { id: 555, status: 'pending' }, meta: { capability: capabilityOf(555) } });
      }),
      http.get(`${API}/resources/booking-requests/v1.0/:id`, () =>
        HttpResponse.json({ data: { id: 555, status: 'approved', bookingId: 900 } }),
      ),
      http.get(`${API}/resources/bookings/v1.0/:id`, () =>
        HttpResponse.json({
          data: { id: 900, locationId: 7, startAt: asked!.startAt, endAt: asked!.endAt, status: 'accepted' },
        }),
      ),
    ];
    const el = await mount({}, '', { before: minimal });
    await bookToConfirmation(el);
    const card = el.shadowRoot!.querySelector('ev-status-tracker')!.shadowRoot!;
    await waitUntil(() => card.querySelector('h3'), 'the card');
    expect(statusText(el)).to.contain('Port A');
  });

  it('a reload while the create is on its way finds that request again by its externalId: followed, not booked twice', async () => {
    let sent: Record<string, unknown> | undefined;
    const held = http.post(`${API}/resources/booking-requests/v1.0`, async ({ request }) => {
      sent = (await request.json()) as Record<string, unknown>;
      await new Promise(() => undefined); // its answer never comes: the page reloads first
    });
    const before = await mount({}, '', { before: [held] });
    await fillBooking(before, 'driver@example.com');
    bookButton(before).click();
    await waitUntil(() => sent, 'the create sent');
    before.remove(); // the reload

    // The request was made; the reloaded page's widget finds it with the externalId it kept.
    const { email: _email, ...made } = sent!;
    const log = recordRequests(`${API}/resources/booking-requests`);
    const after = await mount({ existingRequest: { ...made, id: 555, status: 'pending', userId: 42 } }, '', {
      ready: false,
    });
    const confirmed = oneEvent(after, 'ev-booking-confirmed');
    const { detail } = await confirmed;
    const requests = await log.settled();
    log.stop();
    expect(detail.bookingRequest.id).to.equal(555);
    expect(requests.filter((r) => r.method === 'POST')).to.have.length(0);
    expect(requests.map(path)).to.include(
      `/resources/booking-requests/v1.0?filter[externalId]=${String(made['externalId'])}`,
    );
  });

  it('sends authToken as Authorization: Bearer on every request to the proxy', async () => {
    worker.use(...createAmpecoFixture());
    const log = recordRequests(API);
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget');
    el.authToken = 'header.payload.signature';
    el.setAttribute('location-id', '7');
    el.setAttribute('locale', 'en-GB');
    container.append(el);
    await waitUntil(() => radios(el).length > 0, 'ports rendered', { timeout: 5000 });
    await bookToConfirmation(el);
    const sent = await log.settled();
    log.stop();
    expect(sent.length).to.be.greaterThan(6);
    expect(sent.filter((r) => r.headers['authorization'] !== 'Bearer header.payload.signature')).to.deep.equal([]);
  });
});
