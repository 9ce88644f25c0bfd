/**
 * The first load's two waves (src/booking/load.ts, SPEC §4 v2): the start times need the location
 * and the availability's first request only, asked with the charge points; the EVSE lists follow
 * the charge points, the later weeks the first start times; the ports are the bookable ones within
 * `evse-ids`.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiClient, CallOptions } from '../../src/api/client.js';
import type { Evse, EvseAvailability } from '../../src/api/schemas.js';
import { addWeek, portsOfAvailability, startLoad, type Availability } from '../../src/booking/load.js';
import { unionStarts } from '../../src/booking/ports.js';
import { evseForBooking } from '../../src/booking/book-choice.js';

/** A client whose every answer waits for `answer(name)`; `asked` lists the calls in order. */
function heldClient(): {
  client: ApiClient;
  asked: string[];
  answer: (name: string) => void;
  answerFirst: (name: string) => void;
} {
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
  /** Answers only the first call still waiting under `name`. */
  const answerFirst = (name: string): void => {
    const [first, ...rest] = waiting.get(name) ?? [];
    first?.();
    waiting.set(name, rest);
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
  return { client, asked, answer, answerFirst };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('startLoad', () => {
  it('shows the start times from the location and the availability, before the charge points answer', async () => {
    const { client, asked, answer } = heldClient();
    const { times, ports } = startLoad(client, { locationId: 7, days: 28, evseIds: [] });
    assert.deepEqual(asked, ['location', 'availability', 'charge-points']);
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
    assert.equal(asked.length, 3, 'nothing more asked before the start times');

    answer('charge-points');
    await tick();
    assert.deepEqual(
      asked.filter((name) => name.startsWith('evses')),
      ['evses 1', 'evses 2'],
      'the EVSE lists follow the charge points',
    );
    answer('evses 1');
    answer('evses 2');
    assert.deepEqual(
      (await ports).map((port) => port.id),
      [11, 21],
      'only bookable ports',
    );
  });

  it('shows the start times once the first week answers, the later weeks still out', async () => {
    const { client, answerFirst } = heldClient();
    const { times, weeks } = startLoad(client, { locationId: 7, days: 28, evseIds: [] });
    assert.equal(weeks.length, 5);
    assert.deepEqual(
      weeks.map((week) => (week.to - week.from) / 86_400_000),
      [2, 7, 7, 7, 5],
      'a first request of 2 days (what the first start times wait for), then weeks, back to back',
    );
    assert.equal(weeks[1]!.from, weeks[0]!.to);
    let laterAnswered = 0;
    for (const week of weeks.slice(1)) void week.answer.then(() => laterAnswered++);
    answerFirst('location');
    answerFirst('availability');
    const data = await times;
    assert.equal(data.timeZone, 'Europe/Sofia');
    assert.equal(laterAnswered, 0, 'the later weeks had not answered');
  });

  it('asks the later weeks once the first start times are shown, each with its own time limit', async () => {
    const { client, answerFirst } = heldClient();
    const calls: (CallOptions | undefined)[] = [];
    const checkAvailability = client.checkAvailability.bind(client);
    client.checkAvailability = (locationId, range, call) => {
      calls.push(call);
      return checkAvailability(locationId, range, call);
    };
    const { times, weeks } = startLoad(client, { locationId: 7, days: 28, evseIds: [] }, { since: 1 });
    await tick();
    assert.equal(calls.length, 1, 'the first week alone while it is out');
    answerFirst('location');
    answerFirst('availability');
    await times;
    assert.equal(calls.length, 1, 'not before the times are rendered and painted');
    while (calls.length < 5) await tick();
    assert.equal(weeks.length, 5);
    assert.equal(calls[0]?.since, 1, 'the first week shares the load’s time limit');
    assert.ok(
      calls.slice(1).every((call) => call?.since !== undefined && call.since > 1),
      'each later week’s time limit begins when it is asked',
    );
  });

  it('asks no later week when the first start times fail', async () => {
    const calls: unknown[] = [];
    const client = {
      getLocation: () => Promise.reject(new Error('down')),
      checkAvailability: (...args: unknown[]) => {
        calls.push(args);
        return new Promise(() => undefined);
      },
      listChargePoints: () => new Promise(() => undefined),
      listEvses: () => new Promise(() => undefined),
    } as unknown as ApiClient;
    const { times, weeks } = startLoad(client, { locationId: 7, days: 14, evseIds: [] });
    await assert.rejects(times);
    await Promise.allSettled(weeks.slice(1).map((week) => week.answer));
    assert.equal(calls.length, 1);
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

describe('addWeek', () => {
  const HOUR = 3_600_000;
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000', '');
  const window = (start: number, hours: number): { startAt: string; endAt: string } => ({
    startAt: iso(start),
    endAt: iso(start + hours * HOUR),
  });
  const monday = Date.parse('2026-03-02T08:00:00Z');
  const nextMonday = monday + 7 * 24 * HOUR;

  it('adds a week’s windows to each EVSE’s, in a new map', () => {
    const first: Availability = addWeek(new Map(), [
      { evseId: 1, availableSlots: [window(monday, 2)] },
      { evseId: 2, availableSlots: [] },
    ]);
    const both = addWeek(first, [
      { evseId: 2, availableSlots: [window(nextMonday, 2)] },
      { evseId: 3, availableSlots: [window(nextMonday, 1)] },
    ]);
    assert.notEqual(both, first, 'a new map: what depends on the old one recomputes');
    assert.deepEqual([...first.keys()], [1, 2]);
    assert.deepEqual(first.get(2), [], 'the old map is left as it was');
    assert.deepEqual(both.get(1), [window(monday, 2)]);
    assert.deepEqual(both.get(2), [window(nextMonday, 2)]);
    assert.deepEqual(both.get(3), [window(nextMonday, 1)]);
  });

  it('any port on a later day: its start is offered, and booked on the port whose window that week holds it', () => {
    const ports = [{ id: 1 }, { id: 2 }];
    const choice = { ports, evseId: null, filter: { connectorTypes: [], currentType: null } };
    const starts = (availability: Availability): number[] =>
      unionStarts({
        windowsByEvse: availability,
        evseIds: [1, 2],
        durationMinutes: 60,
        stepMinutes: 60,
        now: monday,
        timeZone: 'Europe/Sofia',
      });
    const firstWeek = addWeek(new Map(), [
      { evseId: 1, availableSlots: [window(monday, 2)] },
      { evseId: 2, availableSlots: [] },
    ]);
    assert.ok(!starts(firstWeek).includes(nextMonday), 'not offered before its week answers');
    const both = addWeek(firstWeek, [
      { evseId: 1, availableSlots: [] },
      { evseId: 2, availableSlots: [window(nextMonday, 2)] },
    ]);
    assert.ok(starts(both).includes(nextMonday));
    assert.equal(evseForBooking(choice, nextMonday, 60, both), 2);
    assert.equal(evseForBooking(choice, monday, 60, both), 1);
  });
});
