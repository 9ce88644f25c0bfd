/**
 * The booking stage after a reload (issues 12/14, SPEC §8, §10): a pending request kept in
 * `sessionStorage` is followed without the driver choosing anything, so finding it loads the
 * booking stage (`/src/booking/booking-stage.ts` here, a chunk once built), after the first start times'
 * requests. Its own file: a module is fetched once per page (see `booking-stage.test.ts`).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/index.js';
import { capabilityOf, createAmpecoFixture, firstSlotStart } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw, worker, type RequestLog } from '../support/msw.js';

useMsw();

const PENDING_KEY = 'ev-booking-widget:pending:/api/ampeco:7';

let log: RequestLog | undefined;
afterEach(() => {
  log?.stop();
  sessionStorage.clear();
});

describe('the booking stage after a reload', () => {
  it('is loaded to follow a kept pending request, after the first start times were asked for', async () => {
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
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ request: existing, capability: capabilityOf(555) }));
    worker.use(...createAmpecoFixture({ existingRequest: existing }));
    log = recordRequests();
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget');
    el.setAttribute('location-id', '7');
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    container.append(el);

    const event = await confirmed;
    expect(event.detail.bookingRequest).to.include({ id: 555, status: 'approved' });
    const urls = log.requests.map((request) => request.url);
    const stage = urls.findIndex((url) => url.includes('/src/booking/booking-stage.ts'));
    const availability = urls.findIndex((url) => url.includes('/check-booking-availability'));
    expect(stage, 'the stage was requested').to.be.greaterThan(-1);
    expect(availability, 'the start times were asked for first').to.be.within(0, stage);
  });
});
