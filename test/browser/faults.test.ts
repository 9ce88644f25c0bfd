/**
 * SPEC §8: faults and bad input never cost a driver a booking, or book twice. Each test injects a
 * fault at the network boundary (msw) and asserts what the driver sees and which requests were sent.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, capabilityOf, createAmpecoFixture, firstSlotStart } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw, worker } from '../support/msw.js';
import {
  bookButton,
  bookWhileLookupsFail,
  emailInput,
  fillBooking,
  inPart,
  mount,
  path,
  port,
  slots,
  statusText,
} from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const LOCATION = `${API}/resources/locations/v2.0/:id`;
const alertText = (el: EvBookingWidget): string =>
  [...el.shadowRoot!.querySelectorAll('[role=alert]')].map((n) => n.textContent).join(' ');

/** Mounts a widget without waiting for its ports (for load faults). */
async function mountBare(attrs = 'location-id="7"'): Promise<{ el: EvBookingWidget; errors: CustomEvent[] }> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('ev-booking-widget');
  for (const [, name, value] of attrs.matchAll(/([\w-]+)="([^"]*)"/g)) el.setAttribute(name!, value!);
  const errors: CustomEvent[] = [];
  el.addEventListener('ev-booking-error', (e) => errors.push(e));
  container.append(el);
  return { el, errors };
}

/** The booking request answered with 422 and these field messages (added later, it wins over the fixture). */
const answer422 = (errors: Record<string, string[]>) =>
  http.post(`${API}/resources/booking-requests/v1.0`, () =>
    HttpResponse.json({ message: 'The given data was invalid.', errors }, { status: 422 }),
  );

describe('faults and bad input (SPEC §8)', () => {
  it('429 with Retry-After on the first load: waits, retries, and shows the widget', async () => {
    let calls = 0;
    worker.use(
      http.get(LOCATION, () => {
        calls += 1;
        return calls === 1
          ? HttpResponse.json(
              { message: 'Too many requests. Please try again later.' },
              { status: 429, headers: { 'Retry-After': '1' } },
            )
          : undefined;
      }),
      ...createAmpecoFixture(),
    );
    const { el, errors } = await mountBare();
    await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Tech Park Garage', 'loaded', {
      timeout: 5000,
    });
    expect(calls).to.equal(2);
    expect(errors).to.have.length(0);
  });

  it('5xx on a GET is retried, then an error state with a keyboard-reachable retry that works', async () => {
    let failing = true;
    worker.use(
      http.get(LOCATION, () => (failing ? HttpResponse.json({ message: 'boom' }, { status: 503 }) : undefined)),
      ...createAmpecoFixture(),
    );
    const log = recordRequests('/resources/locations/v2.0/7');
    const { el, errors } = await mountBare();
    await waitUntil(() => errors.length > 0, 'gave up', { timeout: 9000 });
    log.stop();
    expect(log.requests.length, 'the first try and 3 retries').to.equal(4);
    expect(errors[0]!.detail).to.include({ code: 'network', status: 503 });
    await el.updateComplete;
    // The service answered: it had a problem, it is not out of reach (audit finding 11).
    expect(alertText(el)).to.contain('The booking service had a problem.');
    expect(alertText(el)).not.to.contain("Can't reach");
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button')!;
    expect(retry.textContent).to.contain('Try again');
    expect(retry.tabIndex).to.equal(0);
    failing = false;
    retry.click();
    await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Tech Park Garage', 'recovered', {
      timeout: 5000,
    });
  });

  it('"Try again" after a load failure keeps the focus while the load runs and fails again, then hands it to the start times', async () => {
    let failing = true;
    let gate: Promise<void> = Promise.resolve();
    worker.use(
      http.get(LOCATION, async () => {
        await gate;
        return failing ? HttpResponse.json({ message: 'Not found' }, { status: 404 }) : undefined;
      }),
      ...createAmpecoFixture(),
    );
    const { el } = await mountBare();
    const retryButton = (): HTMLButtonElement | null =>
      el.shadowRoot!.querySelector<HTMLButtonElement>('[role=alert] button');
    await waitUntil(retryButton, 'the load failed');
    const retry = retryButton()!;
    retry.focus();
    let open!: () => void;
    gate = new Promise((resolve) => (open = resolve));
    retry.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement, 'on Try again while the load runs').to.equal(retry);
    expect(retry.getAttribute('aria-disabled')).to.equal('true');
    open();
    await waitUntil(() => !retry.hasAttribute('aria-disabled'), 'failed again');
    expect(el.shadowRoot!.activeElement, 'on Try again after failing again').to.equal(retry);
    failing = false;
    retry.click();
    await waitUntil(() => slots(el).length > 0, 'loaded', { timeout: 5000 });
    const grid = el.shadowRoot!.querySelector('ev-slot-grid')!;
    await waitUntil(() => grid.shadowRoot!.activeElement !== null, 'the focus goes on to the start times');
    expect(grid.shadowRoot!.activeElement!.matches('[role=radio], [role=tab]')).to.be.true;
  });

  it('a lost create response is looked up by externalId: one POST, one booking', async () => {
    const el = await mount({ loseCreateResponse: true });
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    bookButton(el).click();
    await confirmed;
    const sent = await log.settled();
    log.stop();
    const posts = sent.filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
    const externalId = (posts[0]!.body as { externalId: string }).externalId;
    expect(sent.map(path)).to.include(`/resources/booking-requests/v1.0?filter[externalId]=${externalId}`);
  });

  it('a lost create found again with an answer that leaves out optional fields (externalId) is followed: one POST', async () => {
    // Ampeco's definition requires no field of a booking request; the gateway answers only a match.
    const found = http.get(`${API}/resources/booking-requests/v1.0`, () =>
      HttpResponse.json({ data: [{ id: 555, status: 'pending' }], meta: { capability: capabilityOf(555) } }),
    );
    const el = await mount({ loseCreateResponse: true }, '', { before: [found] });
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    bookButton(el).click();
    await confirmed;
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts).to.have.length(1);
  });

  it('a create whose fate stays unknown is looked up again before the next Book: never two bookings', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(30_000);
    const el = await mount({ loseCreateResponse: true });
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    await bookWhileLookupsFail(el);
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    bookButton(el).click();
    await confirmed;
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts, 'the lost attempt was found, not repeated').to.have.length(1);
  });

  /**
   * Books with every GET of `path` failing at the network until the Book ends in a `network` error;
   * then those GETs work again. The booking requests sent are in `log`.
   */
  async function bookIntoNetworkError(
    path: string,
    options: Parameters<typeof mount>[0] = {},
  ): Promise<{ el: EvBookingWidget; log: ReturnType<typeof recordRequests> }> {
    const el = await mount(options);
    let failing = true;
    worker.use(http.get(`${API}${path}`, () => (failing ? HttpResponse.error() : undefined)));
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    const error = oneEvent(el, 'ev-booking-error');
    bookButton(el).click();
    expect((await error).detail.code).to.equal('network');
    failing = false;
    await el.updateComplete;
    return { el, log };
  }

  /** Book with the create's answer lost and every look-up failing, until the error; then look-ups work. */
  const bookIntoUncertainError = () =>
    bookIntoNetworkError('/resources/booking-requests/v1.0', { loseCreateResponse: true });

  /** The status's own button ("Try again" after an error). */
  const statusButton = (el: EvBookingWidget): HTMLButtonElement | undefined =>
    inPart<HTMLButtonElement>(el, 'ev-status-tracker', 'button')[0];

  it('"Try again" after a Book whose answer was lost tries that booking again, looked up first', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(30_000);
    const { el, log } = await bookIntoUncertainError();
    const retry = statusButton(el);
    expect(retry?.textContent).to.contain('Try again');
    const externalId = (log.requests.find((r) => r.method === 'POST')!.body as { externalId: string }).externalId;
    log.stop();
    const after = recordRequests(`${API}/resources/booking-requests`);
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    retry!.click();
    await confirmed;
    const sent = await after.settled();
    after.stop();
    expect(
      sent.filter((r) => r.method === 'POST'),
      'the lost attempt was found, not repeated',
    ).to.have.length(0);
    expect(path(sent[0]!), 'looked up first').to.equal(
      `/resources/booking-requests/v1.0?filter[externalId]=${externalId}`,
    );
    expect(statusText(el)).to.contain('confirmed');
  });

  it('"Try again" after a failure before any request was made books what the driver chose last', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(30_000);
    const el = await mount();
    // The first Book's create never arrives (nor its one re-send); the look-ups find nothing.
    let lost = 2;
    worker.use(
      http.post(`${API}/resources/booking-requests/v1.0`, () => (lost-- > 0 ? HttpResponse.error() : undefined)),
    );
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    const first = oneEvent(el, 'ev-booking-error');
    bookButton(el).click();
    await first;
    await el.updateComplete;
    // Another start; this time the look-up of the lost attempt (which the Book makes first) fails.
    const chosen = slots(el)[1]!;
    chosen.click();
    await el.updateComplete;
    await bookWhileLookupsFail(el);
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    statusButton(el)!.click();
    const { detail } = await confirmed;
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(detail.bookingRequest.startAt).to.equal(chosen.dataset['start']);
    expect(posts, 'the first Book twice (never arrived), then the start chosen last').to.have.length(3);
    expect((posts[2]!.body as { startAt: string }).startAt).to.equal(chosen.dataset['start']);
  });

  it('"Try again" after polling failed tracks the same request: no second booking request', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(30_000);
    const { el, log } = await bookIntoNetworkError('/resources/booking-requests/v1.0/:id');
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    statusButton(el)!.click();
    await confirmed;
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts).to.have.length(1);
  });

  it('back online while a Book is on its way changes nothing: one request, the Book stays busy', async () => {
    const el = await mount({ pendingPolls: 0 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    worker.use(http.post(`${API}/resources/booking-requests/v1.0`, async () => void (await held), { once: true }));
    await fillBooking(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    bookButton(el).click();
    await waitUntil(() => log.requests.some((r) => r.method === 'POST'), 'the POST was sent');
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    await el.updateComplete;
    bookButton(el).click();
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    release();
    await confirmed;
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts).to.have.length(1);
  });

  it('after a Book whose answer was lost, a Book of another start tracks the booking that was made', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(30_000);
    const { el, log } = await bookIntoUncertainError();
    const first = (log.requests.find((r) => r.method === 'POST')!.body as { startAt: string }).startAt;
    slots(el)[1]!.click();
    await el.updateComplete;
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    bookButton(el).click();
    const { detail } = await confirmed;
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts, 'no second booking while the first may exist').to.have.length(1);
    expect(detail.bookingRequest.startAt).to.equal(first);
  });

  it('422 on the booking request: the message stands next to its field and nothing typed is lost', async () => {
    const el = await mount();
    worker.use(answer422({ startAt: ['The start at must be a date after now.'] }));
    const errors: CustomEvent[] = [];
    el.addEventListener('ev-booking-error', (e) => errors.push(e));
    await fillBooking(el, 'driver@example.com', 'Port C');
    bookButton(el).click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('ev-slot-grid ~ p[role=alert]'),
      'the message at the start times',
    );
    const message = el.shadowRoot!.querySelector('ev-slot-grid ~ p[role=alert]');
    expect(message?.textContent).to.equal('The start at must be a date after now.');
    expect(emailInput(el).value).to.equal('driver@example.com');
    expect(port(el, 'Port C').checked).to.be.true;
    const duration = el.shadowRoot!.querySelector('ev-duration-picker')!.shadowRoot!;
    expect(duration.querySelector<HTMLInputElement>('input:checked')!.value).to.equal('60');
    // SPEC §5: the driver can fix this by picking another start, so it is no ev-booking-error.
    expect(errors).to.have.length(0);
  });

  it('422 with several fields: every message stands next to its own control', async () => {
    const el = await mount();
    worker.use(
      answer422({
        startAt: ['The start is too soon.', 'The start is not on the grid.'],
        evseId: ['The evse is not bookable.'],
        userId: ['This account cannot book.'],
      }),
    );
    await fillBooking(el, 'driver@example.com', 'Port C');
    bookButton(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('ev-port-list + p[role=alert]'), 'the message at the ports');
    expect(el.shadowRoot!.querySelector('ev-port-list + p[role=alert]')!.textContent).to.equal(
      'The evse is not bookable.',
    );
    expect(el.shadowRoot!.querySelector('ev-slot-grid ~ p[role=alert]')!.textContent).to.equal(
      'The start is too soon. The start is not on the grid.',
    );
    await waitUntil(() => inPart(el, 'ev-email-form', 'form')[0]?.textContent?.includes('This account cannot book.'));
    expect(statusText(el)).not.to.contain('went wrong');
    // Choosing another port clears the message about the port.
    port(el, 'Port A').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('ev-port-list + p[role=alert]')).to.equal(null);
  });

  it('422 about what the driver cannot change: the status says so and ev-booking-error reports validation', async () => {
    const el = await mount();
    worker.use(answer422({ locationId: ['The location does not take bookings.'] }));
    await fillBooking(el, 'driver@example.com');
    const error = oneEvent(el, 'ev-booking-error');
    bookButton(el).click();
    expect((await error).detail).to.include({ code: 'validation', status: 422 });
    await waitUntil(() => statusText(el).includes('The location does not take bookings.'), 'the status');
    expect(emailInput(el).value).to.equal('driver@example.com');
  });

  it('422 about the user is shown at the email field', async () => {
    const el = await mount();
    worker.use(answer422({ userId: ['This account cannot book.'] }));
    await fillBooking(el, 'driver@example.com');
    bookButton(el).click();
    await waitUntil(() => inPart(el, 'ev-email-form', 'form')[0]?.textContent?.includes('This account cannot book.'));
    expect(emailInput(el).value).to.equal('driver@example.com');
    expect(emailInput(el).getAttribute('aria-invalid')).to.equal('true');
  });

  it('a response that does not match the schema: bad-response, a readable state, the detail in the console', async () => {
    worker.use(
      http.get(LOCATION, () => HttpResponse.json({ data: { id: 'seven', name: 42 } })),
      ...createAmpecoFixture(),
    );
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const { el, errors } = await mountBare();
      await waitUntil(() => errors.length > 0, 'error event', { timeout: 5000 });
      expect(errors[0]!.detail.code).to.equal('bad-response');
      await el.updateComplete;
      expect(alertText(el)).to.contain('Unreadable reply');
      expect(logged.length).to.be.greaterThan(0);
    } finally {
      console.error = original;
    }
  });

  it('an invalid email gets a clear message and sends nothing', async () => {
    const el = await mount();
    await fillBooking(el, 'driver@example');
    const log = recordRequests(API);
    bookButton(el).click();
    await el.updateComplete;
    await waitUntil(() => inPart(el, 'ev-email-form', 'form')[0]?.textContent?.includes('Enter a valid email'));
    await new Promise((r) => setTimeout(r, 200));
    log.stop();
    expect(log.requests).to.have.length(0);
    expect(emailInput(el).value).to.equal('driver@example');
  });

  it('offline: a clear message, and the widget retries on its own when the browser is back online', async () => {
    let offline = true;
    worker.use(
      http.get(LOCATION, () => (offline ? HttpResponse.error() : undefined)),
      ...createAmpecoFixture(),
    );
    const { el, errors } = await mountBare();
    await waitUntil(() => errors.length > 0, 'gave up', { timeout: 9000 });
    expect(errors[0]!.detail.code).to.equal('network');
    await el.updateComplete;
    expect(alertText(el)).to.contain("Can't reach the booking service");
    offline = false;
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Tech Park Garage', 'reloaded', {
      timeout: 5000,
    });
  });

  it('a pending request is resumed after a page reload', async () => {
    const start = firstSlotStart();
    const existing = {
      id: 555,
      type: 'create',
      status: 'pending',
      userId: 42,
      locationId: 7,
      evseId: 1001,
      startAt: new Date(start).toISOString(),
      endAt: new Date(start + 3_600_000).toISOString(),
    };
    // v2: the request is kept with its capability, which every read of it needs.
    sessionStorage.setItem(
      'ev-booking-widget:pending:/api/ampeco:7',
      JSON.stringify({ request: existing, capability: capabilityOf(555) }),
    );
    worker.use(...createAmpecoFixture({ existingRequest: existing }));
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget');
    el.setAttribute('location-id', '7');
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    container.append(el);
    const event = await confirmed;
    expect(event.detail.bookingRequest).to.include({ id: 555, status: 'approved' });
    expect(sessionStorage.getItem('ev-booking-widget:pending:/api/ampeco:7')).to.equal(null);
  });

  /** The widget with a booking filled in whose request will stay pending past `pollTimeout`. */
  async function readyToTimeOut(pollTimeout: number): Promise<EvBookingWidget> {
    const el = await mount({ pendingPolls: 1000 });
    el.pollTimeout = pollTimeout;
    await fillBooking(el, 'driver@example.com');
    return el;
  }

  it('polling past the timeout says the request is still pending and offers to check again', async () => {
    const el = await readyToTimeOut(1500);
    const error = oneEvent(el, 'ev-booking-error');
    bookButton(el).click();
    expect((await error).detail.code).to.equal('timeout');
    await waitUntil(() => statusText(el).includes('Still pending'));
    const check = inPart<HTMLButtonElement>(el, 'ev-status-tracker', 'button').find((b) =>
      b.textContent?.includes('Check again'),
    );
    expect(check).to.exist;
    const kept = JSON.parse(sessionStorage.getItem('ev-booking-widget:pending:/api/ampeco:7') ?? 'null');
    expect(kept, 'kept for a reload, with its capability').to.deep.include({ capability: capabilityOf(555) });
    expect(kept.request.id).to.equal(555);
  });

  it('Book pressed again while the request is still pending past the timeout follows it: one booking request', async () => {
    const el = await readyToTimeOut(1000);
    const log = recordRequests(`${API}/resources/booking-requests`);
    const timedOut = oneEvent(el, 'ev-booking-error');
    bookButton(el).click();
    await timedOut;
    await waitUntil(() => statusText(el).includes('Still pending'));
    await el.updateComplete;
    bookButton(el).click();
    await waitUntil(() => statusText(el).includes('waiting for confirmation'), 'following the request again');
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts, 'the first Book only').to.have.length(1);
  });

  it('"Check again" keeps the focus while it runs and when the request times out again, which the status region tells', async () => {
    const el = await readyToTimeOut(1000);
    const tracker = el.shadowRoot!.querySelector('ev-status-tracker')!;
    const active = (): Element | null => tracker.shadowRoot!.activeElement;
    bookButton(el).focus();
    let timeouts = 0;
    el.addEventListener('ev-booking-error', () => timeouts++);
    bookButton(el).click();
    // The outcome's heading takes the focus from Book (audit finding 9).
    await waitUntil(() => active()?.localName === 'h3', 'the focus on the outcome', { timeout: 4000 });
    expect(active()!.textContent).to.contain('Still pending');
    const check = inPart<HTMLButtonElement>(el, 'ev-status-tracker', 'button').find((b) =>
      b.textContent?.includes('Check again'),
    )!;
    check.focus();
    check.click();
    await el.updateComplete;
    expect(active(), 'on Check again while it runs').to.equal(check);
    await waitUntil(() => timeouts === 2, 'timed out again', { timeout: 4000 });
    await tracker.updateComplete;
    expect(active(), 'on Check again after it timed out again (audit finding 1)').to.equal(check);
    await waitUntil(() => tracker.shadowRoot!.querySelector('[role=status]')!.textContent!.includes('Still pending'));
  });

  it('a request pending when the widget lost its location is not tracked again when back online', async () => {
    const el = await readyToTimeOut(1200);
    const requested = oneEvent(el, 'ev-booking-requested');
    bookButton(el).click();
    await requested;
    const codes: string[] = [];
    el.addEventListener('ev-booking-error', (e) => codes.push(e.detail.code));
    el.removeAttribute('location-id');
    await waitUntil(() => codes.includes('config'), 'the config error');
    // Reconfiguring stops following the old request (it stays kept for a reload of that location).
    const log = recordRequests(API);
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    // A poll waits a second before its first read; the old poll would have timed out by now.
    await new Promise((r) => setTimeout(r, 1500));
    expect(codes).to.deep.equal(['config']);
    expect(log.requests).to.have.length(0);
    log.stop();
  });

  it('starts that pass while the driver hesitates are no longer offered', async () => {
    const el = await mount();
    port(el, 'Port A').click();
    await waitUntil(() => slots(el).length > 0);
    const first = slots(el)[0]!.dataset.start!;
    const realNow = Date.now;
    Date.now = () => Date.parse(first) + 60_000;
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => !slots(el).some((b) => b.dataset.start === first), 'the passed start is gone');
    } finally {
      Date.now = realNow;
    }
  });

  it('the rejected path offers to pick again, by keyboard, with the port kept', async () => {
    const el = await mount({ outcome: 'rejected', rejectionReason: 'Overlap' });
    await fillBooking(el, 'driver@example.com');
    const rejected = oneEvent(el, 'ev-booking-rejected');
    bookButton(el).click();
    await rejected;
    await waitUntil(() => inPart(el, 'ev-status-tracker', 'button').length > 0);
    const again = inPart<HTMLButtonElement>(el, 'ev-status-tracker', 'button')[0]!;
    expect(again.textContent).to.contain('Pick another time');
    expect(again.tabIndex).to.equal(0);
    again.focus();
    again.click();
    await el.updateComplete;
    expect(port(el, 'Port A').checked).to.be.true;
    await waitUntil(() => slots(el).length > 0);
    const grid = el.shadowRoot!.querySelector('ev-slot-grid')!;
    await waitUntil(() => grid.shadowRoot!.activeElement?.hasAttribute('data-start'), 'focus on a start time');
  });
});
