/**
 * The whole booking flow of SPEC §4 through the proxy, with the embedded simulator as upstream
 * (as `ev-booking-proxy` runs without configuration); every answer is parsed with the widget's
 * own schemas, so the proxy's shaping and link rewriting are checked against what the widget reads.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as z from 'zod/mini';
import { AvailabilityResponse, ChargePointList, EvseList, LocationResponse } from '../../src/api/schemas.js';
import { BookingRequest, BookingRequestResponse, BookingResponse } from '../../src/api/booking-schemas.js';
import { createProxy } from '../../server/proxy.js';
import { createSimulator } from '../../server/simulator.js';

const BASE = 'http://localhost:8787/api/ampeco';

/** v2: a create or cancel answers the request and its capability. */
const CreatedResponse = z.object({ data: BookingRequest, meta: z.object({ capability: z.string() }) });

test('the booking flow through the proxy and the simulator', async () => {
  let clock = Date.parse('2026-03-01T06:00:00Z');
  const simulator = createSimulator({ now: () => clock, pendingMs: 1000 });
  let upstreamCalls = 0;
  const proxy = createProxy({
    upstreamUrl: 'http://simulator.invalid/public-api',
    token: 'simulator-token',
    upstreamFetch: (request) => {
      upstreamCalls += 1;
      return simulator.fetch(request);
    },
    now: () => clock,
  });
  const read = async <T>(schema: z.ZodMiniType<T>, url: string, init?: RequestInit): Promise<T> => {
    const response = await proxy(new Request(url, init));
    assert.ok(response.ok, `${url}: ${response.status} ${await response.clone().text()}`);
    return z.parse(schema, await response.json());
  };

  const location = await read(LocationResponse, `${BASE}/resources/locations/v2.0/7`);
  assert.equal(location.data.id, 7);

  const chargePoints: number[] = [];
  const pages: string[] = [];
  for (
    let next: string | null | undefined = `${BASE}/resources/charge-points/v2.0?filter[locationId]=7&per_page=1`;
    next;
  ) {
    assert.ok(next.startsWith(`${BASE}/resources/charge-points/v2.0?`), `links.next stays on the proxy: ${next}`);
    pages.push(next);
    const page: z.infer<typeof ChargePointList> = await read(ChargePointList, next);
    chargePoints.push(...page.data.map((chargePoint) => chargePoint.id));
    next = page.links?.next;
  }
  assert.ok(pages.length >= 2, 'pagination was followed through the proxy');
  assert.ok(chargePoints.length >= 2);
  assert.ok(
    chargePoints.every((id, index) => index === 0 || id !== chargePoints[index - 1]),
    'pages do not repeat',
  );

  const evses = (
    await Promise.all(
      chargePoints.map((id) => read(EvseList, `${BASE}/resources/charge-points/v2.0/${id}/evses?include[]=connectors`)),
    )
  )
    .flatMap((list) => list.data)
    .filter((evse) => evse.bookingEnabled === true);
  assert.ok(evses.length >= 2);

  const json = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const availability = await read(
    AvailabilityResponse,
    `${BASE}/actions/locations/v2.0/7/check-booking-availability`,
    json({ startAfter: '2026-03-02T00:00:00Z', endBefore: '2026-03-03T00:00:00Z' }),
  );
  const slot = availability.data.find((item) => item.availableSlots.length > 0);
  assert.ok(slot !== undefined);

  const connectorTypes = new Set(evses.flatMap((evse) => (evse.connectors ?? []).map((connector) => connector.type)));
  for (const type of ['ccs2', 'type2', 'chademo']) assert.ok(connectorTypes.has(type), `a bookable ${type} port`);

  const userLookup = await proxy(new Request(`${BASE}/resources/users/v1.0?filter[email]=driver%40example.com`));
  assert.equal(userLookup.status, 404, 'no user look-up from the browser (SPEC §9)');

  const start = Date.parse(slot.availableSlots[0]?.startAt ?? '');
  const externalId = 'a3bb189e-8bf9-4888-9912-ace4e6543002';
  const created = await read(
    CreatedResponse,
    `${BASE}/resources/booking-requests/v1.0`,
    json({
      type: 'create',
      email: 'Driver@Example.com',
      locationId: 7,
      evseId: slot.evseId,
      startAt: new Date(start).toISOString().replace('.000', ''),
      endAt: new Date(start + 3_600_000).toISOString().replace('.000', ''),
      externalId,
    }),
  );
  assert.equal(created.data.status, 'pending');
  const capability = { 'x-booking-capability': created.meta.capability };

  const found = await read(
    z.object({ data: z.array(z.object({ id: z.int() })), meta: z.object({ capability: z.string() }) }),
    `${BASE}/resources/booking-requests/v1.0?filter[externalId]=${externalId}`,
  );
  assert.deepEqual(
    found.data.map((item) => item.id),
    [created.data.id],
  );

  clock += 5_000;
  const settled = await read(BookingRequestResponse, `${BASE}/resources/booking-requests/v1.0/${created.data.id}`, {
    headers: capability,
  });
  assert.equal(settled.data.status, 'approved', settled.data.rejectionReason ?? '');
  assert.ok(typeof settled.data.bookingId === 'number');
  const bookingUrl = `${BASE}/resources/bookings/v1.0/${settled.data.bookingId}`;
  const booking = await read(BookingResponse, bookingUrl, { headers: capability });
  assert.equal(booking.data.locationId, 7);
  assert.equal(booking.data.userId, 42, 'booked as driver@example.com');

  const cancel = await read(CreatedResponse, `${BASE}/resources/booking-requests/v1.0`, {
    ...json({ type: 'cancel', bookingId: settled.data.bookingId }),
    headers: { 'content-type': 'application/json', ...capability },
  });
  clock += 5_000;
  const cancelled = await read(BookingRequestResponse, `${BASE}/resources/booking-requests/v1.0/${cancel.data.id}`, {
    headers: { 'x-booking-capability': cancel.meta.capability },
  });
  assert.equal(cancelled.data.status, 'approved');
  const after = await read(BookingResponse, bookingUrl, { headers: capability });
  assert.equal(after.data.status, 'cancelled', "the booking's own capability keeps reading it");

  const callsBefore = upstreamCalls;
  await read(LocationResponse, `${BASE}/resources/locations/v2.0/7`);
  await read(ChargePointList, pages[0] ?? '');
  assert.equal(upstreamCalls, callsBefore, 'metadata comes from the cache on the next page view');
});
