/**
 * The first load's two waves (src/booking/load.ts, SPEC §4 v2): the start times need the location
 * and the availability only, asked with the charge points in at most 6 requests; the EVSE lists
 * follow the charge points; the ports are the bookable ones within `evse-ids`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiClient } from '../../src/api/client.js';
import type { Evse, EvseAvailability } from '../../src/api/schemas.js';
import { portsOfAvailability, startLoad } from '../../src/booking/load.js';

/** A client whose every answer waits for `answer(name)`; `asked` lists the calls in order. */
function heldClient(): { client: ApiClient; asked: string[]; answer: (name: string) => void } {
  const asked: string[] = [];
  const waiting = new Map<string, (() => void)[]>();
  const held = <T>(name: string, value: T): Promise<T> => {
    asked.push(name);
    return new Promise((resolve) => waiting.set(name, [...(waiting.get(name) ?? []), () => resolve(value)]));
  };
  const answer = (name: string): void => {
    for (const resolve of waiting.get(name) ?? []) resolve();
    waiting.delete(name);
  };
  const evses: Record<number, Evse[]> = {
    1: [
      { id: 11, bookingEnabled: true },
      { id: 12, bookingEnabled: false },
    ],
    2: [{ id: 21, bookingEnabled: true }],
  };
  const availability: EvseAvailability[] = [11, 12, 21].map((evseId) => ({ evseId, availableSlots: [] }));
  const client = {
    getLocation: (id: number) => held('location', { id, timezone: 'Europe/Sofia' }),
    checkAvailability: () => held('availability', availability),
    listChargePoints: () =>
      held('charge-points', [
        { id: 1, locationId: 7 },
        { id: 2, locationId: 7 },
      ]),
    listEvses: (chargePointId: number) => held(`evses ${chargePointId}`, evses[chargePointId] ?? []),
  } as unknown as ApiClient;
  return { client, asked, answer };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('startLoad', () => {
  it('shows the start times from the location and the availability, before the charge points answer', async () => {
    const { client, asked, answer } = heldClient();
    const { times, ports } = startLoad(client, { locationId: 7, days: 28, evseIds: [] });
    assert.deepEqual(asked, [
      'location',
      'availability',
      'availability',
      'availability',
      'availability',
      'charge-points',
    ]);
    answer('location');
    answer('availability');
    const data = await times;
    assert.equal(data.portsReady, false);
    assert.equal(data.timeZone, 'Europe/Sofia');
    assert.deepEqual(
      data.ports.map((port) => port.id),
      [11, 12, 21],
      'the availability’s EVSEs stand in for the ports',
    );
    assert.equal(asked.length, 6, 'no more than 6 requests before the start times');

    answer('charge-points');
    await tick();
    assert.deepEqual(asked.slice(6), ['evses 1', 'evses 2'], 'the EVSE lists follow the charge points');
    answer('evses 1');
    answer('evses 2');
    assert.deepEqual(
      (await ports).map((port) => port.id),
      [11, 21],
      'only bookable ports',
    );
  });

  it('a week of days asks one availability window', () => {
    const { client, asked } = heldClient();
    startLoad(client, { locationId: 7, days: 7, evseIds: [] });
    assert.deepEqual(asked, ['location', 'availability', 'charge-points']);
  });
});

describe('portsOfAvailability', () => {
  it('the availability’s EVSEs within evse-ids, as bare ids in its order', () => {
    const availability = new Map([
      [21, []],
      [11, []],
      [12, []],
    ]);
    assert.deepEqual(portsOfAvailability(availability, []), [{ id: 21 }, { id: 11 }, { id: 12 }]);
    assert.deepEqual(portsOfAvailability(availability, [11, 99]), [{ id: 11 }]);
  });
});
