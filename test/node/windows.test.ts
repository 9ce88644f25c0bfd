/**
 * The open windows of an availability answer are checked in one loop (src/api/windows.ts) instead
 * of one zod object schema each: the same answers must pass and fail as with `TimeWindow`, every
 * window must be checked (a bad one after thousands of good ones too), and a failure must name it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { AvailabilityResponse, TimeWindow } from '../../src/api/schemas.js';
import { instantOf } from '../../src/api/instants.js';
import { OpenWindowList } from '../../src/api/windows.js';
import { spanOf } from '../../src/booking/slots.js';

const good = { startAt: '2026-03-01T10:00:00Z', endAt: '2026-03-01T12:00:00+02:00' };
const many = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    startAt: new Date(Date.UTC(2026, 2, 1) + i * 3_600_000).toISOString(),
    endAt: new Date(Date.UTC(2026, 2, 1) + i * 3_600_000 + 1_800_000).toISOString(),
  }));

/** Lists of windows, good and bad, as an answer might carry them. */
const LISTS: [string, unknown][] = [
  ['no windows', []],
  ['one window', [good]],
  ['windows with fields the widget does not read', [{ ...good, evseId: 3, note: 'x' }]],
  ['milliseconds and offsets', [{ startAt: '2026-03-01T10:00:00.500Z', endAt: '2026-03-01T13:00:00+01:00' }]],
  ['not a list', { 0: good }],
  ['null', null],
  ['a string', 'windows'],
  ['a null window', [good, null]],
  ['a list as a window', [[good.startAt, good.endAt]]],
  ['a string as a window', [good, 'window']],
  ['no startAt', [{ endAt: good.endAt }]],
  ['no endAt', [good, { startAt: good.startAt }]],
  ['startAt null', [{ startAt: null, endAt: good.endAt }]],
  ['endAt a number', [{ startAt: good.startAt, endAt: Date.parse(good.endAt) }]],
  ['startAt not a date', [{ startAt: 'tomorrow at ten', endAt: good.endAt }]],
  ['endAt empty', [{ startAt: good.startAt, endAt: '' }]],
  ['month 13', [{ startAt: '2026-13-01T10:00:00Z', endAt: good.endAt }]],
];

describe('availability windows checked in one loop', () => {
  const perWindow = z.array(TimeWindow);

  for (const [name, list] of LISTS) {
    it(`${name}: the same verdict as one TimeWindow schema per window`, () => {
      assert.equal(OpenWindowList.safeParse(list).success, perWindow.safeParse(list).success);
    });
  }

  it('accepts the bad lists nowhere and the good ones everywhere', () => {
    const verdicts = LISTS.map(([name, list]) => [name, OpenWindowList.safeParse(list).success]);
    assert.deepEqual(
      verdicts.filter(([, ok]) => ok).map(([name]) => name),
      ['no windows', 'one window', 'windows with fields the widget does not read', 'milliseconds and offsets'],
    );
  });

  it('checks every window: a bad one after 10,000 good ones is found and named', () => {
    const windows = [...many(10_000), { startAt: good.startAt, endAt: 'soon' }];
    const parsed = AvailabilityResponse.safeParse({
      data: [
        { evseId: 1, availableSlots: many(5) },
        { evseId: 2, availableSlots: windows },
      ],
    });
    assert.equal(parsed.success, false);
    assert.deepEqual(parsed.error?.issues[0]?.path, ['data', 1, 'availableSlots', 10_000, 'endAt']);
  });

  it('a window of the wrong type is reported as zod reports it', () => {
    const parsed = AvailabilityResponse.safeParse({ data: [{ evseId: 1, availableSlots: [good, { startAt: 5 }] }] });
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map(({ code, path }) => ({ code, path })),
      [{ code: 'invalid_type', path: ['data', 0, 'availableSlots', 1, 'startAt'] }],
    );
  });

  it('reads each text as Date.parse does, also when it was read before (the texts are read once)', () => {
    const texts = ['2026-03-01T10:00:00Z', '2026-03-01T12:00:00+02:00', '2026-02-30T10:00:00Z', 'soon', ''];
    for (const round of [1, 2]) {
      for (const text of texts) assert.deepEqual(instantOf(text), Date.parse(text), `${text}, read ${round}×`);
    }
    // A text that failed once fails again: the same list is refused on every answer.
    const bad = [good, { startAt: 'soon', endAt: good.endAt }];
    for (const round of [1, 2]) assert.equal(OpenWindowList.safeParse(bad).success, false, `answer ${round}`);
    assert.deepEqual(spanOf(good), [Date.parse(good.startAt), Date.parse(good.endAt)]);
  });
});
