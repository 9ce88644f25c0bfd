import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Evse } from '../../src/api/schemas.js';
import {
  allConnectorTypes,
  allCurrentTypes,
  isBookable,
  matchingPorts,
  NO_FILTER,
  offersAnyPort,
  unionStarts,
  whyNoPort,
} from '../../src/booking/ports.js';
import { chooseEvse } from '../../src/booking/book-choice.js';
import { daySlots, groupByPartOfDay, localHour, partOfDay, summarizeDays } from '../../src/booking/days.js';
import { selectableStarts, toIsoUtc } from '../../src/booking/slots.js';
import { zoneCity, zoneOffsetLabel } from '../../src/booking/zone.js';
import { en } from '../../src/i18n/index.js';
import { de } from '../../src/i18n/de.js';
import { formatWhen } from '../../src/i18n/when.js';
import { zoneInWords } from '../../src/i18n/zone.js';

const ms = (iso: string): number => Date.parse(iso);
const w = (startAt: string, endAt: string): { startAt: string; endAt: string } => ({ startAt, endAt });

const ports: Evse[] = [
  {
    id: 1,
    label: 'A',
    currentType: 'dc',
    status: 'enabled',
    bookingEnabled: true,
    connectors: [{ id: 1, type: 'CCS2' }],
  },
  {
    id: 2,
    label: 'B',
    currentType: 'ac',
    status: 'enabled',
    bookingEnabled: true,
    connectors: [{ id: 2, type: 'type2' }],
  },
  {
    id: 3,
    label: 'C',
    currentType: 'ac',
    status: 'out of order',
    bookingEnabled: true,
    connectors: [{ id: 3, type: 'type2' }],
  },
  {
    id: 4,
    label: 'D',
    currentType: 'dc',
    status: 'enabled',
    bookingEnabled: false,
    connectors: [{ id: 4, type: 'ccs2' }],
  },
  {
    id: 5,
    label: 'E',
    currentType: 'dc',
    status: 'enabled',
    connectors: [
      { id: 5, type: 'chademo' },
      { id: 6, type: 'ccs2' },
    ],
  },
];

describe('ports: filter and any port', () => {
  it('offers only bookable, enabled ports', () => {
    assert.deepEqual(
      ports.filter(isBookable).map((p) => p.id),
      [1, 2, 5],
    );
  });

  it('offers "any port" only when more than one port is bookable', () => {
    assert.equal(offersAnyPort(ports), true);
    assert.equal(offersAnyPort(ports.slice(1, 4)), false);
  });

  it('lists connector and current types once, in order', () => {
    assert.deepEqual(allConnectorTypes(ports), ['ccs2', 'type2', 'chademo']);
    assert.deepEqual(allCurrentTypes(ports), ['ac', 'dc']);
  });

  it('narrows by connector type (case-insensitive) and by current type', () => {
    const ids = (filter: Parameters<typeof matchingPorts>[1]): number[] =>
      matchingPorts(ports, filter).map((p) => p.id);
    assert.deepEqual(ids(NO_FILTER), [1, 2, 5]);
    assert.deepEqual(ids({ connectorTypes: ['ccs2'], currentType: null }), [1, 5]);
    assert.deepEqual(ids({ connectorTypes: ['CHAdeMO', 'type2'], currentType: null }), [2, 5]);
    assert.deepEqual(ids({ connectorTypes: [], currentType: 'ac' }), [2]);
    assert.deepEqual(ids({ connectorTypes: ['type2'], currentType: 'dc' }), []);
  });

  it('says why no port is in play: none bookable, filters that match none, or one to choose', () => {
    const dcType2 = { connectorTypes: ['type2'], currentType: 'dc' } as const;
    assert.equal(whyNoPort({ ports, evseId: null, filter: NO_FILTER }), null);
    assert.equal(whyNoPort({ ports, evseId: 2, filter: dcType2 }), null);
    assert.equal(whyNoPort({ ports, evseId: null, filter: dcType2 }), 'filters');
    assert.equal(whyNoPort({ ports: ports.slice(2, 4), evseId: null, filter: dcType2 }), 'none');
    assert.equal(whyNoPort({ ports: [ports[0]!, ports[3]!], evseId: null, filter: NO_FILTER }), 'choose');
  });
});

describe('ports: the union of starts and the port a booking goes to', () => {
  const windows = new Map([
    [1, [w('2026-03-02T08:00:00Z', '2026-03-02T09:00:00Z')]],
    [2, [w('2026-03-02T08:30:00Z', '2026-03-02T10:00:00Z')]],
    [5, [w('2026-03-02T08:00:00Z', '2026-03-02T08:30:00Z'), w('2026-03-02T08:30:00Z', '2026-03-02T11:00:00Z')]],
  ]);
  const input = { windowsByEvse: windows, durationMinutes: 60, stepMinutes: 30, now: 0, timeZone: 'UTC' };

  it('offers every start that one matching port can hold, once, in order', () => {
    assert.deepEqual(unionStarts({ ...input, evseIds: [1, 2] }).map(toIsoUtc), [
      '2026-03-02T08:00:00Z',
      '2026-03-02T08:30:00Z',
      '2026-03-02T09:00:00Z',
    ]);
    assert.deepEqual(
      unionStarts({ ...input, evseIds: [5] })
        .map(toIsoUtc)
        .at(-1),
      '2026-03-02T10:00:00Z',
    );
    assert.deepEqual(unionStarts({ ...input, evseIds: [] }), []);
  });

  it('offers exactly the starts some port offers on its own (random windows, across a DST change)', () => {
    // A small deterministic generator: the same windows every run.
    let seed = 15;
    const random = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
    const base = ms('2026-03-27T20:00:00Z'); // Sofia moves its clocks on 29 March
    let offered = 0;
    for (let round = 0; round < 40; round++) {
      const windowsByEvse = new Map<number, { startAt: string; endAt: string }[]>();
      for (let evse = 1; evse <= 1 + random(6); evse++) {
        const list = Array.from({ length: random(8) }, () => {
          const start = base + random(72 * 60) * 60_000 + random(3) * 17_000;
          return { startAt: toIsoUtc(start), endAt: toIsoUtc(start + random(6 * 60) * 60_000 + random(2) * 30_000) };
        });
        windowsByEvse.set(evse, list);
      }
      const evseIds = [...windowsByEvse.keys(), 99];
      const rest = {
        durationMinutes: [15, 30, 60, 90, 120, 45][random(6)]!,
        stepMinutes: [5, 15, 30, 60, 20][random(5)]!,
        now: base + random(48 * 60) * 60_000 + random(60) * 1000,
        timeZone: ['Europe/Sofia', 'Asia/Kathmandu', 'UTC', 'America/St_Johns'][random(4)]!,
      };
      const alone = new Set(
        evseIds.flatMap((id) => selectableStarts({ windows: windowsByEvse.get(id) ?? [], ...rest })),
      );
      offered += alone.size;
      assert.deepEqual(
        unionStarts({ windowsByEvse, evseIds, ...rest }),
        [...alone].sort((a, b) => a - b),
        `round ${round}`,
      );
    }
    assert.ok(offered > 1000, 'the rounds offered starts');
  });

  it('books the first port in list order whose window holds the whole booking', () => {
    const order = [1, 2, 5];
    assert.equal(chooseEvse(ms('2026-03-02T08:00:00Z'), 60, order, windows), 1);
    // Port 1's window ends at 09:00: 08:30–09:30 goes to port 2.
    assert.equal(chooseEvse(ms('2026-03-02T08:30:00Z'), 60, order, windows), 2);
    // Port 5's touching windows join into one.
    assert.equal(chooseEvse(ms('2026-03-02T08:00:00Z'), 120, order, windows), 5);
    assert.equal(chooseEvse(ms('2026-03-02T09:30:00Z'), 90, order, windows), 5);
    assert.equal(chooseEvse(ms('2026-03-02T10:30:00Z'), 60, order, windows), null);
    assert.equal(chooseEvse(ms('2026-03-02T08:30:00Z'), 60, [5, 2], windows), 5);
  });
});

describe('days: parts of day, taken starts, summaries', () => {
  it('gives the local hour and part of day in the location zone', () => {
    assert.equal(localHour(ms('2026-03-01T22:30:00Z'), 'Europe/Sofia'), 0);
    assert.equal(partOfDay(ms('2026-03-01T22:30:00Z'), 'Europe/Sofia'), 'night');
    assert.equal(partOfDay(ms('2026-03-02T04:00:00Z'), 'Europe/Sofia'), 'morning');
    assert.equal(partOfDay(ms('2026-03-02T10:00:00Z'), 'Europe/Sofia'), 'afternoon');
    assert.equal(partOfDay(ms('2026-03-02T16:00:00Z'), 'Europe/Sofia'), 'evening');
    assert.equal(partOfDay(ms('2026-06-01T00:15:00Z'), 'Asia/Kathmandu'), 'morning');
  });

  it('groups across a DST change by the local wall clock', () => {
    // Sofia springs forward at 03:00 local on 2026-03-29 (01:00Z): 05:30 local is 02:30Z after it.
    const starts = ['2026-03-29T00:30:00Z', '2026-03-29T02:30:00Z', '2026-03-29T03:00:00Z', '2026-03-29T15:00:00Z'];
    assert.deepEqual(
      groupByPartOfDay(starts, 'Europe/Sofia', (s) => s),
      [
        { part: 'night', items: ['2026-03-29T00:30:00Z', '2026-03-29T02:30:00Z'] },
        { part: 'morning', items: ['2026-03-29T03:00:00Z'] },
        { part: 'evening', items: ['2026-03-29T15:00:00Z'] },
      ],
    );
    // New York falls back on 2026-11-01: 01:30 happens twice (05:30Z and 06:30Z), both night.
    assert.deepEqual(
      groupByPartOfDay(
        ['2026-11-01T05:30:00Z', '2026-11-01T06:30:00Z', '2026-11-01T11:00:00Z'],
        'America/New_York',
        (s) => s,
      ).map((g) => [g.part, g.items.length]),
      [
        ['night', 2],
        ['morning', 1],
      ],
    );
  });

  it('keeps taken starts in their place between the free ones', () => {
    const slots = daySlots(['2026-03-02T08:00:00Z', '2026-03-02T09:30:00Z', '2026-03-02T08:30:00Z'], 30, 'UTC');
    assert.deepEqual(
      slots.map((s) => `${s.start.slice(11, 16)} ${s.free ? 'free' : 'taken'}`),
      ['08:00 free', '08:30 free', '09:00 taken', '09:30 free'],
    );
    assert.deepEqual(daySlots(['2026-03-02T08:00:00Z'], 30, 'UTC'), [{ start: '2026-03-02T08:00:00Z', free: true }]);
    assert.deepEqual(daySlots([], 30, 'UTC'), []);
  });

  it('keeps the step on the local wall clock across a DST change', () => {
    const slots = daySlots(['2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z'], 60, 'Europe/Sofia');
    // 02:00, (03:00 skipped), 04:00 and 05:00 local.
    assert.deepEqual(
      slots.map((s) => s.start),
      ['2026-03-29T00:00:00Z', '2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z'],
    );
  });

  it('summarizes each day with its weekday, date and free count', () => {
    const [day, full] = summarizeDays(
      [
        { date: '2026-11-26', starts: ['2026-11-26T08:00:00Z', '2026-11-26T09:00:00Z'] },
        { date: '2026-11-27', starts: [] },
      ],
      'en-GB',
    );
    assert.deepEqual(day, {
      date: '2026-11-26',
      weekday: 'Thu',
      weekdayLong: 'Thursday',
      dayMonth: '26 Nov',
      dayMonthLong: '26 November',
      free: 2,
      load: null,
    });
    assert.equal(full!.free, 0);
    assert.equal(full!.load, null, 'an empty day whose times are all here is full');
    const [loading, failed] = summarizeDays(
      [
        { date: '2026-12-03', starts: [], state: 'loading' },
        { date: '2026-12-04', starts: [], state: 'failed' },
      ],
      'en-GB',
    );
    assert.deepEqual([loading!.load, failed!.load], ['loading', 'failed'], 'days of weeks not here are not full');
    assert.equal(summarizeDays([{ date: '2026-11-26', starts: [] }], 'de')[0]!.weekdayLong, 'Donnerstag');
  });
});

describe('zone in plain words', () => {
  it('names the place and the offset at the instant (DST)', () => {
    assert.equal(zoneCity('Europe/Sofia'), 'Sofia');
    assert.equal(zoneCity('America/Argentina/Buenos_Aires'), 'Buenos Aires');
    assert.equal(zoneCity('UTC'), null);
    assert.equal(zoneCity('Etc/GMT+3'), null);
    assert.equal(zoneOffsetLabel('en', 'Asia/Kathmandu', ms('2026-06-01T00:00:00Z')), 'GMT+5:45');
    assert.equal(zoneInWords(en, 'en', 'Europe/Sofia', ms('2026-01-10T10:00:00Z')), 'Times are Sofia time (GMT+2)');
    assert.equal(zoneInWords(en, 'en', 'Europe/Sofia', ms('2026-07-10T10:00:00Z')), 'Times are Sofia time (GMT+3)');
    assert.equal(zoneInWords(en, 'en', 'UTC', 0), 'Times are GMT');
    assert.equal(zoneInWords(de, 'de', 'Europe/Sofia', ms('2026-01-10T10:00:00Z')), 'Zeiten in Ortszeit Sofia (GMT+2)');
  });

  it('writes each offset once per locale and zone, and a zone the runtime does not know as GMT', () => {
    // The same offset at other instants, then the other offset of the year: each as the zone has it then.
    const winter = [ms('2026-01-10T10:00:00Z'), ms('2026-02-01T23:30:00Z')];
    assert.deepEqual(
      winter.map((instant) => zoneOffsetLabel('en', 'Europe/Sofia', instant)),
      ['GMT+2', 'GMT+2'],
    );
    assert.equal(zoneOffsetLabel('en', 'Europe/Sofia', ms('2026-03-29T01:00:00Z')), 'GMT+3', 'the night DST begins');
    assert.equal(zoneOffsetLabel('fr', 'Europe/Sofia', winter[0]!), 'UTC+2');
    assert.equal(zoneOffsetLabel('en', 'Not/AZone', winter[0]!), 'GMT');
  });
});

describe('a booking’s date and time range', () => {
  it('says the date once for a booking within one day', () => {
    const start = Date.parse('2026-12-05T08:00:00Z');
    assert.deepEqual(formatWhen('en-GB', 'Europe/Sofia', start, start + 3_600_000), {
      date: 'Saturday 5 December',
      times: '10:00–11:00',
    });
  });

  it('says each date once, in one format, for a booking that ends the next day', () => {
    const start = Date.parse('2026-12-05T21:00:00Z'); // 23:00 in Sofia
    assert.deepEqual(formatWhen('en-GB', 'Europe/Sofia', start, start + 2 * 3_600_000), {
      date: 'Saturday 5 December',
      times: '23:00 – Sunday 6 December, 01:00',
    });
  });
});
