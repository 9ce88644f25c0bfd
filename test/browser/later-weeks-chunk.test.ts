/**
 * The later weeks' code on demand (issues 12/14): following the availability's weeks after the
 * first (adding each as it answers, their loading and failed days, Try again) is a module of its
 * own (a chunk beside the script-tag bundle once built), requested only by a page of more than 7
 * days, beside its first requests; a 7-day page (the default: one availability request) never
 * asks for it. Served here by the test server (`/src/controllers/availability-weeks.ts`) and seen
 * by msw's worker; a module is fetched once per page, so the 7-day page is this file's first test.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { describe, it, recordRequests, useMsw, type RequestLog } from '../support/msw.js';
import { chooseFirstSlot, mount, slots } from '../support/widget-driver.js';

useMsw();

const LATER_WEEKS = /\/src\/controllers\/availability-weeks\.ts/;
const requested = (log: RequestLog): boolean => log.requests.some((request) => LATER_WEEKS.test(request.url));
const availabilityRequests = (log: RequestLog): number =>
  log.requests.filter((request) => request.url.includes('check-booking-availability')).length;

describe('the later weeks’ code on demand', () => {
  it('is never requested by a 7-day page, through its start times, ports and the booking stage', async () => {
    const log = recordRequests();
    try {
      const el = await mount();
      await waitUntil(() => slots(el).length > 0, 'no start times');
      await chooseFirstSlot(el);
      // The booking stage is requested once a start is chosen: the page has asked all it asks before Book.
      await waitUntil(() => log.requests.some((request) => /booking-stage\.ts/.test(request.url)), 'no stage');
      expect(availabilityRequests(log), 'one availability request').to.equal(1);
      expect(requested(log), 'the later weeks’ code was requested').to.be.false;
    } finally {
      log.stop();
    }
  });

  it('is requested by a 28-day page, which asks its five requests (2 days, then weeks) at once', async () => {
    const log = recordRequests();
    try {
      const el = await mount({}, 'days="28"', { ready: false });
      await waitUntil(() => requested(log), 'the later weeks’ code was never requested');
      await waitUntil(() => availabilityRequests(log) === 5, 'not five availability requests');
      await waitUntil(() => slots(el).length > 0, 'no start times');
    } finally {
      log.stop();
    }
  });
});
