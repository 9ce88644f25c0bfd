import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/api/errors.js';
import type { Booking, BookingRequest } from '../../src/api/schemas.js';
import type { BookingFilter } from '../../src/api/client.js';
import { bookingUserId, findConfirmedBooking, newExternalId } from '../../src/booking/flow.js';

const approved: BookingRequest = {
  id: 31,
  status: 'approved',
  userId: 42,
  locationId: 7,
  evseId: 15,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
};

const booking = (id: number, extra: Partial<Booking> = {}): Booking => ({
  id,
  userId: 42,
  locationId: 7,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
  status: 'accepted',
  ...extra,
});

function fakeClient(bookings: Booking[]): {
  calls: string[];
  getBooking(id: number): Promise<Booking>;
  listBookings(filter: BookingFilter): Promise<Booking[]>;
} {
  const calls: string[] = [];
  return {
    calls,
    getBooking: async (id) => {
      calls.push(`get ${id}`);
      return booking(id);
    },
    listBookings: async (filter) => {
      calls.push(`list ${JSON.stringify(filter)}`);
      return bookings;
    },
  };
}

describe('findConfirmedBooking', () => {
  it('reads the booking by bookingId when the request carries one', async () => {
    const client = fakeClient([]);
    const found = await findConfirmedBooking(client, { ...approved, bookingId: 100 });
    assert.equal(found?.id, 100);
    assert.deepEqual(client.calls, ['get 100']);
  });

  it('otherwise finds it among the user bookings by location and start instant', async () => {
    const client = fakeClient([
      booking(1, { startAt: '2026-03-01T11:00:00Z' }),
      booking(2, { locationId: 8 }),
      booking(3, { startAt: '2026-03-01T12:00:00+02:00' }), // the same instant, another notation
    ]);
    const found = await findConfirmedBooking(client, approved);
    assert.equal(found?.id, 3);
    assert.deepEqual(client.calls, ['list {"userId":42,"locationId":7}']);
  });

  it('prefers the same EVSE, then the newest', async () => {
    const client = fakeClient([
      booking(4, { bookedEvses: [{ id: 16 }] }),
      booking(5, { bookedEvses: [{ id: 17 }, { id: 15 }] }),
      booking(6, { bookedEvses: [{ id: 16 }] }),
      booking(7),
    ]);
    assert.equal((await findConfirmedBooking(client, approved))?.id, 5);
    assert.equal((await findConfirmedBooking(client, { ...approved, evseId: 99 }))?.id, 7);
    assert.equal((await findConfirmedBooking(client, { ...approved, evseId: null }))?.id, 7);
  });

  it('answers null when no booking matches or the request lacks what to match on', async () => {
    assert.equal(
      await findConfirmedBooking(fakeClient([booking(1, { startAt: '2026-03-02T10:00:00Z' })]), approved),
      null,
    );
    const client = fakeClient([booking(1)]);
    assert.equal(await findConfirmedBooking(client, { ...approved, userId: null }), null);
    assert.deepEqual(client.calls, []);
  });
});

describe('bookingUserId', () => {
  it('turns the string id of a user into the integer a booking request needs', () => {
    assert.equal(bookingUserId({ id: '42' }), 42);
    assert.equal(bookingUserId({ id: 42 }), 42);
  });

  it('refuses ids that are not positive integers', () => {
    for (const id of ['abc', '', '4.2', '0', '-1', '99999999999999999999', undefined]) {
      assert.throws(
        () => bookingUserId({ id }),
        (e: unknown) => e instanceof ApiError && e.code === 'bad-response',
      );
    }
  });
});

describe('newExternalId', () => {
  it('makes a fresh UUID v4 each time', () => {
    const a = newExternalId();
    assert.match(a, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.notEqual(a, newExternalId());
  });

  it('works without crypto.randomUUID (pages served over http)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      assert.match(newExternalId(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
