/**
 * "Any available port" in the whole widget (issue 14, SPEC §4 step 5): the default choice, start
 * times as the union over fitting ports, Book sending a port whose window holds the whole booking.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { API, firstSlotStart } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw } from '../support/msw.js';
import { bookButton, inPart, iso, mount, radios, slots, typeEmail } from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

const HOUR = 3_600_000;

/** Port A (1001) is free for one hour from the first start, Port C (1004) for six. */
const availability = http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, () => {
  const from = firstSlotStart();
  const window = (hours: number): { startAt: string; endAt: string }[] => [
    { startAt: iso(from), endAt: iso(from + hours * HOUR) },
  ];
  return HttpResponse.json({
    data: [
      { evseId: 1001, availableSlots: window(1) },
      { evseId: 1004, availableSlots: window(6) },
    ],
  });
});

async function bookFirstStart(minutes: number): Promise<{ evseId: unknown; startAt: unknown; endAt: unknown }> {
  sessionStorage.clear(); // no pending booking of an earlier mount to resume
  const el = await mount({}, '', { before: [availability] });
  expect(radios(el)[0]!.checked, 'any port is the default').to.be.true;
  const picker = el.shadowRoot!.querySelector('ev-duration-picker')!;
  picker.shadowRoot!.querySelector<HTMLInputElement>(`input[value="${minutes}"]`)!.click();
  await waitUntil(() => slots(el).length > 0, 'starts offered with any port');
  slots(el)[0]!.click();
  await typeEmail(el, 'driver@example.com');
  const log = recordRequests(`${API}/resources/booking-requests`);
  bookButton(el).click();
  await waitUntil(() => log.requests.some((r) => r.method === 'POST'), 'Book sent', { timeout: 5000 });
  await log.settled();
  log.stop();
  // Off the page, it stops: its pending booking, kept when its create answers, is not there for the next mount to resume.
  el.remove();
  return log.requests.find((r) => r.method === 'POST')!.body as { evseId: unknown; startAt: unknown; endAt: unknown };
}

describe('any available port', () => {
  it('offers the union of the fitting ports’ starts', async () => {
    const el = await mount({}, '', { before: [availability] });
    await waitUntil(() => slots(el).length > 0);
    // 60 minutes: Port A holds the first start only, Port C eleven more (6 h at a 30-minute step).
    expect(slots(el).map((s) => s.dataset['start'])[0]).to.equal(iso(firstSlotStart()));
    expect(slots(el).length).to.equal(11);
    expect(inPart(el, 'ev-email-form', '[part=summary]').length).to.equal(0);
  });

  it('books the first port in list order whose window holds the whole booking', async () => {
    const hour = await bookFirstStart(60);
    expect(hour).to.include({ evseId: 1001, startAt: iso(firstSlotStart()) });
    const longer = await bookFirstStart(90);
    expect(longer).to.include({
      evseId: 1004,
      startAt: iso(firstSlotStart()),
      endAt: iso(firstSlotStart() + 1.5 * HOUR),
    });
  });

  it('narrows to a connector type: only DC ports count', async () => {
    const el = await mount({}, 'connector-types="ccs2"', { before: [availability] });
    await waitUntil(() => slots(el).length > 0);
    expect(
      radios(el).map((r) => r.closest('label')!.textContent!.replace(/\s+/g, ' ').trim().split(' ')[0]),
    ).to.deep.equal(['Any', 'Port']);
    expect(slots(el).length).to.equal(11);
  });
});
