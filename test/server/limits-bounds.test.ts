/**
 * The bounds of a create (server/limits/bounds.ts) and the active bookings per driver
 * (server/limits/active-bookings.ts), in memory and across two instances on a real Redis.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import {
  activeCheck,
  createActiveBookings,
  isReservation,
  type ActiveBookings,
  type ActiveCheck,
  type Reservation,
} from '../../server/limits/active-bookings.js';
import { checkBookingBounds, locationAllowed, type BoundRefusal } from '../../server/limits/bounds.js';
import { parseLimitsConfig } from '../../server/limits/config.js';
import { connectRedis } from '../../server/limits/redis.js';
import { startRedis, type RedisProcess } from './redis.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function span(startOffsetMs: number, minutes: number, locationId = 7) {
  return {
    locationId,
    startAt: new Date(NOW + startOffsetMs).toISOString(),
    endAt: new Date(NOW + startOffsetMs + minutes * 60_000).toISOString(),
  };
}

describe('bounds of one create', () => {
  const defaults = parseLimitsConfig({});

  test('a booking tomorrow for an hour keeps every bound', () => {
    assert.equal(checkBookingBounds(defaults, span(DAY, 60), NOW), null);
  });

  test('a start in year 9999 is refused: 422 body with message, errors.startAt and reason', () => {
    const far = { locationId: 7, startAt: '9999-01-01T10:00:00Z', endAt: '9999-01-01T11:00:00Z' };
    assert.deepEqual(checkBookingBounds(defaults, far, NOW), {
      message: 'The given data was invalid.',
      errors: { startAt: ['A booking must start within the next 28 days.'] },
      reason: 'beyond-horizon',
    });
  });

  test('the horizon is BOOKING_HORIZON_DAYS: day 28 is in, day 29 is out', () => {
    assert.equal(checkBookingBounds(defaults, span(28 * DAY, 60), NOW), null);
    assert.equal(checkBookingBounds(defaults, span(29 * DAY, 60), NOW)?.reason, 'beyond-horizon');
    const week = parseLimitsConfig({ BOOKING_HORIZON_DAYS: '7' });
    assert.equal(checkBookingBounds(week, span(8 * DAY, 60), NOW)?.reason, 'beyond-horizon');
  });

  test('longer than MAX_BOOKING_MINUTES is refused on endAt', () => {
    assert.equal(checkBookingBounds(defaults, span(HOUR, 1440), NOW), null);
    const refused = checkBookingBounds(defaults, span(HOUR, 1441), NOW);
    assert.equal(refused?.reason, 'too-long');
    assert.deepEqual(refused?.errors, { endAt: ['A booking must not be longer than 1440 minutes.'] });
    const short = parseLimitsConfig({ MAX_BOOKING_MINUTES: '90' });
    assert.equal(checkBookingBounds(short, span(HOUR, 120), NOW)?.reason, 'too-long');
  });

  test('ALLOWED_LOCATION_IDS: other locations are refused for booking and for reading', () => {
    const only7 = parseLimitsConfig({ ALLOWED_LOCATION_IDS: '7' });
    assert.equal(checkBookingBounds(only7, span(HOUR, 60, 7), NOW), null);
    const refused = checkBookingBounds(only7, span(HOUR, 60, 8), NOW);
    assert.equal(refused?.reason, 'location-not-allowed');
    assert.ok(refused?.errors['locationId']);
    assert.equal(locationAllowed(only7, 7), true);
    assert.equal(locationAllowed(only7, 8), false);
    assert.equal(locationAllowed(defaults, 8), true);
  });

  test('bounds set off let anything through', () => {
    const off = parseLimitsConfig({ BOOKING_HORIZON_DAYS: 'off', MAX_BOOKING_MINUTES: 'off' });
    assert.equal(checkBookingBounds(off, span(3_000 * DAY, 100_000), NOW), null);
  });
});

/** Upstream's view of booking requests, as the tests set it. */
function upstreamTruth(): { status: Map<number, boolean>; check: ActiveCheck; asked: number[] } {
  const status = new Map<number, boolean>();
  const asked: number[] = [];
  return {
    status,
    asked,
    check: async (requestId) => {
      asked.push(requestId);
      return status.get(requestId) ?? false;
    },
  };
}

async function book(
  ledger: ActiveBookings,
  driver: string,
  truth: ReturnType<typeof upstreamTruth>,
  requestId: number,
): Promise<Reservation | BoundRefusal> {
  const reservation = await ledger.reserve(driver, truth.check);
  if (isReservation(reservation)) {
    truth.status.set(requestId, true);
    await reservation.confirm(requestId, new Date(NOW + DAY).toISOString());
  }
  return reservation;
}

describe('active bookings per driver, in one process', () => {
  test('a third booking for one driver is refused with reason too-many-active-bookings', async () => {
    const ledger = createActiveBookings(2, null, () => NOW);
    const truth = upstreamTruth();
    assert.ok(isReservation(await book(ledger, '42', truth, 1)));
    assert.ok(isReservation(await book(ledger, '42', truth, 2)));
    const third = await book(ledger, '42', truth, 3);
    assert.ok(!isReservation(third));
    assert.equal(third.reason, 'too-many-active-bookings');
    assert.deepEqual(Object.keys(third.errors), ['email']);
    assert.ok(isReservation(await book(ledger, '43', truth, 4)), 'another driver keeps his own places');
  });

  test('counted from upstream truth: a booking upstream no longer holds frees its place', async () => {
    const ledger = createActiveBookings(2, null, () => NOW);
    const truth = upstreamTruth();
    await book(ledger, '42', truth, 1);
    await book(ledger, '42', truth, 2);
    truth.status.set(1, false); // rejected, cancelled or over upstream
    assert.ok(isReservation(await book(ledger, '42', truth, 3)));
    truth.asked.length = 0;
    await ledger.reserve('42', truth.check);
    assert.ok(!truth.asked.includes(1), 'a request found over is forgotten, not asked again');
  });

  test('a released place (create failed upstream) is free again', async () => {
    const ledger = createActiveBookings(1, null, () => NOW);
    const truth = upstreamTruth();
    const reservation = await ledger.reserve('42', truth.check);
    assert.ok(isReservation(reservation));
    await reservation.release();
    assert.ok(isReservation(await ledger.reserve('42', truth.check)));
  });

  test('concurrent creates for one driver never get past the limit', async () => {
    const ledger = createActiveBookings(2, null, () => NOW);
    const truth = upstreamTruth();
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => book(ledger, '42', truth, 10 + i)));
    assert.ok(results.filter(isReservation).length <= 2);
  });

  test('when upstream cannot tell, the create is not let through and holds no place', async () => {
    const ledger = createActiveBookings(1, null, () => NOW);
    const truth = upstreamTruth();
    await book(ledger, '42', truth, 1);
    const failing: ActiveCheck = async () => {
      throw new Error('upstream 503');
    };
    await assert.rejects(ledger.reserve('42', failing), /upstream 503/);
    truth.status.set(1, false);
    assert.ok(isReservation(await ledger.reserve('42', truth.check)));
  });
});

describe('activeCheck: upstream truth of one request', () => {
  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, boolean]> = [
    ['pending request', { '/resources/booking-requests/v1.0/5': { data: { status: 'pending' } } }, true],
    ['rejected request', { '/resources/booking-requests/v1.0/5': { data: { status: 'rejected' } } }, false],
    ['unknown request (404)', {}, false],
    [
      'approved, booking accepted',
      {
        '/resources/booking-requests/v1.0/5': { data: { status: 'approved', bookingId: 9 } },
        '/resources/bookings/v1.0/9': { data: { status: 'accepted', endAt: '2026-03-02T10:00:00Z' } },
      },
      true,
    ],
    [
      'approved, booking cancelled',
      {
        '/resources/booking-requests/v1.0/5': { data: { status: 'approved', bookingId: 9 } },
        '/resources/bookings/v1.0/9': { data: { status: 'cancelled', endAt: '2026-03-02T10:00:00Z' } },
      },
      false,
    ],
    [
      'approved, booking reserved but over',
      {
        '/resources/booking-requests/v1.0/5': { data: { status: 'approved', bookingId: 9 } },
        '/resources/bookings/v1.0/9': { data: { status: 'reserved', endAt: '2026-03-01T09:00:00Z' } },
      },
      false,
    ],
  ];
  for (const [name, answers, active] of cases) {
    test(`${name} → ${active ? 'active' : 'not active'}`, async () => {
      const check = activeCheck(
        async (path) => answers[path] ?? null,
        () => NOW,
      );
      assert.equal(await check(5), active);
    });
  }
});

describe('active bookings on Redis: two instances hold one limit between them', () => {
  let redis: RedisProcess;
  const clients: Redis[] = [];

  before(async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i += 1) clients.push(await connectRedis(redis.url));
  });

  after(async () => {
    for (const client of clients) client.disconnect();
    await redis.stop();
  });

  test('one booking on each instance uses up the driver’s two places', async () => {
    const [first, second] = clients.map((client) => createActiveBookings(2, client, () => NOW));
    assert.ok(first !== undefined && second !== undefined);
    const truth = upstreamTruth();
    assert.ok(isReservation(await book(first, '42', truth, 1)));
    assert.ok(isReservation(await book(second, '42', truth, 2)));
    const third = await book(first, '42', truth, 3);
    assert.ok(!isReservation(third) && third.reason === 'too-many-active-bookings');
    assert.ok(!isReservation(await book(second, '42', truth, 4)));
    truth.status.set(2, false);
    assert.ok(isReservation(await book(first, '42', truth, 5)), 'freed upstream, seen by the other instance');
  });

  test('concurrent creates on both instances never get past the limit', async () => {
    const [first, second] = clients.map((client) => createActiveBookings(2, client, () => NOW));
    assert.ok(first !== undefined && second !== undefined);
    const truth = upstreamTruth();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => book(i % 2 === 0 ? first : second, '77', truth, 100 + i)),
    );
    assert.ok(results.filter(isReservation).length <= 2);
  });
});
