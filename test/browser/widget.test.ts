import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, createAmpecoFixture, firstSlotStart } from '../support/ampeco-fixture.js';
import { accessibleName } from '../support/a11y.js';
import { afterEach, describe, it, recordRequests, useMsw, worker } from '../support/msw.js';
import {
  bookButton,
  chooseFirstSlot,
  emailInput,
  fillBooking,
  inPart,
  iso,
  mount,
  mountWidget,
  path,
  port,
  radios,
  slots,
  statusText,
  submitEmail,
} from '../support/widget-driver.js';

useMsw();
// A pending request is remembered per location for resumption after a reload: not across tests.
afterEach(() => sessionStorage.clear());

const HOUR = 3_600_000;

describe('<ev-booking-widget>', () => {
  describe('loading', () => {
    it('shows the location, only bookable ports, and the first load runs in parallel', async () => {
      const log = recordRequests(API);
      const el = await mount();
      await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Tech Park Garage');
      const requests = (await log.settled()).map((r) => `${r.method} ${path(r)}`);
      log.stop();
      expect(requests.slice(0, 3)).to.have.members([
        'GET /resources/locations/v2.0/7',
        'GET /resources/charge-points/v2.0?filter[locationId]=7',
        'POST /actions/locations/v2.0/7/check-booking-availability',
      ]);
      expect(requests).to.include('GET /resources/charge-points/v2.0?filter[locationId]=7&cursor=p2');
      expect(requests).to.include('GET /resources/charge-points/v2.0/101/evses?include[]=connectors');
      expect(requests).to.include('GET /resources/charge-points/v2.0/102/evses?include[]=connectors');
      expect(port(el, 'Port A').disabled).to.be.false;
      expect(port(el, 'Port B').disabled, 'out of order').to.be.true;
      expect(port(el, 'Port C').disabled).to.be.false;
      expect(() => port(el, 'Port X'), 'bookingEnabled false').to.throw();
    });

    it('offers start times in the location timezone with data-start instants', async () => {
      const el = await mount();
      const first = await chooseFirstSlot(el);
      const start = firstSlotStart();
      expect(first.dataset.start).to.equal(iso(start));
      const local = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Sofia' });
      expect(first.getAttribute('aria-label') ?? first.textContent).to.match(new RegExp(`^\\s*${local.format(start)}`));
      // A 60-minute booking in a 6-hour window: 11 half-hour starts.
      const sameDay = slots(el).filter((b) => Date.parse(b.dataset.start!) < start + 6 * HOUR);
      expect(sameDay.length).to.be.at.most(11);
    });
  });

  describe('booking', () => {
    it('books end to end with the exact request bodies and events', async () => {
      const el = await mount();
      const requested: CustomEvent[] = [];
      el.addEventListener('ev-booking-requested', (e) => requested.push(e));
      await fillBooking(el, 'driver@example.com');
      const log = recordRequests(API);
      const confirmed = oneEvent(el, 'ev-booking-confirmed');
      bookButton(el).click();
      const event = await confirmed;
      const sent = await log.settled();
      log.stop();

      const start = firstSlotStart();
      expect(
        sent.some((r) => r.url.includes('/users')),
        'no user look-up from the browser (v2)',
      ).to.be.false;
      const create = sent.find((r) => r.method === 'POST')!;
      expect(path(create)).to.equal('/resources/booking-requests/v1.0');
      const body = create.body as Record<string, unknown>;
      expect(body.externalId).to.match(/^[0-9a-f-]{36}$/);
      expect(body).to.deep.equal({
        type: 'create',
        email: 'driver@example.com',
        locationId: 7,
        startAt: iso(start),
        endAt: iso(start + HOUR),
        evseId: 1001,
        externalId: body.externalId,
      });
      expect(sent.filter((r) => r.method === 'POST')).to.have.length(1);
      expect(sent.some((r) => path(r) === '/resources/booking-requests/v1.0/555')).to.be.true;
      expect(sent.some((r) => path(r) === '/resources/bookings/v1.0/900?include[]=bookedEvses')).to.be.true;

      expect(requested).to.have.length(1);
      expect(requested[0]!.bubbles && requested[0]!.composed).to.be.true;
      expect(requested[0]!.detail.bookingRequest).to.include({ id: 555, status: 'pending' });
      expect(event.detail.bookingRequest).to.include({ id: 555, status: 'approved', bookingId: 900 });
      expect(event.detail.booking).to.include({ id: 900, status: 'accepted' });
      expect(event.detail.booking!.bookedEvses).to.deep.equal([{ id: 1001 }]);
      await waitUntil(() => statusText(el).includes('Booking confirmed'));
      expect(statusText(el)).to.include('Port A');
    });

    it("the confirmation gives the location's name, address and city", async () => {
      const english = await mount();
      await fillBooking(english, 'driver@example.com');
      bookButton(english).click();
      await waitUntil(() => statusText(english).includes('Booking confirmed'), 'no confirmation', { timeout: 5000 });
      expect(statusText(english)).to.include('Tech Park Garage, 111B Tsarigradsko Shose Blvd, Sofia');
    });

    it('on the confirmation, a name and an address in a fallback language carry their own lang', async () => {
      // French texts, but the location has only English and Bulgarian translations (SPEC §6).
      const french = await mountWidget('location-id="7" locale="fr"');
      await chooseFirstSlot(french);
      await submitEmail(french, 'driver@example.com');
      // The spans in another language than the texts' (the date and times carry the locale's, `fr`).
      const spans = (): HTMLSpanElement[] =>
        inPart(french, 'ev-status-tracker', '[part~="card"] dd span[lang]:not([lang="fr"])');
      await waitUntil(() => spans().length > 0, 'no confirmation card', { timeout: 5000 });
      const marked = spans().map((span) => `${span.getAttribute('lang')}: ${span.textContent}`);
      expect(marked).to.deep.equal(['en: Tech Park Garage', 'en: 111B Tsarigradsko Shose Blvd, Sofia']);
    });

    it('names the port the booking holds (its bookedEvses), also when it is not the one asked for', async () => {
      const el = await mount({ bookedEvseId: 1004 });
      await fillBooking(el, 'driver@example.com');
      const confirmed = oneEvent(el, 'ev-booking-confirmed');
      bookButton(el).click();
      expect((await confirmed).detail.booking!.bookedEvses).to.deep.equal([{ id: 1004 }]);
      await waitUntil(() => statusText(el).includes('Booking confirmed'));
      expect(statusText(el)).to.include('Port C');
      expect(statusText(el)).not.to.include('Port A');
    });

    it('an approved request without bookingId is confirmed with its own time and port', async () => {
      const el = await mount({ withBookingId: false });
      await fillBooking(el, 'driver@example.com');
      const confirmed = oneEvent(el, 'ev-booking-confirmed');
      bookButton(el).click();
      const event = await confirmed;
      expect(event.detail.booking).to.equal(null);
      await waitUntil(() => statusText(el).includes('Booking confirmed'));
      expect(statusText(el)).to.contain('Port A');
    });

    it('an unknown email books nothing and points to sign-up, keeping what was typed', async () => {
      const el = await mount({}, 'signup-url="https://example.com/app"');
      await fillBooking(el, 'nobody@example.com');
      const log = recordRequests(API);
      const events: string[] = [];
      for (const name of ['ev-booking-requested', 'ev-booking-error'] as const) {
        el.addEventListener(name, () => events.push(name));
      }
      bookButton(el).click();
      await waitUntil(() => inPart(el, 'ev-email-form', 'a[href="https://example.com/app"]').length === 1);
      const sent = await log.settled();
      log.stop();
      // v2: the gateway looks the driver up and answers 422 with reason "no-account".
      expect(sent.map((r) => [r.method, path(r)])).to.deep.equal([['POST', '/resources/booking-requests/v1.0']]);
      expect((sent[0]!.body as { email: string }).email).to.equal('nobody@example.com');
      expect(events, 'nothing was booked, nothing failed').to.deep.equal([]);
      expect(emailInput(el).value, 'what the driver typed is kept').to.equal('nobody@example.com');
      expect(
        slots(el).some((b) => b.getAttribute('aria-checked') === 'true'),
        'the start is kept',
      ).to.be.true;
      expect(el.shadowRoot!.querySelector('ev-email-form')!.shadowRoot!.textContent).to.include(
        'No account with this email',
      );
    });

    it('a rejected request shows the reason, reloads availability and keeps the port', async () => {
      const el = await mount({ outcome: 'rejected', rejectionReason: 'Overlaps <b>another</b> booking' });
      await fillBooking(el, 'driver@example.com');
      const log = recordRequests(API);
      const rejected = oneEvent(el, 'ev-booking-rejected');
      bookButton(el).click();
      const event = await rejected;
      expect(event.detail.reason).to.equal('Overlaps <b>another</b> booking');
      await waitUntil(() => statusText(el).includes('Overlaps <b>another</b> booking'), 'reason shown as text');
      await waitUntil(async () => (await log.settled()).some((r) => r.url.includes('check-booking-availability')));
      log.stop();
      expect(port(el, 'Port A').checked).to.be.true;
      expect(emailInput(el).value).to.equal('driver@example.com');
      expect(slots(el).some((b) => b.getAttribute('aria-checked') === 'true')).to.be.false;
    });

    it('a double click on Book sends one booking request', async () => {
      const el = await mount();
      await fillBooking(el, 'driver@example.com');
      const log = recordRequests(`${API}/resources/booking-requests/v1.0`);
      const confirmed = oneEvent(el, 'ev-booking-confirmed');
      bookButton(el).click();
      bookButton(el).click();
      bookButton(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      await confirmed;
      const posts = (await log.settled()).filter((r) => r.method === 'POST');
      log.stop();
      expect(posts).to.have.length(1);
    });
  });

  describe('accessible names (SPEC §6)', () => {
    it('names every control as the contract says, and passes axe', async () => {
      const el = await mount();
      await chooseFirstSlot(el);
      const root = el.shadowRoot!;
      expect(root.querySelector('h2')!.textContent).to.equal('Tech Park Garage');
      const group = inPart<HTMLElement>(el, 'ev-port-list', '[part=port-list]')[0]!;
      expect(accessibleName(group)).to.equal('Charging port');
      expect(accessibleName(port(el, 'Port A'))).to.contain('Port A');
      expect(accessibleName(inPart(el, 'ev-duration-picker', 'fieldset')[0]!)).to.equal('Duration');
      expect(accessibleName(slots(el)[0]!)).to.match(/^\d\d:\d\d/);
      expect(accessibleName(emailInput(el))).to.equal('Email');
      expect(accessibleName(bookButton(el))).to.contain('Book');
      expect(root.querySelector('ev-status-tracker')!.shadowRoot!.querySelector('[role=status]')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('attributes', () => {
    it('durations, slot-step, evse-ids and email shape what is offered', async () => {
      const el = await mount({}, 'durations="30,90" slot-step="15" evse-ids="1004" email="fleet@example.com"');
      const pills = inPart(el, 'ev-duration-picker', '[part=pill]').map((pill) => pill.textContent?.trim());
      expect(pills).to.deep.equal(['30 minutes', '90 minutes']);
      expect(inPart(el, 'ev-port-list', 'input[name=port]')).to.have.length(1);
      expect(port(el, 'Port C').checked, 'the only port is chosen for the driver').to.be.true;
      await waitUntil(() => slots(el).length > 1);
      const [a, b] = slots(el).map((x) => Date.parse(x.dataset.start!));
      expect(b! - a!).to.equal(15 * 60_000);
      await el.updateComplete; // the email form's code comes once the start times are shown
      expect(emailInput(el).value).to.equal('fleet@example.com');
    });

    it('an invalid locale falls back to the page language, not to the browser default', async () => {
      worker.use(...createAmpecoFixture());
      const container = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
      container.innerHTML = `<ev-booking-widget location-id="7" locale="!!bad!!"></ev-booking-widget>`;
      const el = container.querySelector('ev-booking-widget')!;
      await waitUntil(() => el.shadowRoot!.querySelector('[part=base]')?.getAttribute('lang') === 'de', 'lang=de');
      const picker = el.shadowRoot!.querySelector('ev-duration-picker')!;
      await waitUntil(
        () => picker.shadowRoot!.querySelector('legend')?.textContent === 'Dauer',
        'the group named Dauer',
      );
      expect(accessibleName(picker.shadowRoot!.querySelector('fieldset')!)).to.equal('Dauer');
    });

    it('changing location-id at run time reloads the widget', async () => {
      const el = await mount();
      el.setAttribute('location-id', '8');
      await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Harbour Hotel', 'reloaded');
      await waitUntil(() => radios(el).length > 0, 'the ports come after the start times');
      expect(port(el, 'Port A').checked).to.be.false;
    });
  });

  describe('bad configuration', () => {
    it('a missing location-id shows an alert, fires config and sends nothing', async () => {
      const log = recordRequests();
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('ev-booking-widget');
      const error = oneEvent(el, 'ev-booking-error');
      container.append(el);
      const event = await error;
      await el.updateComplete;
      expect(event.detail.code).to.equal('config');
      expect(el.shadowRoot!.querySelector('[role=alert]')?.textContent).to.match(/location/i);
      await new Promise((r) => setTimeout(r, 100));
      expect(log.requests).to.have.length(0);
      log.stop();
    });

    // 99999999999999999999 parses, but as 1e20: it would be sent as another id.
    for (const value of ['abc', '7.5', '0', '-3', '99999999999999999999']) {
      it(`location-id="${value}" is a config error: an alert, and nothing is sent`, async () => {
        const log = recordRequests();
        const container = await fixture<HTMLDivElement>(html`<div></div>`);
        const el = document.createElement('ev-booking-widget');
        el.setAttribute('location-id', value);
        const error = oneEvent(el, 'ev-booking-error');
        container.append(el);
        expect((await error).detail.code).to.equal('config');
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('[role=alert]')).to.exist;
        await new Promise((r) => setTimeout(r, 100));
        expect(log.requests).to.have.length(0);
        log.stop();
      });
    }

    it('an unknown location shows an error with a retry button and fires not-found', async () => {
      worker.use(...createAmpecoFixture());
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      const el = document.createElement('ev-booking-widget');
      el.setAttribute('location-id', '999');
      const error = oneEvent(el, 'ev-booking-error');
      container.append(el);
      const event = await error;
      expect(event.detail).to.include({ code: 'not-found', status: 404 });
      await waitUntil(() => el.shadowRoot!.querySelector('[role=alert] button') !== null);
    });
  });

  describe('several widgets', () => {
    it('two widgets on one page are independent', async () => {
      worker.use(...createAmpecoFixture());
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.innerHTML = `<ev-booking-widget location-id="7" locale="en-GB"></ev-booking-widget>
        <ev-booking-widget location-id="8" locale="en-GB"></ev-booking-widget>`;
      const [a, b] = [...container.querySelectorAll('ev-booking-widget')] as [EvBookingWidget, EvBookingWidget];
      await waitUntil(() => a.shadowRoot!.querySelector('h2')?.textContent === 'Tech Park Garage');
      await waitUntil(() => b.shadowRoot!.querySelector('h2')?.textContent === 'Harbour Hotel');
      await waitUntil(() => inPart(b, 'ev-port-list', 'input').length > 0);
      const startsOfB = slots(b).map((slot) => slot.dataset['start']);
      port(a, 'Port A').click();
      await a.updateComplete;
      await b.updateComplete;
      expect(port(a, 'Port A').checked).to.be.true;
      expect(port(b, 'Port A').checked).to.be.false;
      // b keeps its own choice (v2: any port, its own start times).
      expect(slots(b).map((slot) => slot.dataset['start'])).to.deep.equal(startsOfB);
    });

    it('removing the element stops its requests', async () => {
      worker.use(
        http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, async () => {
          await new Promise((r) => setTimeout(r, 300));
          return HttpResponse.json({ data: [] });
        }),
        ...createAmpecoFixture(),
      );
      const container = await fixture<HTMLDivElement>(html`<div></div>`);
      container.innerHTML = `<ev-booking-widget location-id="7"></ev-booking-widget>`;
      const el = container.querySelector('ev-booking-widget')!;
      const errors: Event[] = [];
      el.addEventListener('ev-booking-error', (e) => errors.push(e));
      await new Promise((r) => setTimeout(r, 50));
      el.remove();
      // Requests already on their way when the element left may still be reported; then silence.
      await new Promise((r) => setTimeout(r, 100));
      const log = recordRequests(API);
      await new Promise((r) => setTimeout(r, 600));
      log.stop();
      expect(
        log.requests.map((r) => r.url),
        'no request after removal',
      ).to.deep.equal([]);
      expect(errors, 'an abort is not an error').to.have.length(0);
    });

    it('removing the element stops polling a pending request', async () => {
      const el = await mount({ pendingPolls: 1000 });
      await fillBooking(el, 'driver@example.com');
      const polls = recordRequests(`${API}/resources/booking-requests/v1.0/555`);
      bookButton(el).click();
      await oneEvent(el, 'ev-booking-requested');
      await waitUntil(() => polls.requests.length > 0, 'polling started', { timeout: 4000 });
      polls.stop();
      el.remove();
      await new Promise((r) => setTimeout(r, 100));
      const after = recordRequests(API);
      await new Promise((r) => setTimeout(r, 2500));
      after.stop();
      expect(after.requests.map((r) => r.url)).to.deep.equal([]);
    });
  });
});
