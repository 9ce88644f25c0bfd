/**
 * The booking stage on demand (issues 12/14, SPEC §10): the code that only matters once the driver
 * books (the machine's second half, the booking calls, the tracker's card) is a module of its own
 * (a chunk beside the script-tag bundle once built), requested once the driver picks a start time
 * and never before the first start times; a Book pressed before it arrives waits for it, busy, and
 * is then sent once. Here the module is served by the test server (`/src/booking/booking-stage.ts`) and
 * seen by msw's worker; a module is fetched once per page, so this file's first test is the one
 * that sees the page's first request (the resume case is `booking-stage-resume.test.ts`).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { http, passthrough } from 'msw';
import { API } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw, type RequestLog } from '../support/msw.js';
import { bookButton, chooseFirstSlot, mount, slots, statusText, typeEmail } from '../support/widget-driver.js';

useMsw();

/** The booking stage's module and the ones only it imports. */
const STAGE =
  /\/src\/(booking\/(booking-stage|booking-machine|cancel|poll|tracked)|api\/bookings|controllers\/booking-effects)\.ts/;
const stageRequested = (log: RequestLog): boolean => log.requests.some((request) => STAGE.test(request.url));

let log: RequestLog | undefined;
afterEach(() => {
  log?.stop();
  sessionStorage.clear();
});

describe('the booking stage on demand', () => {
  it('is not requested before a start is chosen; a Book before it arrives waits, busy, and is sent once', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    log = recordRequests();
    const el = await mount({}, '', {
      before: [
        http.get(/\/src\/booking\/booking-stage\.ts/, async () => {
          await held;
          return passthrough();
        }),
      ],
    });
    try {
      await waitUntil(() => slots(el).length > 0, 'no start times');
      expect(stageRequested(log), 'requested before a start was chosen').to.be.false;

      await chooseFirstSlot(el);
      await waitUntil(() => stageRequested(log!), 'the stage was not requested when a start was chosen');
      await typeEmail(el, 'driver@example.com');
      const creates = recordRequests(`${API}/resources/booking-requests`);
      bookButton(el).click();
      await el.updateComplete;
      // The stage is held: Book shows that it is on its way, and nothing is sent yet.
      await waitUntil(() => bookButton(el).textContent?.includes('Booking…'), 'Book does not show it is busy');
      expect(bookButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(creates.requests.filter((r) => r.method === 'POST')).to.have.length(0);

      const requested = oneEvent(el, 'ev-booking-requested');
      release();
      await requested;
      await creates.settled();
      creates.stop();
      expect(creates.requests.filter((r) => r.method === 'POST')).to.have.length(1);
      await waitUntil(() => statusText(el).includes('waiting for confirmation'), 'pending not shown');
    } finally {
      release();
    }
  });
});
