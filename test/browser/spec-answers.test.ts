/**
 * The whole widget on answers generated from Ampeco's OpenAPI definition (SPEC §8: "a response that
 * is valid in Ampeco's OpenAPI definition is never rejected"): only the required fields, all of them
 * with a field the definition does not name, and null wherever it allows null, each in the
 * definition's instant formats. test/node/spec-answers.test.ts proves the schemas accept them; here
 * a driver books and cancels on them, the ports' lists paged with `links.next`, and meets no error.
 *
 * Only what the flow itself needs is set over the generated answers: the ids that tie them together,
 * bookable EVSEs, the open windows, the statuses the flow goes through and the gateway's capability.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { generateAnswer, responseSchemaIn, UNKNOWN_PROPERTY, type Fill } from '../support/answer-generator.js';
import { API, capabilityOf, firstSlotStart } from '../support/ampeco-fixture.js';
import { before, describe, it, useMsw } from '../support/msw.js';
import { bookButton, emailInput, mount, radios, slots, statusText, typeEmail } from '../support/widget-driver.js';

/** The definition, read before msw starts (it answers only the API). */
let definition: unknown;
before(async () => {
  definition = await (await fetch('/spec/ampeco-openapi-booking.json')).json();
});
useMsw();

const HOUR = 3_600_000;
type Json = Record<string, unknown>;

/** A generated answer of `method template → status` (the template without `/public-api`). */
function answer(fill: Fill, variant: number, method: string, template: string, status = 200): Json {
  const schema = responseSchemaIn(definition, method, `/public-api${template}`, status);
  return generateAnswer(schema, { fill, variant, document: definition, alsoRequired: ['data'] }) as Json;
}

/** The first item of a generated list answer, with `changes`. */
const item = (list: Json, changes: Json): Json => ({ ...(list.data as Json[])[0], ...changes });

/** An instant in one of the forms the definition allows: microseconds (Laravel), plain `Z`, an offset. */
function written(ms: number, variant: number): string {
  const utc = new Date(ms).toISOString();
  if (variant % 3 === 0) return utc.replace('.000Z', '.000000Z');
  if (variant % 3 === 1) return utc.replace('.000Z', 'Z');
  return new Date(ms + 2 * HOUR).toISOString().replace('.000Z', '+02:00');
}

/** The `data` of the last answers of the booking calls, as sent. */
interface Answered {
  created?: Json;
  decided?: Json;
  booking?: Json;
}

/**
 * The §4 paths answered with generated answers of `fill` and `variant`: two charge points on two
 * pages, one bookable EVSE each. What the booking calls answered is kept in `answered`.
 */
function generatedApi(
  fill: Fill,
  variant: number,
  answered: Answered = {},
  decision: Json = { status: 'approved', bookingId: 900 },
): HttpHandler[] {
  const g = (method: string, template: string, status?: number): Json =>
    answer(fill, variant, method, template, status);
  const from = firstSlotStart();
  const window = { startAt: written(from, variant), endAt: written(from + 6 * HOUR, variant) };
  let created: Json = {};
  let cancelling = false;
  return [
    http.get(`${API}/resources/locations/v2.0/:id`, () =>
      HttpResponse.json(g('GET', '/resources/locations/v2.0/{location}')),
    ),
    http.get(`${API}/resources/charge-points/v2.0`, ({ request }) => {
      const page = g('GET', '/resources/charge-points/v2.0');
      const next = `${location.origin}${API}/resources/charge-points/v2.0?filter[locationId]=7&cursor=two`;
      const second = new URL(request.url).searchParams.get('cursor') === 'two';
      const links = {
        ...(page.links as Json | undefined),
        next: second ? (fill === 'required' ? undefined : null) : next,
      };
      return HttpResponse.json({ ...page, data: [item(page, { id: second ? 102 : 101 })], links });
    }),
    http.get(`${API}/resources/charge-points/v2.0/:cp/evses`, ({ params }) => {
      const list = g('GET', '/resources/charge-points/v2.0/{chargePoint}/evses');
      const evse = item(list, { id: Number(params.cp) * 10, bookingEnabled: true, status: 'enabled' });
      return HttpResponse.json({ ...list, data: [evse], links: { next: null } });
    }),
    http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, () => {
      const availability = g('POST', '/actions/locations/v2.0/{location}/check-booking-availability');
      const data = [1010, 1020].map((evseId) => item(availability, { evseId, availableSlots: [window] }));
      return HttpResponse.json({ ...availability, data });
    }),
    http.post(`${API}/resources/booking-requests/v1.0`, async ({ request }) => {
      const body = (await request.json()) as Json;
      const reply = g('POST', '/resources/booking-requests/v1.0', 201);
      cancelling = body.type === 'cancel';
      const id = cancelling ? 556 : 555;
      const data = { ...(reply.data as Json), id, status: 'pending', type: body.type };
      if (!cancelling) created = answered.created = data;
      return HttpResponse.json({ ...reply, data, meta: { capability: capabilityOf(id) } }, { status: 201 });
    }),
    http.get(`${API}/resources/booking-requests/v1.0/:id`, ({ params }) => {
      const read = g('GET', '/resources/booking-requests/v1.0/{bookingRequest}');
      const request = Number(params.id) === 556 ? { type: 'cancel' } : created;
      const data = { ...(read.data as Json), ...request, ...(request === created ? decision : { status: 'approved' }) };
      if (request === created) answered.decided = data;
      return HttpResponse.json({ ...read, data });
    }),
    http.get(`${API}/resources/bookings/v1.0/:id`, () => {
      const read = g('GET', '/resources/bookings/v1.0/{booking}');
      const data = { ...(read.data as Json), id: 900, status: cancelling ? 'cancelled' : 'accepted' };
      answered.booking = data;
      return HttpResponse.json({ ...read, data });
    }),
  ];
}

/** A button of the status tracker (the confirmation card) whose text contains `text`. */
const trackerButton = (el: EvBookingWidget, text: string): HTMLButtonElement | undefined =>
  [...(el.shadowRoot!.querySelector('ev-status-tracker')?.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (button) => button.textContent?.includes(text),
  );

const FILLS: readonly Fill[] = ['required', 'all', 'nulls'];

describe('the widget on answers generated from Ampeco’s definition', () => {
  for (const fill of FILLS) {
    for (const variant of [0, 1, 2]) {
      it(`books and cancels on ${fill} answers #${variant}, without an error`, async () => {
        const el = await mount({}, '', { before: generatedApi(fill, variant) });
        const errors: unknown[] = [];
        el.addEventListener('ev-booking-error', (event) => errors.push(event.detail));
        await waitUntil(() => radios(el).length === 3, 'any port and the two EVSEs of the two pages');
        expect(el.shadowRoot!.querySelector('h2')?.textContent?.trim(), 'a heading').not.to.equal('');
        await waitUntil(() => slots(el).length > 0, 'start times');
        slots(el)[0]!.click();
        await typeEmail(el, 'driver@example.com');
        expect(emailInput(el).value).to.equal('driver@example.com');
        const confirmed = oneEvent(el, 'ev-booking-confirmed');
        bookButton(el).click();
        const { detail } = await confirmed;
        expect(detail.booking).to.include({ id: 900 });
        await waitUntil(() => statusText(el).includes('Booking confirmed'), 'the confirmation');

        trackerButton(el, 'Cancel booking')!.click();
        await waitUntil(() => trackerButton(el, 'Yes, cancel'), 'asked to confirm');
        const cancelled = oneEvent(el, 'ev-booking-cancelled');
        trackerButton(el, 'Yes, cancel')!.click();
        expect((await cancelled).detail.booking).to.include({ id: 900, status: 'cancelled' });
        await waitUntil(() => statusText(el).includes('Booking cancelled'), 'the driver is told');
        expect(errors).to.deep.equal([]);
      });
    }
  }
});

/**
 * The next `name` event as the page receives it on `document`: it bubbles out of the shadow roots
 * it crosses (SPEC §5: `bubbles: true, composed: true`), dispatched by `<ev-booking-widget>`.
 */
function onDocument<K extends keyof HTMLElementEventMap>(
  name: K,
  widget: EvBookingWidget,
): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) =>
    document.addEventListener(
      name,
      (event) => {
        expect(event.target, `${name} is dispatched by the widget`).to.equal(widget);
        expect(event.bubbles && event.composed, `${name} bubbles and is composed`).to.be.true;
        resolve(event as HTMLElementEventMap[K]);
      },
      { once: true },
    ),
  );
}

/** Mounts the widget on generated answers and chooses the first start with an email, ready for Book. */
async function readyToBook(handlers: HttpHandler[]): Promise<EvBookingWidget> {
  const el = await mount({}, '', { before: handlers });
  await waitUntil(() => slots(el).length > 0, 'start times');
  slots(el)[0]!.click();
  await typeEmail(el, 'driver@example.com');
  return el;
}

describe('the events carry Ampeco’s objects as answered (SPEC §5)', () => {
  it('ev-booking-requested, -confirmed and -cancelled: every field of the request and the booking, unknown ones too', async () => {
    const answered: Answered = {};
    const el = await readyToBook(generatedApi('all', 0, answered));
    const requested = onDocument('ev-booking-requested', el);
    const confirmed = onDocument('ev-booking-confirmed', el);
    bookButton(el).click();
    expect((await requested).detail).to.deep.equal({ bookingRequest: answered.created });
    expect((await confirmed).detail).to.deep.equal({ bookingRequest: answered.decided, booking: answered.booking });
    expect(Object.keys(answered.booking!)).to.include.members(['accessMethods', 'sessionId', UNKNOWN_PROPERTY]);

    await waitUntil(() => statusText(el).includes('Booking confirmed'), 'the confirmation');
    trackerButton(el, 'Cancel booking')!.click();
    await waitUntil(() => trackerButton(el, 'Yes, cancel'), 'asked to confirm');
    const cancelled = onDocument('ev-booking-cancelled', el);
    trackerButton(el, 'Yes, cancel')!.click();
    expect((await cancelled).detail).to.deep.equal({ booking: answered.booking });
  });

  it('ev-booking-rejected: the request as answered and its rejectionReason', async () => {
    const answered: Answered = {};
    const decision = { status: 'rejected', rejectionReason: 'Overlaps booking 77' };
    const el = await readyToBook(generatedApi('all', 1, answered, decision));
    const rejected = onDocument('ev-booking-rejected', el);
    bookButton(el).click();
    const { detail } = await rejected;
    expect(detail).to.deep.equal({ bookingRequest: answered.decided, reason: 'Overlaps booking 77' });
  });
});

describe('empty lists, as a location without ports answers them', () => {
  it('no charge point: the port list says there is none, no error, no "Choose a port" and no times', async () => {
    const empty = [
      http.get(`${API}/resources/charge-points/v2.0`, () => HttpResponse.json({ data: [], links: { next: null } })),
      http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, () => HttpResponse.json({ data: [] })),
    ];
    const el = await mount({}, '', { before: empty, ready: false });
    const errors: unknown[] = [];
    el.addEventListener('ev-booking-error', (event) => errors.push(event.detail));
    const portList = (): string => el.shadowRoot!.querySelector('ev-port-list')?.shadowRoot?.textContent ?? '';
    await waitUntil(() => portList().includes('No bookable ports here'), 'the port list says so');
    await el.updateComplete;
    expect(el.shadowRoot!.textContent, 'nothing to choose').not.to.contain('Choose a port');
    expect(el.shadowRoot!.querySelector('ev-slot-grid')!.hidden, 'no times').to.be.true;
    expect(errors).to.deep.equal([]);
  });
});
