/**
 * The availability week by week (issue 15 §2): with `days="28"` the start times show once the
 * location and the first week have answered; the days of the later weeks say they are loading
 * (not "Full") until their week answers, then fill in; a later week that fails says so on its
 * days, with "Try again", and the first week's times stay. Any port on a later day books the port
 * whose window in that week holds the booking.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, firstSlotStart } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw } from '../support/msw.js';
import { bookButton, inPart, iso, mount, radios, slots, typeEmail } from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The first whole hour a day into a later week: the one start each later week offers. */
const laterStart = (startAfter: string): number => Math.ceil((Date.parse(startAfter) + DAY) / HOUR) * HOUR;

interface Weeks {
  handler: ReturnType<typeof http.post>;
  /** Lets the later weeks answer. */
  release: () => void;
  /** The start each later week offers, once asked. */
  laterStarts: () => number[];
}

/**
 * The availability: the first week (the request starting earliest) answers at once with a window
 * on EVSE 1001; each later week waits for `release()`, then answers with a window on EVSE 1004
 * only, or `fail` (a status) while `failing()` says so.
 */
function weeks({ failing = () => false }: { failing?: () => boolean } = {}): Weeks {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const starts = new Set<number>();
  let first: string | undefined;
  const handler = http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, async ({ request }) => {
    const { startAfter } = (await request.json()) as { startAfter: string; endBefore: string };
    first ??= startAfter;
    const window = (start: number): { startAt: string; endAt: string }[] => [
      { startAt: iso(start), endAt: iso(start + 2 * HOUR) },
    ];
    if (Date.parse(startAfter) <= Date.parse(first)) {
      const from = firstSlotStart();
      return HttpResponse.json({
        data: [1001, 1004].map((evseId) => ({ evseId, availableSlots: evseId === 1001 ? window(from) : [] })),
      });
    }
    await released;
    if (failing()) return HttpResponse.json({ message: 'Forbidden' }, { status: 403 });
    const start = laterStart(startAfter);
    starts.add(start);
    return HttpResponse.json({
      data: [1001, 1004].map((evseId) => ({ evseId, availableSlots: evseId === 1004 ? window(start) : [] })),
    });
  });
  return { handler, release, laterStarts: () => [...starts].sort((a, b) => a - b) };
}

const tabs = (el: EvBookingWidget): HTMLButtonElement[] => inPart(el, 'ev-slot-grid', '[role=tab]');
const countOf = (tab: HTMLElement): string => tab.querySelector('.count')!.textContent!.trim();
const panelText = (el: EvBookingWidget): string =>
  inPart(el, 'ev-slot-grid', '[role=tabpanel]')[0]!.textContent!.replace(/\s+/g, ' ');

/** Shows the day of `instant` (its tab is the one whose id holds that date in the location's zone). */
async function showDayOf(el: EvBookingWidget, instant: number): Promise<void> {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Sofia' }).format(instant);
  const tab = tabs(el).find((candidate) => candidate.id === `tab-${date}`);
  if (!tab) throw new Error(`no tab for ${date}`);
  tab.click();
  await el.updateComplete;
  await el.shadowRoot!.querySelector('ev-slot-grid')!.updateComplete;
}

describe('a 28-day availability week by week', () => {
  it('shows the first week’s times while the later weeks load; their days say so, then fill in', async () => {
    const held = weeks();
    const el = await mount({}, 'days="28"', { ready: false, before: [held.handler] });
    await waitUntil(() => slots(el).length > 0, 'no start times while the later weeks were held');
    expect(slots(el)[0]!.dataset['start']).to.equal(iso(firstSlotStart()));
    const later = tabs(el).slice(8);
    expect(later.length, 'the later weeks’ days are in the strip').to.be.greaterThan(15);
    expect(
      later.map(countOf).filter((count) => count !== 'Loading'),
      'every day of the later weeks says it is loading',
    ).to.deep.equal([]);
    expect(tabs(el).at(-1)!.textContent, 'not "Full"').not.to.include('Full');

    tabs(el).at(-1)!.click();
    await waitUntil(() => panelText(el).includes('still loading'), 'the day does not say its times load');
    expect(inPart(el, 'ev-slot-grid', '[role=tabpanel] [role=status]')).to.have.length(1);

    held.release();
    await waitUntil(() => !tabs(el).some((tab) => countOf(tab) === 'Loading'), 'the later weeks never filled in');
    const [start] = held.laterStarts();
    await showDayOf(el, start!);
    expect(slots(el).map((slot) => slot.dataset['start'])).to.include(iso(start!));
  });

  it('books a later day’s start with any port on the port whose window in that week holds it', async () => {
    const held = weeks();
    held.release();
    const el = await mount({}, 'days="28"', { before: [held.handler] });
    await waitUntil(() => held.laterStarts().length === 4, 'the later weeks were not asked');
    await waitUntil(() => !tabs(el).some((tab) => countOf(tab) === 'Loading'), 'the later weeks never filled in');
    expect(radios(el)[0]!.checked, 'any port').to.be.true;
    const start = held.laterStarts()[1]!;
    await showDayOf(el, start);
    slots(el)
      .find((slot) => slot.dataset['start'] === iso(start))!
      .click();
    await typeEmail(el, 'driver@example.com');
    const log = recordRequests(`${API}/resources/booking-requests`);
    bookButton(el).click();
    await waitUntil(() => log.requests.some((r) => r.method === 'POST'), 'Book never sent', { timeout: 5000 });
    await log.settled();
    log.stop();
    expect(log.requests.find((r) => r.method === 'POST')!.body).to.include({ evseId: 1004, startAt: iso(start) });
  });

  it('a later week that fails says so on its days with Try again, keeping the first week', async () => {
    let failing = true;
    const held = weeks({ failing: () => failing });
    held.release();
    const errors: string[] = [];
    const el = await mount({}, 'days="28"', { ready: false, before: [held.handler] });
    el.addEventListener('ev-booking-error', (event) => errors.push(event.detail.code));
    await waitUntil(() => tabs(el).at(-1) && countOf(tabs(el).at(-1)!) === 'Not loaded', 'the failure is not shown');
    expect(slots(el)[0]!.dataset['start'], 'the first week stays').to.equal(iso(firstSlotStart()));
    expect(
      tabs(el)
        .slice(8)
        .map(countOf)
        .filter((count) => count !== 'Not loaded'),
      'every day of the failed weeks says so',
    ).to.deep.equal([]);
    expect(errors, 'the page is told').to.include('forbidden');

    tabs(el).at(-1)!.click();
    await waitUntil(() => panelText(el).includes('could not be loaded'), 'the day does not say it failed');
    const alert = inPart(el, 'ev-slot-grid', '[role=tabpanel] [role=alert]')[0]!;
    const retry = alert.querySelector('button')!;
    expect(retry.textContent).to.include('Try again');

    failing = false;
    retry.click();
    await waitUntil(() => !tabs(el).some((tab) => /Not loaded|Loading/.test(countOf(tab))), 'Try again did not load');
    const start = held.laterStarts().at(-1)!;
    await showDayOf(el, start);
    expect(slots(el).map((slot) => slot.dataset['start'])).to.include(iso(start));
    await showDayOf(el, firstSlotStart());
    expect(slots(el)[0]!.dataset['start'], 'the first week is still there').to.equal(iso(firstSlotStart()));
  });
});
