import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bookedEvseId, bookedEvseIds } from '../../src/booking/booked-evses.js';
import { BookingResponse } from '../../src/api/booking-schemas.js';

/** A booking as Ampeco answers `GET /resources/bookings/v1.0/{id}?include[]=bookedEvses`, parsed by the widget. */
const parsed = (bookedEvses?: unknown): Parameters<typeof bookedEvseIds>[0] =>
  BookingResponse.parse({
    data: {
      id: 100,
      locationId: 7,
      startAt: '2026-03-01T10:00:00Z',
      endAt: '2026-03-01T11:00:00Z',
      status: 'accepted',
      createdAt: '2026-02-28T14:30:01Z',
      lastUpdatedAt: '2026-02-28T14:30:01Z',
      ...(bookedEvses === undefined ? {} : { bookedEvses }),
    },
  }).data;

describe('bookedEvseIds', () => {
  it('gives the ids of bookedEvses, in order, once each', () => {
    assert.deepEqual(bookedEvseIds(parsed([{ id: 15 }])), [15]);
    assert.deepEqual(bookedEvseIds(parsed([{ id: 16 }, { id: 15 }, { id: 16 }])), [16, 15]);
  });

  it('gives none when the booking names no EVSE (a listed booking, or none at all)', () => {
    assert.deepEqual(bookedEvseIds(parsed()), []);
    assert.deepEqual(bookedEvseIds(parsed(null)), []);
    assert.deepEqual(bookedEvseIds(parsed([])), []);
    assert.deepEqual(bookedEvseIds(null), []);
  });

  it('ignores a nested `evse`, which the definition does not have', () => {
    const booking = BookingResponse.parse({
      data: { ...parsed(), evse: { id: 15, label: 'Port A' } },
    }).data;
    assert.deepEqual(bookedEvseIds(booking), []);
    assert.equal('evse' in booking, false);
  });
});

describe('bookedEvseId: the port the confirmation names', () => {
  it('is the requested one when the booking holds it', () => {
    assert.equal(bookedEvseId(parsed([{ id: 16 }, { id: 15 }]), 15), 15);
  });

  it('is the one the booking holds when another was requested (or none)', () => {
    assert.equal(bookedEvseId(parsed([{ id: 16 }]), 15), 16);
    assert.equal(bookedEvseId(parsed([{ id: 16 }]), null), 16);
  });

  it('is the requested one when the booking names none, else unknown', () => {
    assert.equal(bookedEvseId(parsed(), 15), 15);
    assert.equal(bookedEvseId(null, 15), 15);
    assert.equal(bookedEvseId(parsed(), undefined), undefined);
  });
});
