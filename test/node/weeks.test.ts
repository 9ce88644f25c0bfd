/**
 * The availability week by week (issue 15 §2): which days a week still loading or failed covers
 * (src/booking/weeks.ts), and how the weeks' answers are added, failed and tried again
 * (src/controllers/availability-weeks.ts).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ApiClient } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import type { EvseAvailability } from '../../src/api/schemas.js';
import type { WeekLoad } from '../../src/booking/load.js';
import { dayLoads, type WeekStatus } from '../../src/booking/weeks.js';
import { AvailabilityWeeks } from '../../src/controllers/availability-weeks.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

describe('dayLoads', () => {
  // Sofia is UTC+2 in winter: its 2 March starts at 1 March 22:00 UTC.
  const week = (from: string, days: number, state: WeekStatus['state']): WeekStatus => ({
    from: Date.parse(from),
    to: Date.parse(from) + days * DAY,
    state,
  });
  const dates = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04'];

  it('says nothing of days whose weeks have all answered', () => {
    assert.deepEqual(dayLoads(dates, [week('2026-03-01T10:00:00Z', 7, 'loaded')], 'Europe/Sofia'), [
      null,
      null,
      null,
      null,
    ]);
  });

  it('a day touching a week still loading is loading, one touching a failed week failed, in local days', () => {
    const weeks = [
      week('2026-02-28T10:00:00Z', 1, 'loaded'), // to 1 March 10:00 UTC
      week('2026-03-01T10:00:00Z', 1, 'loading'), // to 2 March 10:00 UTC (12:00 in Sofia)
      week('2026-03-02T10:00:00Z', 1.5, 'failed'), // to 3 March 22:00 UTC: Sofia's 4 March begins
    ];
    assert.deepEqual(dayLoads(dates, weeks, 'Europe/Sofia'), ['loading', 'failed', 'failed', null]);
  });
});

/** A week whose answer the test gives (`resolve`) or fails (`reject`). */
function heldWeek(
  from: number,
): WeekLoad & { resolve: (items: EvseAvailability[]) => void; reject: (error: unknown) => void } {
  let resolve!: (items: EvseAvailability[]) => void;
  let reject!: (error: unknown) => void;
  const answer = new Promise<EvseAvailability[]>((res, rej) => ((resolve = res), (reject = rej)));
  return { from, to: from + 7 * DAY, answer, resolve, reject };
}

const start = Date.parse('2026-03-02T08:00:00Z');
const window = (at: number): { startAt: string; endAt: string } => ({
  startAt: new Date(at).toISOString(),
  endAt: new Date(at + HOUR).toISOString(),
});

function setUp(): {
  weeks: AvailabilityWeeks;
  held: ReturnType<typeof heldWeek>[];
  changes: () => number;
  failures: unknown[];
} {
  let changes = 0;
  const failures: unknown[] = [];
  const weeks = new AvailabilityWeeks(
    () => changes++,
    (error) => failures.push(error),
  );
  const held = [0, 1, 2].map((n) => heldWeek(start + n * 7 * DAY));
  weeks.begin(new Map([[1, [window(start)]]]), held, new AbortController().signal);
  return { weeks, held, changes: () => changes, failures };
}

describe('AvailabilityWeeks', () => {
  it('the first week is here, the later ones load; each adds its windows when it answers', async () => {
    const { weeks, held, changes } = setUp();
    assert.deepEqual(
      weeks.weeks.map((week) => week.state),
      ['loaded', 'loading', 'loading'],
    );
    held[2]!.resolve([{ evseId: 1, availableSlots: [window(start + 14 * DAY)] }]);
    await tick();
    assert.deepEqual(
      weeks.weeks.map((week) => week.state),
      ['loaded', 'loading', 'loaded'],
      'weeks answer in any order',
    );
    assert.deepEqual(weeks.availability.get(1), [window(start), window(start + 14 * DAY)]);
    assert.equal(changes(), 1);
  });

  it('a week that fails is marked failed and told, the others kept; a retry asks it again', async () => {
    const { weeks, held, failures } = setUp();
    const failure = new ApiError('forbidden', 'Forbidden', { status: 403 });
    held[1]!.reject(failure);
    held[2]!.resolve([{ evseId: 1, availableSlots: [window(start + 14 * DAY)] }]);
    await tick();
    assert.deepEqual(
      weeks.weeks.map((week) => week.state),
      ['loaded', 'failed', 'loaded'],
    );
    assert.deepEqual(failures, [failure]);
    assert.deepEqual(weeks.availability.get(1), [window(start), window(start + 14 * DAY)]);

    const asked: { startAfter: string; endBefore: string }[] = [];
    const client = {
      checkAvailability: (_location: number, range: { startAfter: string; endBefore: string }) => {
        asked.push(range);
        return Promise.resolve([{ evseId: 1, availableSlots: [window(start + 7 * DAY)] }]);
      },
    } as unknown as ApiClient;
    weeks.retry(client, { locationId: 7, days: 21, evseIds: [] }, new AbortController().signal);
    assert.deepEqual(
      weeks.weeks.map((week) => week.state),
      ['loaded', 'loading', 'loaded'],
      'the failed week loads again',
    );
    assert.deepEqual(
      asked,
      [{ startAfter: '2026-03-09T08:00:00Z', endBefore: '2026-03-16T08:00:00Z' }],
      'only the failed week is asked again',
    );
    await tick();
    assert.deepEqual(
      weeks.weeks.map((week) => week.state),
      ['loaded', 'loaded', 'loaded'],
    );
    assert.equal(weeks.availability.get(1)!.length, 3);
  });

  it('a week of the first load that answers after a reload replaced the availability is not added', async () => {
    const { weeks, held } = setUp();
    weeks.replace(new Map([[1, []]]));
    held[1]!.resolve([{ evseId: 1, availableSlots: [window(start + 7 * DAY)] }]);
    await tick();
    assert.deepEqual(weeks.availability.get(1), [], 'the reload’s answer stands');
    assert.deepEqual(
      weeks.weeks.map((week) => week.state),
      ['loaded', 'loaded', 'loaded'],
    );
  });

  it('nothing is added or told once aborted', async () => {
    let changes = 0;
    const failures: unknown[] = [];
    const weeks = new AvailabilityWeeks(
      () => changes++,
      (error) => failures.push(error),
    );
    const abort = new AbortController();
    const held = [heldWeek(start), heldWeek(start + 7 * DAY), heldWeek(start + 14 * DAY)];
    weeks.begin(new Map(), held, abort.signal);
    abort.abort();
    held[1]!.resolve([{ evseId: 1, availableSlots: [window(start + 7 * DAY)] }]);
    held[2]!.reject(new ApiError('network', 'offline'));
    await tick();
    assert.equal(changes, 0);
    assert.deepEqual(failures, []);
    assert.equal(weeks.availability.size, 0);
  });
});
