/**
 * SPEC §8's rows about the proxy's refusals, row by row, as the whole widget shows them (the client's
 * own tests map statuses to codes): 401 and 403 on a read and on the create, and 429 on the reads,
 * on the availability check and on the create; each time the error state an embedding page and a
 * driver see (`role="alert"`) and the `ev-booking-error` detail `{ code, message, status }` (§5).
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, capabilityOf, createAmpecoFixture } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw, worker } from '../support/msw.js';
import { bookButton, fillBooking, mount, slots, statusText } from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const LOCATION = `${API}/resources/locations/v2.0/:id`;
const AVAILABILITY = `${API}/actions/locations/v2.0/:id/check-booking-availability`;
const CREATE = `${API}/resources/booking-requests/v1.0`;

/** The texts of the widget's alerts, the status tracker's included. */
function alertText(el: EvBookingWidget): string {
  const tracker = el.shadowRoot!.querySelector('ev-status-tracker')?.shadowRoot;
  return [...el.shadowRoot!.querySelectorAll('[role=alert]'), ...(tracker?.querySelectorAll('[role=alert]') ?? [])]
    .map((alert) => alert.textContent?.replace(/\s+/g, ' ').trim())
    .join(' ');
}

/** `<ev-booking-widget location-id="7" locale="en-GB">` on the page, and the `ev-booking-error` events it fires. */
async function mountWatched(): Promise<{ el: EvBookingWidget; errors: CustomEvent[] }> {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement('ev-booking-widget');
  el.setAttribute('location-id', '7');
  el.setAttribute('locale', 'en-GB');
  const errors: CustomEvent[] = [];
  el.addEventListener('ev-booking-error', (event) => errors.push(event));
  container.append(el);
  return { el, errors };
}

const refusal = (status: number, headers: Record<string, string> = {}) =>
  HttpResponse.json({ message: `Refused with ${status}` }, { status, headers });

describe('the proxy refuses (SPEC §8)', () => {
  for (const [status, code, text] of [
    [401, 'unauthorized', 'Access denied.'],
    [403, 'forbidden', 'Booking not allowed here.'],
  ] as const) {
    it(`${status} on the location read: the error state, ${code} with its status, asked once`, async () => {
      worker.use(
        http.get(LOCATION, () => refusal(status)),
        ...createAmpecoFixture(),
      );
      const log = recordRequests('/resources/locations/v2.0/7');
      const { el, errors } = await mountWatched();
      await waitUntil(() => errors.length > 0, 'an error event');
      await waitUntil(() => alertText(el).includes(text), `the alert says "${text}"`);
      log.stop();
      expect(errors).to.have.length(1);
      const [event] = errors;
      expect(event!.bubbles && event!.composed, 'bubbles and composed').to.be.true;
      expect(event!.detail).to.include({ code, status });
      expect(event!.detail.message).to.be.a('string').and.not.equal('');
      expect(log.requests, 'not retried').to.have.length(1);
    });

    it(`${status} on the create: ${code} with its status, the driver told in an alert`, async () => {
      const el = await mount({}, '', { before: [http.post(CREATE, () => refusal(status))] });
      await fillBooking(el, 'driver@example.com');
      const error = oneEvent(el, 'ev-booking-error');
      bookButton(el).click();
      const { detail } = await error;
      expect(detail).to.include({ code, status });
      await waitUntil(() => alertText(el).includes(text), `the alert says "${text}"`);
      expect(statusText(el)).not.to.contain('Booking confirmed');
    });
  }

  it('a refused load leaves the page no unhandled rejection (an embedding page’s error monitor sees none)', async () => {
    const unhandled: unknown[] = [];
    const watch = (event: PromiseRejectionEvent): void => void unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', watch);
    try {
      worker.use(
        http.get(LOCATION, () => refusal(401)),
        ...createAmpecoFixture(),
      );
      const { el, errors } = await mountWatched();
      await waitUntil(() => errors.length > 0, 'an error event');
      await waitUntil(() => alertText(el).includes('Access denied.'), 'the error state');
      // A rejection is reported unhandled once the microtasks after it have run: a task later.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', watch);
    }
  });

  it('429 on every read: retried after Retry-After, then the driver is told, rate-limited with 429', async () => {
    worker.use(
      http.get(LOCATION, () => refusal(429, { 'Retry-After': '0' })),
      ...createAmpecoFixture(),
    );
    const log = recordRequests('/resources/locations/v2.0/7');
    const { el, errors } = await mountWatched();
    await waitUntil(() => errors.length > 0, 'gave up', { timeout: 9000 });
    log.stop();
    expect(log.requests.length, 'the first try and its retries').to.be.greaterThan(1);
    expect(errors[0]!.detail).to.include({ code: 'rate-limited', status: 429 });
    await waitUntil(() => alertText(el).includes('Too many requests'), 'the driver is told');
    expect(el.shadowRoot!.querySelector('[role=alert] button')?.textContent).to.contain('Try again');
  });

  it('429 on the availability check: waits Retry-After and asks again, the start times shown', async () => {
    let calls = 0;
    const once429 = http.post(AVAILABILITY, () => {
      calls += 1;
      return calls === 1 ? refusal(429, { 'Retry-After': '1' }) : undefined;
    });
    const el = await mount({}, '', { before: [once429] });
    await waitUntil(() => slots(el).length > 0, 'start times', { timeout: 5000 });
    expect(calls).to.equal(2);
  });

  it('429 on the create: not sent again on its own, the driver told, rate-limited with 429', async () => {
    const log = recordRequests(CREATE);
    const el = await mount({}, '', { before: [http.post(CREATE, () => refusal(429, { 'Retry-After': '0' }))] });
    await fillBooking(el, 'driver@example.com');
    const error = oneEvent(el, 'ev-booking-error');
    bookButton(el).click();
    const { detail } = await error;
    expect(detail).to.include({ code: 'rate-limited', status: 429 });
    await waitUntil(() => alertText(el).includes('Too many requests'), 'the driver is told');
    await new Promise((resolve) => setTimeout(resolve, 300));
    log.stop();
    expect(log.requests.filter((r) => r.method === 'POST')).to.have.length(1);
  });
});

/**
 * The gateway made the request, but its 201 cannot be read (here: no `meta.capability`): it is
 * found again by its `externalId`, and then answers normally.
 */
function unreadableCreate(): { handlers: ReturnType<typeof http.get>[]; posts: () => number } {
  let made: Record<string, unknown> | null = null;
  let posts = 0;
  const handlers = [
    http.post(CREATE, async ({ request }) => {
      posts += 1;
      const body = (await request.json()) as Record<string, unknown>;
      made ??= { ...body, id: 555, status: 'pending' };
      return HttpResponse.json({ data: made }, { status: 201 });
    }),
    http.get(CREATE, ({ request }) =>
      made && new URL(request.url).searchParams.get('filter[externalId]') === made.externalId
        ? HttpResponse.json({ data: [made], meta: { capability: capabilityOf(555) } })
        : HttpResponse.json({ data: [] }),
    ),
    http.get(`${CREATE}/:id`, () => HttpResponse.json({ data: { ...made, status: 'approved', bookingId: 900 } })),
    http.get(`${API}/resources/bookings/v1.0/:id`, () =>
      HttpResponse.json({
        data: { id: 900, locationId: 7, startAt: made!.startAt, endAt: made!.endAt, status: 'accepted' },
      }),
    ),
  ];
  return { handlers, posts: () => posts };
}

describe('an answer to the create that cannot be read (SPEC §8)', () => {
  it('bad-response, then Book looks the request up by its externalId and follows it: one POST, one booking', async () => {
    const gateway = unreadableCreate();
    const logged: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const el = await mount({}, '', { before: gateway.handlers });
      await fillBooking(el, 'driver@example.com');
      const error = oneEvent(el, 'ev-booking-error');
      bookButton(el).click();
      expect((await error).detail.code).to.equal('bad-response');
      await waitUntil(() => alertText(el).includes('Unreadable reply'), 'the driver is told');
      expect(logged.length, 'the raw problem in the console').to.be.greaterThan(0);

      const outcome = Promise.race([
        oneEvent(el, 'ev-booking-confirmed').then((event) => event.detail.bookingRequest.id),
        oneEvent(el, 'ev-booking-error').then((event) => event.detail.code),
      ]);
      bookButton(el).click();
      expect(await outcome, 'the request confirmed').to.equal(555);
      expect(gateway.posts(), 'the request made by the first Book is followed, not made again').to.equal(1);
    } finally {
      console.error = original;
    }
  });
});
