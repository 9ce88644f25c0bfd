/**
 * The start times after one round trip (SPEC §4 v2, issue 15 §1): with "any port" and no connector
 * filter they are shown from the location and the availability alone; the ports' details (steps
 * 2–3) fill in after, withdraw the starts of ports that are not bookable, and Book waits for them.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { API, firstSlotStart } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw } from '../support/msw.js';
import { bookButton, inPart, iso, mount, radios, slots, typeEmail } from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const HOUR = 3_600_000;

/** Holds the charge points' request until `release()`: then it falls through to the fixture, which answers. */
function heldChargePoints(): { handler: ReturnType<typeof http.get>; release: () => void; asked: () => boolean } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let asked = false;
  const handler = http.get(`${API}/resources/charge-points/v2.0`, async () => {
    asked = true;
    await released;
    return undefined;
  });
  return { handler, release, asked: () => asked };
}

const portList = (el: HTMLElement): Element => el.shadowRoot!.querySelector('ev-port-list')!;

describe('start times before the ports', () => {
  it('shows the start times before the charge points answer, the port list still loading', async () => {
    const held = heldChargePoints();
    const el = await mount({}, '', { ready: false, before: [held.handler] });
    await waitUntil(() => slots(el).length > 0, 'no start times before the charge points answered');
    expect(held.asked(), 'the charge points were asked').to.be.true;
    expect(slots(el)[0]!.dataset['start']).to.equal(iso(firstSlotStart()));
    expect(radios(el).length, 'no port details yet').to.equal(0);
    expect(portList(el).hasAttribute('loading'), 'the port list shows it is loading').to.be.true;
    held.release();
    await waitUntil(() => radios(el).length > 0, 'the ports never filled in');
    expect(radios(el)[0]!.checked, 'any port stays chosen').to.be.true;
  });

  it('Book made before the ports answer waits for them, then sends a bookable port once', async () => {
    const held = heldChargePoints();
    const el = await mount({}, '', { ready: false, before: [held.handler] });
    await waitUntil(() => slots(el).length > 0, 'no start times');
    slots(el)[0]!.click();
    await typeEmail(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    bookButton(el).click();
    bookButton(el).click();
    await el.updateComplete;
    expect(
      log.requests.filter((r) => r.method === 'POST'),
      'nothing sent before the ports',
    ).to.have.length(0);
    const button = inPart<HTMLButtonElement>(el, 'ev-email-form', 'button[type=submit]')[0]!;
    expect(button.getAttribute('aria-disabled'), 'the button waits').to.equal('true');
    held.release();
    await waitUntil(() => log.requests.some((r) => r.method === 'POST'), 'Book never sent', { timeout: 5000 });
    await log.settled();
    log.stop();
    const posts = log.requests.filter((r) => r.method === 'POST');
    expect(posts).to.have.length(1);
    expect(posts[0]!.body).to.include({ evseId: 1001, startAt: iso(firstSlotStart()) });
  });

  it('withdraws a start held only by a port that is not bookable when the ports arrive', async () => {
    const held = heldChargePoints();
    const from = firstSlotStart();
    const window = (start: number): { startAt: string; endAt: string }[] => [
      { startAt: iso(start), endAt: iso(start + HOUR) },
    ];
    // Port A (1001) and Port C (1004) are free at `from`; only Port B (1002, out of order) an hour later.
    const availability = http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, () =>
      HttpResponse.json({
        data: [
          { evseId: 1001, availableSlots: window(from) },
          { evseId: 1002, availableSlots: window(from + HOUR) },
          { evseId: 1004, availableSlots: window(from) },
        ],
      }),
    );
    const el = await mount({}, '', { ready: false, before: [held.handler, availability] });
    await waitUntil(() => slots(el).length === 2, 'the union over the availability’s EVSEs');
    expect(slots(el).map((s) => s.dataset['start'])).to.deep.equal([iso(from), iso(from + HOUR)]);
    held.release();
    await waitUntil(() => radios(el).length > 0, 'the ports never filled in');
    await waitUntil(() => slots(el).length === 1, 'the out-of-order port’s start stayed');
    expect(slots(el)[0]!.dataset['start']).to.equal(iso(from));
  });

  it('the day’s announcement follows its starts withdrawn when the only free port is out of order: Full', async () => {
    const held = heldChargePoints();
    // Only Port B (1002) has starts, and its details then say it is out of order.
    const availability = http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, () =>
      HttpResponse.json({
        data: [
          { evseId: 1002, availableSlots: [{ startAt: iso(firstSlotStart()), endAt: iso(firstSlotStart() + HOUR) }] },
        ],
      }),
    );
    const el = await mount({}, '', { ready: false, before: [held.handler, availability] });
    const announcement = (): string => inPart(el, 'ev-slot-grid', '[role=status]')[0]?.textContent?.trim() ?? '';
    const dayTab = (): string => inPart(el, 'ev-slot-grid', '[role=tab][aria-selected=true]')[0]!.textContent!;
    await waitUntil(() => slots(el).length === 1, 'no start before the ports');
    await waitUntil(() => announcement().endsWith('1 free.'), 'the start shown was not announced', { timeout: 5000 });
    held.release();
    await waitUntil(() => radios(el).length > 0, 'the ports never filled in');
    await waitUntil(() => slots(el).length === 0, 'the out-of-order port’s start stayed');
    const grid = el.shadowRoot!.querySelector('ev-slot-grid')!;
    while (!(await grid.updateComplete));
    expect(dayTab()).to.include('Full');
    expect(announcement()).to.match(/, Full\.$/);
  });

  it('a failure of the charge points after the start times is a load failure', async () => {
    const failing = http.get(`${API}/resources/charge-points/v2.0`, () =>
      HttpResponse.json({ message: 'Forbidden' }, { status: 403 }),
    );
    const el = await mount({}, '', { ready: false, before: [failing] });
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]') !== null, 'no alert', { timeout: 5000 });
    expect(slots(el)).to.have.length(0);
  });
});
