import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  availabilityRanges,
  endOfLocalDays,
  groupByDay,
  localDate,
  parseDurations,
  parseIntInRange,
  parseIntList,
  parseList,
  resolveTimeZone,
  selectableStarts,
  startOfLocalDay,
  toIsoUtc,
  zoneOffsetMinutes,
} from '../../src/booking/slots.js';

const ms = (iso: string): number => Date.parse(iso);
const isoList = (starts: number[]): string[] => starts.map(toIsoUtc);
const MIN = 60_000;

describe('zoneOffsetMinutes / localDate / startOfLocalDay', () => {
  it('gives the offset in minutes on both sides of a DST change', () => {
    assert.equal(zoneOffsetMinutes(ms('2026-03-29T00:59:00Z'), 'Europe/Sofia'), 120);
    assert.equal(zoneOffsetMinutes(ms('2026-03-29T01:00:00Z'), 'Europe/Sofia'), 180);
    assert.equal(zoneOffsetMinutes(ms('2026-11-01T05:59:00Z'), 'America/New_York'), -240);
    assert.equal(zoneOffsetMinutes(ms('2026-11-01T06:00:00Z'), 'America/New_York'), -300);
    assert.equal(zoneOffsetMinutes(ms('2026-06-01T00:00:00Z'), 'Asia/Kathmandu'), 345);
    assert.equal(zoneOffsetMinutes(ms('2026-06-01T00:00:00Z'), 'UTC'), 0);
  });

  it('gives the local date of an instant', () => {
    assert.equal(localDate(ms('2026-03-28T22:30:00Z'), 'Europe/Sofia'), '2026-03-29');
    assert.equal(localDate(ms('2026-03-28T21:59:00Z'), 'Europe/Sofia'), '2026-03-28');
    assert.equal(localDate(ms('2026-11-01T03:59:00Z'), 'America/New_York'), '2026-10-31');
  });

  it('finds local midnight on ordinary and DST days', () => {
    assert.equal(toIsoUtc(startOfLocalDay('2026-03-29', 'Europe/Sofia')), '2026-03-28T22:00:00Z');
    assert.equal(toIsoUtc(startOfLocalDay('2026-03-30', 'Europe/Sofia')), '2026-03-29T21:00:00Z');
    assert.equal(toIsoUtc(startOfLocalDay('2026-10-25', 'Europe/Sofia')), '2026-10-24T21:00:00Z');
    assert.equal(toIsoUtc(startOfLocalDay('2026-10-26', 'Europe/Sofia')), '2026-10-25T22:00:00Z');
    assert.equal(toIsoUtc(startOfLocalDay('2026-11-01', 'America/New_York')), '2026-11-01T04:00:00Z');
    assert.equal(toIsoUtc(startOfLocalDay('2026-06-01', 'Asia/Kathmandu')), '2026-05-31T18:15:00Z');
  });

  it('starts a day whose midnight is skipped when the gap ends', () => {
    // America/Santiago springs forward at 24:00 local on 2026-09-05: 2026-09-06 begins at 01:00.
    const start = startOfLocalDay('2026-09-06', 'America/Santiago');
    assert.equal(toIsoUtc(start), '2026-09-06T04:00:00Z');
    assert.equal(localDate(start, 'America/Santiago'), '2026-09-06');
    assert.equal(localDate(start - MIN, 'America/Santiago'), '2026-09-05');
  });

  it('falls back to the runtime zone for a missing or unknown timezone', () => {
    const runtime = Intl.DateTimeFormat().resolvedOptions().timeZone;
    assert.equal(resolveTimeZone('Europe/Sofia'), 'Europe/Sofia');
    assert.equal(resolveTimeZone(null), runtime);
    assert.equal(resolveTimeZone(undefined), runtime);
    assert.equal(resolveTimeZone('Not/AZone'), runtime);
  });
});

describe('toIsoUtc', () => {
  it('writes UTC without milliseconds', () => {
    assert.equal(toIsoUtc(ms('2026-03-01T10:00:00.999Z')), '2026-03-01T10:00:00Z');
    assert.equal(toIsoUtc(0), '1970-01-01T00:00:00Z');
  });
});

describe('selectableStarts', () => {
  const base = { durationMinutes: 60, stepMinutes: 30, now: 0, timeZone: 'UTC' };

  it('offers every aligned start whose booking fits inside the window', () => {
    const starts = selectableStarts({
      ...base,
      windows: [{ startAt: '2026-03-01T08:00:00Z', endAt: '2026-03-01T10:00:00Z' }],
    });
    assert.deepEqual(isoList(starts), ['2026-03-01T08:00:00Z', '2026-03-01T08:30:00Z', '2026-03-01T09:00:00Z']);
  });

  it('offers nothing in windows shorter than the duration', () => {
    const starts = selectableStarts({
      ...base,
      durationMinutes: 90,
      windows: [
        { startAt: '2026-03-01T08:00:00Z', endAt: '2026-03-01T09:00:00Z' },
        { startAt: '2026-03-01T12:00:00Z', endAt: '2026-03-01T13:29:00Z' },
      ],
    });
    assert.deepEqual(starts, []);
  });

  it('aligns starts to the step, not to the window start', () => {
    const starts = selectableStarts({
      ...base,
      windows: [{ startAt: '2026-03-01T08:10:00Z', endAt: '2026-03-01T10:20:00Z' }],
    });
    assert.deepEqual(isoList(starts), ['2026-03-01T08:30:00Z', '2026-03-01T09:00:00Z']);
    const quarter = selectableStarts({
      ...base,
      stepMinutes: 15,
      durationMinutes: 30,
      windows: [{ startAt: '2026-03-01T08:10:00Z', endAt: '2026-03-01T09:00:00Z' }],
    });
    assert.deepEqual(isoList(quarter), ['2026-03-01T08:15:00Z', '2026-03-01T08:30:00Z']);
  });

  it('merges touching and overlapping windows, and reads them unsorted', () => {
    const starts = selectableStarts({
      ...base,
      durationMinutes: 120,
      windows: [
        { startAt: '2026-03-01T09:00:00Z', endAt: '2026-03-01T10:00:00Z' },
        { startAt: '2026-03-01T08:00:00Z', endAt: '2026-03-01T09:00:00Z' },
        { startAt: '2026-03-01T09:30:00Z', endAt: '2026-03-01T10:30:00Z' },
        { startAt: 'garbage', endAt: '2026-03-01T10:30:00Z' },
      ],
    });
    assert.deepEqual(isoList(starts), ['2026-03-01T08:00:00Z', '2026-03-01T08:30:00Z']);
  });

  it('does not offer starts in the past', () => {
    const windows = [{ startAt: '2026-03-01T08:00:00Z', endAt: '2026-03-01T11:00:00Z' }];
    const at = (now: string): string[] => isoList(selectableStarts({ ...base, windows, now: ms(now) }));
    assert.deepEqual(at('2026-03-01T08:45:10Z'), [
      '2026-03-01T09:00:00Z',
      '2026-03-01T09:30:00Z',
      '2026-03-01T10:00:00Z',
    ]);
    assert.deepEqual(at('2026-03-01T09:00:00Z'), [
      '2026-03-01T09:00:00Z',
      '2026-03-01T09:30:00Z',
      '2026-03-01T10:00:00Z',
    ]);
    assert.deepEqual(at('2026-03-01T10:00:01Z'), []);
  });

  it('accepts windows written with an offset', () => {
    const starts = selectableStarts({
      ...base,
      windows: [{ startAt: '2026-03-01T10:00:00+02:00', endAt: '2026-03-01T11:00:00+02:00' }],
    });
    assert.deepEqual(isoList(starts), ['2026-03-01T08:00:00Z']);
  });

  it('ignores a nonsensical duration or step', () => {
    const windows = [{ startAt: '2026-03-01T08:00:00Z', endAt: '2026-03-01T10:00:00Z' }];
    assert.deepEqual(selectableStarts({ ...base, windows, durationMinutes: 0 }), []);
    assert.deepEqual(selectableStarts({ ...base, windows, stepMinutes: Number.NaN }), []);
  });

  describe('across DST', () => {
    it('skips the spring-forward gap (Europe/Sofia, 2026-03-29, 03:00 → 04:00)', () => {
      const timeZone = 'Europe/Sofia';
      // 01:00 to 07:00 local, EET then EEST.
      const starts = selectableStarts({
        ...base,
        timeZone,
        windows: [{ startAt: '2026-03-28T23:00:00Z', endAt: '2026-03-29T04:00:00Z' }],
      });
      const local = starts.map((s) => new Intl.DateTimeFormat('en-GB', { timeZone, timeStyle: 'short' }).format(s));
      assert.deepEqual(local, ['01:00', '01:30', '02:00', '02:30', '04:00', '04:30', '05:00', '05:30', '06:00']);
      // 02:30 EET to 04:00 EEST is 30 real minutes, and a 60-minute booking from 02:30 ends at 04:30.
      const i = local.indexOf('02:30');
      assert.equal(starts[i + 1]! - starts[i]!, 30 * MIN);
      assert.equal(toIsoUtc(starts[i]!), '2026-03-29T00:30:00Z');
      // The last start, 06:00 EEST = 03:00Z, ends exactly at the window's end (04:00Z).
      assert.equal(toIsoUtc(starts[starts.length - 1]!), '2026-03-29T03:00:00Z');
    });

    it('groups the spring-forward day by local date', () => {
      const timeZone = 'Europe/Sofia';
      const starts = selectableStarts({
        ...base,
        timeZone,
        windows: [{ startAt: '2026-03-28T21:00:00Z', endAt: '2026-03-29T22:00:00Z' }],
      });
      // 23:00 local on the 28th to 01:00 local on the 30th.
      const days = groupByDay(starts, timeZone);
      assert.deepEqual(
        days.map((d) => [d.date, d.starts.length]),
        [
          ['2026-03-28', 2], // 23:00, 23:30
          ['2026-03-29', 46], // 00:00 to 23:30 on a 23-hour day: 48 half hours minus 03:00 and 03:30
          ['2026-03-30', 1], // 00:00, which ends at the window's end
        ],
      );
      assert.equal(days[1]!.starts[0], '2026-03-28T22:00:00Z');
      assert.ok(days[1]!.starts.includes('2026-03-29T00:30:00Z')); // 02:30 EET
      assert.ok(days[1]!.starts.includes('2026-03-29T01:00:00Z')); // 04:00 EEST
      assert.equal(days[1]!.starts.at(-1), '2026-03-29T20:30:00Z'); // 23:30 EEST
    });

    it('offers both occurrences of a repeated hour (Europe/Sofia, 2026-10-25)', () => {
      const timeZone = 'Europe/Sofia';
      // 02:00 EEST (23:00Z) to 05:00 EET (03:00Z): four real hours.
      const starts = selectableStarts({
        ...base,
        timeZone,
        windows: [{ startAt: '2026-10-24T23:00:00Z', endAt: '2026-10-25T03:00:00Z' }],
      });
      assert.deepEqual(isoList(starts), [
        '2026-10-24T23:00:00Z', // 02:00 EEST
        '2026-10-24T23:30:00Z', // 02:30 EEST
        '2026-10-25T00:00:00Z', // 03:00 EEST
        '2026-10-25T00:30:00Z', // 03:30 EEST
        '2026-10-25T01:00:00Z', // 03:00 EET
        '2026-10-25T01:30:00Z', // 03:30 EET
        '2026-10-25T02:00:00Z', // 04:00 EET
      ]);
      const days = groupByDay(starts, timeZone, '2026-10-25', 2);
      assert.deepEqual(
        days.map((d) => [d.date, d.starts.length]),
        [
          ['2026-10-25', 7],
          ['2026-10-26', 0],
        ],
      );
    });

    it('offers both occurrences of a repeated hour (America/New_York, 2026-11-01)', () => {
      const timeZone = 'America/New_York';
      // 00:00 EDT (04:00Z) to 03:00 EST (08:00Z).
      const starts = selectableStarts({
        ...base,
        timeZone,
        stepMinutes: 60,
        windows: [{ startAt: '2026-11-01T04:00:00Z', endAt: '2026-11-01T08:00:00Z' }],
      });
      assert.deepEqual(isoList(starts), [
        '2026-11-01T04:00:00Z', // 00:00 EDT
        '2026-11-01T05:00:00Z', // 01:00 EDT
        '2026-11-01T06:00:00Z', // 01:00 EST
        '2026-11-01T07:00:00Z', // 02:00 EST
      ]);
      const day = groupByDay(starts, timeZone);
      assert.deepEqual(day, [{ date: '2026-11-01', starts: isoList(starts) }]);
      // A 25-hour day: midnight to midnight.
      assert.equal(startOfLocalDay('2026-11-02', timeZone) - startOfLocalDay('2026-11-01', timeZone), 25 * 60 * MIN);
    });
  });

  it('aligns to the local wall clock in a +05:45 zone (Asia/Kathmandu)', () => {
    const timeZone = 'Asia/Kathmandu';
    // 10:00Z = 15:45 local; 12:00Z = 17:45 local.
    const starts = selectableStarts({
      ...base,
      timeZone,
      windows: [{ startAt: '2026-06-01T10:00:00Z', endAt: '2026-06-01T12:00:00Z' }],
    });
    assert.deepEqual(isoList(starts), ['2026-06-01T10:15:00Z', '2026-06-01T10:45:00Z']); // 16:00, 16:30 local
  });

  it('aligns to the local wall clock in a +05:30 zone (Asia/Kolkata)', () => {
    const starts = selectableStarts({
      ...base,
      timeZone: 'Asia/Kolkata',
      stepMinutes: 60,
      durationMinutes: 30,
      windows: [{ startAt: '2026-06-01T10:00:00Z', endAt: '2026-06-01T12:00:00Z' }],
    });
    assert.deepEqual(isoList(starts), ['2026-06-01T10:30:00Z', '2026-06-01T11:30:00Z']); // 16:00, 17:00 local
  });

  it('counts a step that does not divide the hour from local midnight', () => {
    const starts = selectableStarts({
      ...base,
      timeZone: 'Europe/Sofia',
      stepMinutes: 45,
      durationMinutes: 30,
      // 22:00 to 01:30 local (EET, +02:00)
      windows: [{ startAt: '2026-02-01T20:00:00Z', endAt: '2026-02-01T23:30:00Z' }],
    });
    const local = starts.map((s) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Sofia', timeStyle: 'short' }).format(s),
    );
    assert.deepEqual(local, ['22:30', '23:15', '00:00', '00:45']);
  });

  it('returns a sorted unique list across windows', () => {
    const starts = selectableStarts({
      ...base,
      windows: [
        { startAt: '2026-03-02T08:00:00Z', endAt: '2026-03-02T09:00:00Z' },
        { startAt: '2026-03-01T08:00:00Z', endAt: '2026-03-01T09:00:00Z' },
      ],
    });
    assert.deepEqual(isoList(starts), ['2026-03-01T08:00:00Z', '2026-03-02T08:00:00Z']);
  });
});

describe('groupByDay', () => {
  it('includes empty days when a range of days is asked for, and drops starts outside it', () => {
    const starts = [ms('2026-03-02T09:00:00Z'), ms('2026-03-01T10:00:00Z'), ms('2026-03-05T10:00:00Z')];
    assert.deepEqual(groupByDay(starts, 'UTC', '2026-03-01', 3), [
      { date: '2026-03-01', starts: ['2026-03-01T10:00:00Z'] },
      { date: '2026-03-02', starts: ['2026-03-02T09:00:00Z'] },
      { date: '2026-03-03', starts: [] },
    ]);
  });

  it('uses the local date, not the UTC date', () => {
    const days = groupByDay([ms('2026-03-01T23:30:00Z')], 'Europe/Sofia');
    assert.deepEqual(days, [{ date: '2026-03-02', starts: ['2026-03-01T23:30:00Z'] }]);
  });

  it('crosses month ends', () => {
    const days = groupByDay([], 'UTC', '2026-02-27', 3);
    assert.deepEqual(
      days.map((d) => d.date),
      ['2026-02-27', '2026-02-28', '2026-03-01'],
    );
  });
});

describe('availabilityRanges', () => {
  it('asks from now (to the minute) to the end of the last local day', () => {
    const now = ms('2026-03-01T10:00:42.5Z');
    const ranges = availabilityRanges(now, 1, endOfLocalDays(now, 1, 'Europe/Sofia'));
    assert.deepEqual(ranges, [{ startAfter: '2026-03-01T10:00:00Z', endBefore: '2026-03-01T22:00:00Z' }]);
  });

  it('splits 28 days into chunks of at most 7 days, the first of 2, contiguous, ending at local midnight', () => {
    const now = ms('2026-03-10T15:20:00Z');
    const ranges = availabilityRanges(now, 28, endOfLocalDays(now, 28, 'Europe/Sofia'));
    // 27 days and 5 h 40 min: 2 days, then 25 days and 5 h 40 min in four requests.
    assert.equal(ranges.length, 5);
    assert.deepEqual(ranges[0], { startAfter: '2026-03-10T15:20:00Z', endBefore: '2026-03-12T15:20:00Z' });
    for (let i = 0; i < ranges.length; i++) {
      const { startAfter, endBefore } = ranges[i]!;
      assert.match(startAfter, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.ok(ms(endBefore) - ms(startAfter) <= 7 * 24 * 60 * MIN);
      assert.ok(ms(endBefore) > ms(startAfter));
      if (i > 0) assert.equal(startAfter, ranges[i - 1]!.endBefore);
    }
    // The 28th local day is 2026-04-06 (EEST after 2026-03-29): it ends at 2026-04-06T21:00:00Z.
    assert.equal(ranges.at(-1)!.endBefore, '2026-04-06T21:00:00Z');
  });

  it('without an end, asks for days × 24 hours from now (the zone is not known yet)', () => {
    assert.deepEqual(availabilityRanges(ms('2026-03-01T10:00:42.5Z'), 2), [
      { startAfter: '2026-03-01T10:00:00Z', endBefore: '2026-03-03T10:00:00Z' },
    ]);
  });

  it('asks 8 days as 2 days, then 6: the first start times wait for the first request only', () => {
    assert.deepEqual(availabilityRanges(ms('2026-03-01T10:00:00Z'), 8), [
      { startAfter: '2026-03-01T10:00:00Z', endBefore: '2026-03-03T10:00:00Z' },
      { startAfter: '2026-03-03T10:00:00Z', endBefore: '2026-03-09T10:00:00Z' },
    ]);
  });

  it('makes exactly one request for 7 days from midnight', () => {
    const now = ms('2026-03-01T00:00:00Z');
    const ranges = availabilityRanges(now, 7, endOfLocalDays(now, 7, 'UTC'));
    assert.deepEqual(ranges, [{ startAfter: '2026-03-01T00:00:00Z', endBefore: '2026-03-08T00:00:00Z' }]);
  });
});

describe('attribute parsing', () => {
  it('parses durations, dropping garbage', () => {
    assert.deepEqual(parseDurations('30,60,90,120'), [30, 60, 90, 120]);
    assert.deepEqual(parseDurations(' 90 , 30,abc,-5,0, 1.5, 60,30 ,, 99999'), [30, 60, 90]);
    assert.deepEqual(parseDurations(''), [30, 60, 90, 120]);
    assert.deepEqual(parseDurations(null), [30, 60, 90, 120]);
    assert.deepEqual(parseDurations('x,y'), [30, 60, 90, 120]);
  });

  it('parses lists of ids and strings', () => {
    assert.deepEqual(parseIntList('15, 16,foo,16,0,17x'), [15, 16]);
    assert.deepEqual(parseList(' a, ,b ,'), ['a', 'b']);
    assert.deepEqual(parseList(undefined), []);
  });

  it('parses an integer within bounds', () => {
    assert.equal(parseIntInRange('7', 1, 28), 7);
    assert.equal(parseIntInRange(' 28 ', 1, 28), 28);
    assert.equal(parseIntInRange('29', 1, 28), null);
    assert.equal(parseIntInRange('7.5', 1, 28), null);
    assert.equal(parseIntInRange('', 1, 28), null);
    assert.equal(parseIntInRange(12, 1, 28), 12);
  });
});
