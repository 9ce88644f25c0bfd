/**
 * The Ampeco simulator answers like the real Public API: every response body of these tests is
 * checked against Ampeco's OpenAPI definition of its operation and status (`call` below), and every
 * request body we send against the operation's requestBody schema.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { createSimulator, REJECTION_REASONS, type Simulator } from '../../server/simulator.js';
import { assertValidRequestBody, validatedJson } from '../support/openapi.js';

const ORIGIN = 'http://simulator.invalid';
const AUTH: Record<string, string> = { authorization: 'Bearer test-token', accept: 'application/json' };

/** Wednesday 10 June 2030, 09:15:30.250 UTC: the injected clock's start. */
const T0 = Date.parse('2030-06-10T09:15:30.250Z');
const PENDING_MS = 1500;

interface Answer<T> {
  status: number;
  body: T;
  headers: Headers;
}

interface Links {
  first: string | null;
  last: string | null;
  prev: string | null;
  next: string | null;
}
interface List<T> {
  data: T[];
  links: Links;
  meta: {
    path: string;
    per_page: number;
    next_cursor?: string | null;
    current_page?: number;
    last_page?: number;
    total?: number;
  };
}
interface Item<T> {
  data: T;
}
interface ApiErrorBody {
  message: string;
  errors?: Record<string, string[]>;
}
interface Translation {
  locale: string;
  translation: string;
}
interface Location {
  id: number;
  name: Translation[];
  timezone: string | null;
}
interface ChargePoint {
  id: number;
  locationId: number;
}
interface Connector {
  id: number;
  type: string;
  status: string;
}
interface Evse {
  id: number;
  label: string;
  physicalReference: string;
  currentType: 'ac' | 'dc';
  status: string;
  bookingEnabled: boolean;
  powerOptions: { maxPower: number | null };
  connectors?: Connector[];
}
interface Slot {
  startAt: string;
  endAt: string;
}
interface EvseAvailability {
  evseId: number;
  availableSlots: Slot[];
}
interface User {
  id: string;
  email: string;
}
interface BookingRequest {
  id: number;
  type: string;
  status: 'pending' | 'approved' | 'rejected';
  userId?: number;
  locationId?: number;
  evseId?: number;
  startAt?: string;
  endAt?: string;
  externalId?: string;
  bookingId?: number;
  rejectionReason?: string;
  createdAt: string;
  lastUpdatedAt: string;
}
interface Booking {
  id: number;
  userId: number;
  locationId: number;
  startAt: string;
  endAt: string;
  status: string;
  evse?: Evse;
  bookedEvses?: { id: number }[];
}

let clock: number;
let simulator: Simulator;

beforeEach(() => {
  clock = T0;
  simulator = createSimulator({ now: () => clock, pendingMs: PENDING_MS });
});

/** Sends a request to the simulator and returns the answer, its body checked against the OpenAPI definitions. */
async function call<T>(
  method: string,
  pathOrUrl: string,
  body?: unknown,
  headers: Record<string, string> = AUTH,
): Promise<Answer<T>> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${ORIGIN}/public-api${pathOrUrl}`;
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  const request = new Request(url, init);
  const response = await simulator.fetch(request.clone());
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  return { status: response.status, body: (await validatedJson(request, response)) as T, headers: response.headers };
}

/** Every page of a list, following `links.next` until it is absent; checks it agrees with `meta`. */
async function allPages<T>(firstPath: string): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let next: string | null = firstPath;
  let pages = 0;
  while (next !== null) {
    const page: Answer<List<T>> = await call<List<T>>('GET', next);
    assert.equal(page.status, 200);
    items.push(...page.body.data);
    pages += 1;
    next = page.body.links.next;
    const { meta } = page.body;
    if (next !== null && meta.current_page !== undefined) {
      assert.equal(new URL(next).searchParams.get('page'), String(meta.current_page + 1));
    } else if (next !== null) {
      assert.equal(new URL(next).searchParams.get('cursor'), meta.next_cursor);
    } else {
      assert.equal(meta.next_cursor ?? null, null);
    }
    assert.ok(pages < 20, 'pagination ends');
  }
  return { items, pages };
}

const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const HOUR = 3_600_000;
/** Midnight UTC of the clock's next day (the seeded bookings are relative to it). */
const TOMORROW = Date.parse('2030-06-11T00:00:00Z');

function availabilityBody(startAfter: number, endBefore: number): { startAfter: string; endBefore: string } {
  const body = { startAfter: iso(startAfter), endBefore: iso(endBefore) };
  assertValidRequestBody('POST', '/actions/locations/v2.0/7/check-booking-availability', body);
  return body;
}

async function availability(locationId: number, startAfter: number, endBefore: number): Promise<Map<number, Slot[]>> {
  const answer = await call<{ data: EvseAvailability[] }>(
    'POST',
    `/actions/locations/v2.0/${locationId}/check-booking-availability`,
    availabilityBody(startAfter, endBefore),
  );
  assert.equal(answer.status, 200);
  return new Map(answer.body.data.map((item) => [item.evseId, item.availableSlots]));
}

interface CreateBody {
  type: 'create';
  userId: number;
  locationId: number;
  startAt: string;
  endAt: string;
  evseId?: number;
  externalId?: string;
}

function createBody(overrides: Partial<CreateBody> = {}): CreateBody {
  const body: CreateBody = {
    type: 'create',
    userId: 42,
    locationId: 7,
    evseId: 12,
    startAt: iso(TOMORROW + 10 * HOUR),
    endAt: iso(TOMORROW + 11 * HOUR),
    externalId: 'c7a3e0c2-5d0b-4f3e-9d55-6a1f0f6b2a10',
    ...overrides,
  };
  assertValidRequestBody('POST', '/resources/booking-requests/v1.0', body);
  return body;
}

async function createRequest(body: unknown): Promise<BookingRequest> {
  const answer = await call<Item<BookingRequest>>('POST', '/resources/booking-requests/v1.0', body);
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
  return answer.body.data;
}

async function readRequest(id: number): Promise<BookingRequest> {
  const answer = await call<Item<BookingRequest>>('GET', `/resources/booking-requests/v1.0/${id}`);
  assert.equal(answer.status, 200);
  return answer.body.data;
}

async function expect422(
  method: string,
  path: string,
  body: unknown,
): Promise<ApiErrorBody & { errors: Record<string, string[]> }> {
  const answer = await call<ApiErrorBody>(method, path, body);
  assert.equal(answer.status, 422, JSON.stringify(answer.body));
  assert.ok(answer.body.errors !== undefined, 'a 422 names the fields');
  return answer.body as ApiErrorBody & { errors: Record<string, string[]> };
}

const OPERATIONS: readonly [string, string, unknown?][] = [
  ['GET', '/resources/locations/v2.0/7'],
  ['GET', '/resources/charge-points/v2.0?filter[locationId]=7'],
  ['GET', '/resources/charge-points/v2.0/101/evses?include[]=connectors'],
  [
    'POST',
    '/actions/locations/v2.0/7/check-booking-availability',
    { startAfter: '2030-06-11T00:00:00Z', endBefore: '2030-06-12T00:00:00Z' },
  ],
  ['GET', '/resources/users/v1.0?filter[email]=driver@example.com'],
  ['POST', '/resources/booking-requests/v1.0', { type: 'create' }],
  ['GET', '/resources/booking-requests/v1.0?filter[externalId]=x'],
  ['GET', '/resources/booking-requests/v1.0/1'],
  ['GET', '/resources/bookings/v1.0?filter[userId]=42'],
  ['GET', '/resources/bookings/v1.0/501'],
];

describe('authentication and routing', () => {
  for (const [method, path, body] of OPERATIONS) {
    it(`${method} ${path} without a Bearer token is 401`, async () => {
      const unauthenticated: Record<string, string>[] = [
        {},
        { authorization: 'Bearer ' },
        { authorization: 'Basic dXNlcjpwYXNz' },
      ];
      for (const headers of unauthenticated) {
        const answer = await call<ApiErrorBody>(method, path, body, headers);
        assert.equal(answer.status, 401);
        assert.equal(typeof answer.body.message, 'string');
      }
    });
  }

  it('accepts any non-empty Bearer token', async () => {
    const answer = await call<Item<Location>>('GET', '/resources/locations/v2.0/7', undefined, {
      authorization: 'bearer x',
    });
    assert.equal(answer.status, 200);
  });

  it('answers 404 "The record is not found" for paths it does not know', async () => {
    const unknown = [
      '/public-api/resources/evses/v9.9',
      '/public-api/resources/locations/v2.0/7/x',
      '/api/resources/locations/v2.0/7',
      '/',
    ];
    for (const path of unknown) {
      const response = await simulator.fetch(new Request(`${ORIGIN}${path}`, { headers: AUTH }));
      assert.equal(response.status, 404, path);
      assert.deepEqual(await response.json(), { message: 'The record is not found' });
    }
  });

  it('answers 405 with Allow for a known path and another method', async () => {
    const request = new Request(`${ORIGIN}/public-api/resources/locations/v2.0/7`, { method: 'DELETE', headers: AUTH });
    const response = await simulator.fetch(request);
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET');
    assert.equal(typeof ((await response.json()) as ApiErrorBody).message, 'string');
  });

  it('answers on any host', async () => {
    const answer = await call<Item<Location>>(
      'GET',
      'https://tenant.eu.charge.ampeco.tech/public-api/resources/locations/v2.0/7/',
    );
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.id, 7);
  });
});

describe('GET /resources/locations/v2.0/{location}', () => {
  it('reads location 7 with its translated names and timezone', async () => {
    const answer = await call<Item<Location>>('GET', '/resources/locations/v2.0/7');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.id, 7);
    assert.equal(answer.body.data.timezone, 'Europe/Sofia');
    const names = Object.fromEntries(answer.body.data.name.map((name) => [name.locale, name.translation]));
    assert.equal(names['en'], 'Sofia Tech Park Garage');
    assert.match(names['bg'] ?? '', /[\u0400-\u04FF]/);
    assert.ok(names['de']);
  });

  it('reads location 8, whose timezone is null', async () => {
    const answer = await call<Item<Location>>('GET', '/resources/locations/v2.0/8');
    assert.equal(answer.status, 200);
    assert.equal(answer.body.data.timezone, null);
  });

  it('is 404 for an unknown or non-numeric id', async () => {
    for (const id of ['999', 'abc', '7.5']) {
      const answer = await call<ApiErrorBody>('GET', `/resources/locations/v2.0/${id}`);
      assert.equal(answer.status, 404);
      assert.equal(answer.body.message, 'The record is not found');
    }
  });
});

describe('GET /resources/charge-points/v2.0', () => {
  it('filters by location, one page by default', async () => {
    const answer = await call<List<ChargePoint>>('GET', '/resources/charge-points/v2.0?filter[locationId]=7');
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.body.data.map((chargePoint) => [chargePoint.id, chargePoint.locationId]),
      [
        [101, 7],
        [102, 7],
      ],
    );
    assert.equal(answer.body.links.next, null);
    assert.equal(answer.body.meta.next_cursor, null);
    assert.equal(answer.body.meta.per_page, 100);
  });

  it('lists every charge point without a filter, none for a location without any', async () => {
    const all = await call<List<ChargePoint>>('GET', '/resources/charge-points/v2.0');
    assert.deepEqual(
      all.body.data.map((chargePoint) => chargePoint.id),
      [101, 102, 201],
    );
    const none = await call<List<ChargePoint>>('GET', '/resources/charge-points/v2.0?filter[locationId]=999');
    assert.deepEqual(none.body.data, []);
  });

  it('paginates with cursors: links.next is absolute, on the request host, and keeps the filter', async () => {
    const firstUrl =
      'http://tenant.example:8080/public-api/resources/charge-points/v2.0?filter[locationId]=7&per_page=1';
    const first = await call<List<ChargePoint>>('GET', firstUrl);
    assert.deepEqual(
      first.body.data.map((chargePoint) => chargePoint.id),
      [101],
    );
    const next = new URL(first.body.links.next ?? 'missing:');
    assert.equal(next.origin, 'http://tenant.example:8080');
    assert.equal(next.pathname, '/public-api/resources/charge-points/v2.0');
    assert.equal(next.searchParams.get('filter[locationId]'), '7');
    assert.equal(next.searchParams.get('per_page'), '1');
    assert.equal(next.searchParams.get('cursor'), first.body.meta.next_cursor);
    assert.equal(first.body.links.prev, null);

    const second = await call<List<ChargePoint>>('GET', next.href);
    assert.deepEqual(
      second.body.data.map((chargePoint) => chargePoint.id),
      [102],
    );
    assert.equal(second.body.links.next, null);
    const back = await call<List<ChargePoint>>('GET', second.body.links.prev ?? 'missing:');
    assert.deepEqual(
      back.body.data.map((chargePoint) => chargePoint.id),
      [101],
    );
  });

  it('follows links.next until absent', async () => {
    const { items, pages } = await allPages<ChargePoint>('/resources/charge-points/v2.0?per_page=1');
    assert.deepEqual(
      items.map((chargePoint) => chargePoint.id),
      [101, 102, 201],
    );
    assert.equal(pages, 3);
  });

  it('reads an unreadable cursor as the first page and clamps per_page', async () => {
    const answer = await call<List<ChargePoint>>(
      'GET',
      '/resources/charge-points/v2.0?cursor=not-a-cursor&per_page=500',
    );
    assert.deepEqual(
      answer.body.data.map((chargePoint) => chargePoint.id),
      [101, 102, 201],
    );
    assert.equal(answer.body.meta.per_page, 100);
  });
});

/**
 * Charge Points / Read is not in the vendored subset of the definition (spec/README.md): its answer
 * is checked against the listing's entry of the same charge point instead, which is.
 */
describe('GET /resources/charge-points/v2.0/{chargePoint}', () => {
  it('answers the charge point as the listing shows it (with its locationId), 404 for an unknown one', async () => {
    const listed = await call<List<ChargePoint>>('GET', '/resources/charge-points/v2.0');
    for (const entry of listed.body.data) {
      const read = await simulator.fetch(
        new Request(`${ORIGIN}/public-api/resources/charge-points/v2.0/${entry.id}`, { headers: AUTH }),
      );
      assert.equal(read.status, 200);
      assert.deepEqual(await read.json(), { data: entry });
    }
    const unknown = await simulator.fetch(
      new Request(`${ORIGIN}/public-api/resources/charge-points/v2.0/999`, { headers: AUTH }),
    );
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { message: 'The record is not found' });
  });
});

describe('GET /resources/charge-points/v2.0/{chargePoint}/evses', () => {
  it('lists the EVSEs of charge point 101 with connectors when asked', async () => {
    const answer = await call<List<Evse>>('GET', '/resources/charge-points/v2.0/101/evses?include[]=connectors');
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.body.data.map((evse) => [evse.id, evse.label, evse.currentType, evse.status, evse.bookingEnabled]),
      [
        [11, 'Port A', 'ac', 'enabled', true],
        [12, 'Port B', 'ac', 'enabled', true],
        [13, 'Port C', 'ac', 'disabled', true],
      ],
    );
    for (const evse of answer.body.data) {
      assert.ok(evse.physicalReference.length > 0);
      assert.ok((evse.powerOptions.maxPower ?? 0) >= 11000, 'maxPower is in W');
      assert.ok((evse.connectors ?? []).length > 0);
    }
    assert.equal(answer.body.data[0]?.connectors?.[0]?.type, 'type2');
  });

  it('leaves connectors out unless included', async () => {
    const answer = await call<List<Evse>>('GET', '/resources/charge-points/v2.0/101/evses');
    assert.ok(answer.body.data.every((evse) => evse.connectors === undefined));
  });

  it('has an out-of-order EVSE and one not open to bookings on charge point 102', async () => {
    const answer = await call<List<Evse>>('GET', '/resources/charge-points/v2.0/102/evses?include[]=connectors');
    const byLabel = new Map(answer.body.data.map((evse) => [evse.label, evse]));
    assert.equal(byLabel.get('Port D')?.currentType, 'dc');
    assert.deepEqual(
      byLabel.get('Port D')?.connectors?.map((connector) => connector.type),
      ['ccs2', 'chademo'],
    );
    assert.equal(byLabel.get('Port F')?.status, 'out of order');
    assert.equal(byLabel.get('Port G')?.bookingEnabled, false);
    assert.equal(byLabel.get('Port G')?.status, 'enabled');
  });

  it('paginates with cursors', async () => {
    const { items, pages } = await allPages<Evse>(
      '/resources/charge-points/v2.0/102/evses?include[]=connectors&per_page=3',
    );
    assert.deepEqual(
      items.map((evse) => evse.id),
      [21, 22, 23, 24],
    );
    assert.equal(pages, 2);
    assert.ok(
      items.every((evse) => evse.connectors !== undefined),
      'include[] is kept in links.next',
    );
  });

  it('is 404 for an unknown charge point', async () => {
    const answer = await call<ApiErrorBody>('GET', '/resources/charge-points/v2.0/999/evses');
    assert.equal(answer.status, 404);
    assert.equal(answer.body.message, 'The record is not found');
  });
});

describe('GET /resources/evses/v2.1/{evse}', () => {
  it('answers the EVSE as its charge point’s list shows it, with its chargePointId; 404 for an unknown one', async () => {
    const listed = await call<List<Evse>>('GET', '/resources/charge-points/v2.0/201/evses?include[]=connectors');
    for (const evse of listed.body.data) {
      const read = await call<{ data: Evse }>('GET', `/resources/evses/v2.1/${evse.id}?include[]=connectors`);
      assert.equal(read.status, 200);
      assert.deepEqual(read.body.data, { chargePointId: 201, ...evse });
    }
    const unknown = await call<ApiErrorBody>('GET', '/resources/evses/v2.1/999');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.message, 'The record is not found');
  });
});

describe('POST /actions/locations/v2.0/{location}/check-booking-availability', () => {
  it('gives each bookable EVSE its open windows around the seeded bookings', async () => {
    const slots = await availability(7, TOMORROW, TOMORROW + 48 * HOUR);
    assert.deepEqual([...slots.keys()], [11, 12, 13, 21, 22, 23], 'Port G (bookingEnabled false) is left out');
    assert.deepEqual(slots.get(11), [
      { startAt: '2030-06-11T00:00:00Z', endAt: '2030-06-11T08:00:00Z' },
      { startAt: '2030-06-11T10:00:00Z', endAt: '2030-06-12T14:00:00Z' },
      { startAt: '2030-06-12T16:00:00Z', endAt: '2030-06-13T00:00:00Z' },
    ]);
    assert.deepEqual(slots.get(12), [{ startAt: '2030-06-11T00:00:00Z', endAt: '2030-06-13T00:00:00Z' }]);
    assert.deepEqual(slots.get(21), [
      { startAt: '2030-06-11T00:00:00Z', endAt: '2030-06-11T12:00:00Z' },
      { startAt: '2030-06-11T13:30:00Z', endAt: '2030-06-13T00:00:00Z' },
    ]);
    assert.deepEqual(slots.get(13), [], 'disabled');
    assert.deepEqual(slots.get(23), [], 'out of order');
  });

  it('answers for location 8 too', async () => {
    const slots = await availability(8, TOMORROW, TOMORROW + 24 * HOUR);
    assert.deepEqual(slots.get(31), [
      { startAt: '2030-06-11T00:00:00Z', endAt: '2030-06-11T09:00:00Z' },
      { startAt: '2030-06-11T11:00:00Z', endAt: '2030-06-12T00:00:00Z' },
    ]);
  });

  it('leaves out the past: windows start at the next whole minute', async () => {
    const slots = await availability(7, T0 - 2 * HOUR, T0 + 2 * HOUR);
    assert.deepEqual(slots.get(12), [{ startAt: '2030-06-10T09:16:00Z', endAt: '2030-06-10T11:15:30Z' }]);
    const past = await availability(7, T0 - 5 * HOUR, T0 - 2 * HOUR);
    assert.ok([...past.values()].every((windows) => windows.length === 0));
  });

  it('accepts exactly 7 days and rejects more with 422', async () => {
    const week = await availability(7, TOMORROW, TOMORROW + 7 * 24 * HOUR);
    assert.equal(week.get(12)?.[0]?.endAt, '2030-06-18T00:00:00Z');
    const error = await expect422(
      'POST',
      '/actions/locations/v2.0/7/check-booking-availability',
      availabilityBody(TOMORROW, TOMORROW + 7 * 24 * HOUR + 1000),
    );
    assert.deepEqual(Object.keys(error.errors), ['endBefore']);
  });

  it('is 422 for missing, malformed or reversed times', async () => {
    const path = '/actions/locations/v2.0/7/check-booking-availability';
    const missing = await expect422('POST', path, {});
    assert.deepEqual(Object.keys(missing.errors).sort(), ['endBefore', 'startAfter']);
    assert.equal(missing.message, 'The start after field is required. (and 1 more error)');
    const malformed = await expect422('POST', path, { startAfter: 'tomorrow', endBefore: '2030-06-12T00:00:00Z' });
    assert.deepEqual(malformed.errors, { startAfter: ['The start after field must be a valid date.'] });
    const reversed = await expect422('POST', path, availabilityBody(TOMORROW + HOUR, TOMORROW));
    assert.deepEqual(Object.keys(reversed.errors), ['endBefore']);
  });

  it('is 404 for an unknown location and 400 for a body that is not JSON', async () => {
    const path = '/actions/locations/v2.0/999/check-booking-availability';
    const unknown = await call<ApiErrorBody>('POST', path, availabilityBody(TOMORROW, TOMORROW + HOUR));
    assert.equal(unknown.status, 404);
    const malformed = await call<ApiErrorBody>(
      'POST',
      '/actions/locations/v2.0/7/check-booking-availability',
      '{"startAfter":',
    );
    assert.equal(malformed.status, 400);
  });
});

describe('GET /resources/users/v1.0', () => {
  it('finds the driver by email, with a string id', async () => {
    const answer = await call<List<User>>('GET', '/resources/users/v1.0?filter[email]=driver%40example.com');
    assert.equal(answer.status, 200);
    assert.deepEqual(
      answer.body.data.map((user) => [user.id, user.email]),
      [['42', 'driver@example.com']],
    );
    assert.equal(answer.body.meta.total, 1);
  });

  it('matches emails without regard to case', async () => {
    const answer = await call<List<User>>('GET', '/resources/users/v1.0?filter[email]=Driver@Example.COM');
    assert.deepEqual(
      answer.body.data.map((user) => user.id),
      ['42'],
    );
  });

  it('answers an empty data for an unknown email', async () => {
    const answer = await call<List<User>>('GET', '/resources/users/v1.0?filter[email]=nobody@example.com');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body.data, []);
    assert.equal(answer.body.meta.total, 0);
    assert.equal(answer.body.links.next, null);
  });

  it('paginates by page number', async () => {
    const first = await call<List<User>>('GET', '/resources/users/v1.0?per_page=1');
    assert.equal(first.body.meta.current_page, 1);
    assert.equal(first.body.meta.last_page, 2);
    assert.equal(new URL(first.body.links.next ?? 'missing:').searchParams.get('page'), '2');
    const { items, pages } = await allPages<User>('/resources/users/v1.0?per_page=1');
    assert.deepEqual(
      items.map((user) => user.email),
      ['driver@example.com', 'fleet@example.com'],
    );
    assert.equal(pages, 2);
  });
});

describe('POST /resources/booking-requests/v1.0', () => {
  it('creates a pending request that echoes what was asked', async () => {
    const body = createBody();
    const created = await createRequest(body);
    assert.equal(created.status, 'pending');
    assert.equal(created.type, 'create');
    assert.deepEqual(
      [created.userId, created.locationId, created.evseId, created.startAt, created.endAt, created.externalId],
      [42, 7, 12, body.startAt, body.endAt, body.externalId],
    );
    assert.equal(created.bookingId, undefined);
    assert.equal(created.rejectionReason, undefined);
    assert.equal(created.createdAt, '2030-06-10T09:15:30Z');
  });

  it('is 422 with every missing field named', async () => {
    const error = await expect422('POST', '/resources/booking-requests/v1.0', { type: 'create' });
    assert.deepEqual(Object.keys(error.errors).sort(), ['endAt', 'locationId', 'startAt', 'userId']);
    assert.equal(error.errors['userId']?.[0], 'The user id field is required.');
    assert.match(error.message, /^The user id field is required\. \(and 3 more errors\)$/);
    const noType = await expect422('POST', '/resources/booking-requests/v1.0', {});
    assert.deepEqual(noType.errors, { type: ['The type field is required.'] });
  });

  const invalid: readonly [string, Record<string, unknown>, string][] = [
    ['startAt equal to endAt', { startAt: '2030-06-11T10:00:00Z', endAt: '2030-06-11T10:00:00Z' }, 'endAt'],
    ['startAt after endAt', { startAt: '2030-06-11T11:00:00Z', endAt: '2030-06-11T10:00:00Z' }, 'endAt'],
    ['startAt in the past', { startAt: '2030-06-10T09:00:00Z', endAt: '2030-06-10T10:00:00Z' }, 'startAt'],
    ['an EVSE of another location', { evseId: 31 }, 'evseId'],
    ['an EVSE that does not exist', { evseId: 999 }, 'evseId'],
    ['an unknown user', { userId: 999 }, 'userId'],
    ['a user id string', { userId: '42' }, 'userId'],
    ['an unknown location', { locationId: 999 }, 'locationId'],
    ['a malformed date', { startAt: 'tomorrow at ten' }, 'startAt'],
    ['an externalId over 255 characters', { externalId: 'x'.repeat(256) }, 'externalId'],
    ['an unknown type', { type: 'extend' }, 'type'],
  ];
  for (const [what, overrides, field] of invalid) {
    it(`is 422 for ${what}`, async () => {
      const error = await expect422('POST', '/resources/booking-requests/v1.0', { ...createBody(), ...overrides });
      assert.deepEqual(Object.keys(error.errors), [field]);
      assert.equal(error.message, error.errors[field]?.[0]);
    });
  }

  it('is 422 for a second request with an externalId already used, even for another EVSE or time', async () => {
    const first = await createRequest(createBody());
    for (const overrides of [
      {},
      { evseId: 11 },
      { startAt: iso(TOMORROW + 14 * HOUR), endAt: iso(TOMORROW + 15 * HOUR) },
    ]) {
      const error = await expect422('POST', '/resources/booking-requests/v1.0', createBody(overrides));
      assert.deepEqual(error.errors, { externalId: ['The external id has already been taken.'] });
    }
    const found = await call<List<BookingRequest>>(
      'GET',
      `/resources/booking-requests/v1.0?filter[externalId]=${first.externalId ?? ''}`,
    );
    assert.deepEqual(
      found.body.data.map((request) => request.id),
      [first.id],
    );
    assert.equal((await createRequest(createBody({ externalId: 'another-attempt' }))).status, 'pending');
  });

  it('is 400 for a body that is not JSON', async () => {
    const answer = await call<ApiErrorBody>('POST', '/resources/booking-requests/v1.0', 'type=create');
    assert.equal(answer.status, 400);
  });

  it('is 422 for an update or cancel of a booking that does not exist', async () => {
    for (const body of [
      { type: 'cancel', bookingId: 999 },
      { type: 'update', bookingId: 999, startAt: '2030-06-11T10:00:00Z' },
      { type: 'cancel' },
    ]) {
      const error = await expect422('POST', '/resources/booking-requests/v1.0', body);
      assert.deepEqual(Object.keys(error.errors), ['bookingId']);
    }
  });
});

describe('booking request life (injected clock)', () => {
  it('stays pending for pendingMs, then is approved with a booking', async () => {
    const created = await createRequest(createBody());
    clock = T0 + PENDING_MS - 1;
    assert.equal((await readRequest(created.id)).status, 'pending');
    clock = T0 + PENDING_MS;
    const approved = await readRequest(created.id);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.rejectionReason, undefined);
    assert.equal(approved.lastUpdatedAt, '2030-06-10T09:15:31Z');
    assert.equal(typeof approved.bookingId, 'number');

    const booking = await call<Item<Booking>>(
      'GET',
      `/resources/bookings/v1.0/${approved.bookingId}?include[]=bookedEvses`,
    );
    assert.equal(booking.status, 200);
    assert.equal(booking.body.data.status, 'accepted');
    assert.equal(booking.body.data.userId, 42);
    assert.equal(booking.body.data.locationId, 7);
    assert.equal(booking.body.data.startAt, '2030-06-11T10:00:00Z');
    assert.equal(booking.body.data.endAt, '2030-06-11T11:00:00Z');
    assert.equal(booking.body.data.evse?.id, 12);
    assert.equal(booking.body.data.evse?.label, 'Port B');
    assert.deepEqual(booking.body.data.bookedEvses, [{ id: 12 }]);
    assert.equal('evseId' in booking.body.data, false);
  });

  it('is decided by the clock, not by being read', async () => {
    const created = await createRequest(createBody());
    clock = T0 + 60_000;
    const listed = await call<List<BookingRequest>>('GET', '/resources/booking-requests/v1.0?filter[status]=approved');
    assert.deepEqual(
      listed.body.data.map((request) => request.id),
      [created.id],
    );
    assert.equal(listed.body.data[0]?.lastUpdatedAt, '2030-06-10T09:15:31Z', 'decided when its pending time ended');
  });

  it('takes the booked time out of the availability', async () => {
    await createRequest(createBody({ evseId: 12, startAt: '2030-06-11T10:00:00Z', endAt: '2030-06-11T11:30:00Z' }));
    clock += PENDING_MS;
    const slots = await availability(7, TOMORROW, TOMORROW + 24 * HOUR);
    assert.deepEqual(slots.get(12), [
      { startAt: '2030-06-11T00:00:00Z', endAt: '2030-06-11T10:00:00Z' },
      { startAt: '2030-06-11T11:30:00Z', endAt: '2030-06-12T00:00:00Z' },
    ]);
  });

  it('is rejected with a reason when the slot overlaps an existing booking', async () => {
    // Port A is booked tomorrow 08:00–10:00 (seeded).
    const created = await createRequest(
      createBody({ evseId: 11, startAt: '2030-06-11T09:30:00Z', endAt: '2030-06-11T10:30:00Z' }),
    );
    assert.equal(created.status, 'pending');
    clock += PENDING_MS;
    const rejected = await readRequest(created.id);
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectionReason, REJECTION_REASONS.slotTaken);
    assert.equal(rejected.bookingId, undefined);
    const bookings = await call<List<Booking>>('GET', '/resources/bookings/v1.0?filter[userId]=42');
    assert.deepEqual(bookings.body.data, []);
  });

  it('books right after an existing booking (windows are half-open)', async () => {
    const created = await createRequest(
      createBody({ evseId: 11, startAt: '2030-06-11T10:00:00Z', endAt: '2030-06-11T11:00:00Z' }),
    );
    clock += PENDING_MS;
    assert.equal((await readRequest(created.id)).status, 'approved');
  });

  it('approves the first of two requests for the same slot and rejects the second', async () => {
    const first = await createRequest(createBody({ externalId: 'first' }));
    clock += 100;
    const second = await createRequest(createBody({ externalId: 'second', userId: 43 }));
    clock += PENDING_MS;
    assert.equal((await readRequest(second.id)).status, 'rejected');
    assert.equal((await readRequest(first.id)).status, 'approved');
  });

  for (const [evseId, what] of [
    [13, 'disabled'],
    [23, 'out of order'],
    [24, 'not open to bookings'],
  ] as const) {
    it(`is rejected for an EVSE that is ${what}`, async () => {
      const created = await createRequest(createBody({ evseId }));
      clock += PENDING_MS;
      const rejected = await readRequest(created.id);
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.rejectionReason, REJECTION_REASONS.evseNotBookable);
    });
  }

  it('is rejected when the start has passed by the time it is decided', async () => {
    const created = await createRequest(createBody({ startAt: iso(T0 + 1000 - 250), endAt: iso(T0 + HOUR) }));
    clock += PENDING_MS;
    const rejected = await readRequest(created.id);
    assert.equal(rejected.status, 'rejected');
    assert.equal(rejected.rejectionReason, REJECTION_REASONS.startPassed);
  });

  it('without evseId books the first free bookable EVSE of the location', async () => {
    const { evseId: _omitted, ...body } = createBody({
      startAt: '2030-06-11T08:30:00Z',
      endAt: '2030-06-11T09:30:00Z',
    });
    const created = await createRequest(body);
    assert.equal(created.evseId, undefined);
    clock += PENDING_MS;
    const approved = await readRequest(created.id);
    const booking = await call<Item<Booking>>('GET', `/resources/bookings/v1.0/${approved.bookingId}`);
    assert.equal(booking.body.data.evse?.id, 12, 'Port A is taken at that time');
  });

  it('cancels a booking, which frees its time', async () => {
    const cancel = { type: 'cancel', bookingId: 501 };
    assertValidRequestBody('POST', '/resources/booking-requests/v1.0', cancel);
    const created = await createRequest(cancel);
    assert.equal(created.bookingId, 501);
    clock += PENDING_MS;
    assert.equal((await readRequest(created.id)).status, 'approved');
    const booking = await call<Item<Booking>>('GET', '/resources/bookings/v1.0/501');
    assert.equal(booking.body.data.status, 'cancelled');
    const slots = await availability(7, TOMORROW, TOMORROW + 12 * HOUR);
    assert.deepEqual(slots.get(11), [{ startAt: '2030-06-11T00:00:00Z', endAt: '2030-06-11T12:00:00Z' }]);
    const again = await createRequest(cancel);
    clock += PENDING_MS;
    assert.equal((await readRequest(again.id)).rejectionReason, REJECTION_REASONS.bookingClosed);
  });

  it('moves a booking with an update when the new time is free', async () => {
    const update = { type: 'update', bookingId: 502, startAt: '2030-06-11T14:00:00Z', endAt: '2030-06-11T15:00:00Z' };
    assertValidRequestBody('POST', '/resources/booking-requests/v1.0', update);
    const moved = await createRequest(update);
    clock += PENDING_MS;
    assert.equal((await readRequest(moved.id)).status, 'approved');
    const booking = await call<Item<Booking>>('GET', '/resources/bookings/v1.0/502');
    assert.deepEqual(
      [booking.body.data.startAt, booking.body.data.endAt],
      ['2030-06-11T14:00:00Z', '2030-06-11T15:00:00Z'],
    );
  });
});

describe('GET /resources/booking-requests/v1.0 and /{bookingRequest}', () => {
  it('finds a request by filter[externalId]', async () => {
    const created = await createRequest(createBody({ externalId: 'lost-answer-1' }));
    await createRequest(
      createBody({ externalId: 'other', startAt: '2030-06-11T15:00:00Z', endAt: '2030-06-11T16:00:00Z' }),
    );
    const found = await call<List<BookingRequest>>(
      'GET',
      '/resources/booking-requests/v1.0?filter[externalId]=lost-answer-1',
    );
    assert.equal(found.status, 200);
    assert.deepEqual(
      found.body.data.map((request) => request.id),
      [created.id],
    );
    const none = await call<List<BookingRequest>>(
      'GET',
      '/resources/booking-requests/v1.0?filter[externalId]=never-sent',
    );
    assert.deepEqual(none.body.data, []);
  });

  it('filters by userId and status, and paginates with cursors', async () => {
    const hours = [10, 12, 14];
    const mine: number[] = [];
    for (const hour of hours) {
      const startAt = iso(TOMORROW + hour * HOUR);
      const endAt = iso(TOMORROW + (hour + 1) * HOUR);
      mine.push((await createRequest(createBody({ startAt, endAt, externalId: `mine-${hour}` }))).id);
    }
    await createRequest(createBody({ userId: 43, evseId: 22, externalId: 'theirs' }));
    const { items, pages } = await allPages<BookingRequest>(
      '/resources/booking-requests/v1.0?filter[userId]=42&per_page=2',
    );
    assert.deepEqual(
      items.map((request) => request.id),
      mine,
    );
    assert.equal(pages, 2);
    const pending = await call<List<BookingRequest>>('GET', '/resources/booking-requests/v1.0?filter[status]=pending');
    assert.equal(pending.body.data.length, 4);
    const rejected = await call<List<BookingRequest>>(
      'GET',
      '/resources/booking-requests/v1.0?filter[status]=rejected',
    );
    assert.deepEqual(rejected.body.data, []);
  });

  it('is 404 for an unknown request', async () => {
    const answer = await call<ApiErrorBody>('GET', '/resources/booking-requests/v1.0/4242');
    assert.equal(answer.status, 404);
    assert.equal(answer.body.message, 'The record is not found');
  });
});

describe('GET /resources/bookings/v1.0 and /{booking}', () => {
  it('lists the seeded bookings of a location with their EVSE', async () => {
    const answer = await call<List<Booking>>('GET', '/resources/bookings/v1.0?filter[locationId]=7');
    assert.deepEqual(
      answer.body.data.map((booking) => [booking.id, booking.evse?.id]),
      [
        [501, 11],
        [502, 21],
        [503, 11],
      ],
    );
  });

  it('filters by user and follows links.next until absent', async () => {
    assert.deepEqual((await call<List<Booking>>('GET', '/resources/bookings/v1.0?filter[userId]=42')).body.data, []);
    const { items, pages } = await allPages<Booking>('/resources/bookings/v1.0?filter[userId]=43&per_page=1');
    assert.deepEqual(
      items.map((booking) => booking.id),
      [501, 502, 503, 504],
    );
    assert.equal(pages, 4);
  });

  it('filters by start with filter[startAfter] and filter[startBefore], both inclusive', async () => {
    const ids = async (query: string): Promise<number[]> =>
      (
        await call<List<Booking>>('GET', `/resources/bookings/v1.0?filter[userId]=43&per_page=100${query}`)
      ).body.data.map((booking) => booking.id);
    const all = (await call<List<Booking>>('GET', '/resources/bookings/v1.0?filter[userId]=43&per_page=100')).body.data;
    const first = all[0];
    assert.ok(first !== undefined && all.length > 1);
    const laterStarts = all.filter((booking) => Date.parse(booking.startAt) > Date.parse(first.startAt));
    assert.ok(laterStarts.length > 0, 'the seed has bookings with different starts');
    assert.deepEqual(
      await ids(`&filter[startAfter]=${first.startAt}&filter[startBefore]=${first.startAt}`),
      all.filter((booking) => booking.startAt === first.startAt).map((booking) => booking.id),
    );
    assert.deepEqual(
      await ids(`&filter[startAfter]=${laterStarts[0]?.startAt ?? ''}`),
      all
        .filter((booking) => Date.parse(booking.startAt) >= Date.parse(laterStarts[0]?.startAt ?? ''))
        .map((b) => b.id),
    );
    assert.deepEqual(await ids('&filter[startBefore]=2000-01-01T00:00:00Z'), []);
  });

  it('reads a booking, with bookedEvses only when included', async () => {
    const plain = await call<Item<Booking>>('GET', '/resources/bookings/v1.0/501');
    assert.equal(plain.body.data.bookedEvses, undefined);
    assert.equal(plain.body.data.startAt, '2030-06-11T08:00:00Z');
    const included = await call<Item<Booking>>('GET', '/resources/bookings/v1.0/501?include[]=bookedEvses');
    assert.deepEqual(included.body.data.bookedEvses, [{ id: 11 }]);
  });

  it('is 404 for an unknown booking', async () => {
    const answer = await call<ApiErrorBody>('GET', '/resources/bookings/v1.0/9999');
    assert.equal(answer.status, 404);
  });
});

describe('state', () => {
  it('is kept per simulator and forgotten by reset()', async () => {
    const created = await createRequest(createBody());
    const other = createSimulator({ now: () => clock });
    const url = `${ORIGIN}/public-api/resources/booking-requests/v1.0/${created.id}`;
    const elsewhere = await other.fetch(new Request(url, { headers: AUTH }));
    assert.equal(elsewhere.status, 404);
    simulator.reset();
    const answer = await call<ApiErrorBody>('GET', `/resources/booking-requests/v1.0/${created.id}`);
    assert.equal(answer.status, 404);
  });

  it('with the real clock, seeds bookings in the coming days and leaves slots open', async () => {
    simulator = createSimulator();
    const start = Date.now();
    const slots = await availability(7, start, start + 3 * 24 * HOUR);
    assert.ok((slots.get(11) ?? []).length >= 2, 'Port A has gaps');
    assert.ok((slots.get(12) ?? []).length >= 1);
  });
});
