/**
 * The widget's zod schemas (src/api/schemas.ts) against Ampeco's OpenAPI definitions: whatever the
 * real API may answer (bodies valid per the definitions: the simulator's and realistic hand-written
 * variants with nulls and extra fields) parses, and every create body the widget would send is
 * valid per the definitions. Also checks that the OpenAPI helper itself rejects what it should.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type * as z from 'zod/mini';
import { createSimulator } from '../../server/simulator.js';
import {
  AvailabilityBody,
  AvailabilityResponse,
  ChargePointList,
  CreateBookingRequestBody,
  ErrorBody,
  EvseList,
  LocationResponse,
  UserList,
} from '../../src/api/schemas.js';
import {
  BookingList,
  BookingRequestList,
  BookingRequestResponse,
  BookingResponse,
} from '../../src/api/booking-schemas.js';
import {
  assertValidRequestBody,
  assertValidResponse,
  declaredStatuses,
  templateOf,
  validateRequestBody,
  validateResponse,
} from '../support/openapi.js';

const CLOCK = Date.parse('2030-06-10T09:15:30Z');

// ---------------------------------------------------------------------------------------------
// Bodies the simulator answers, collected once.

const simulated = new Map<string, unknown[]>();

function keep(kind: string, body: unknown): void {
  simulated.set(kind, [...(simulated.get(kind) ?? []), body]);
}

before(async () => {
  let clock = CLOCK;
  const simulator = createSimulator({ now: () => clock, pendingMs: 1000 });
  const send = async (method: string, path: string, body?: unknown, token = 'token'): Promise<unknown> => {
    const init: RequestInit = { method, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    const response = await simulator.fetch(new Request(`http://simulator.invalid/public-api${path}`, init));
    return response.json();
  };
  keep('location', await send('GET', '/resources/locations/v2.0/7'));
  keep('location', await send('GET', '/resources/locations/v2.0/8'));
  keep('chargePoints', await send('GET', '/resources/charge-points/v2.0?filter[locationId]=7&per_page=1'));
  keep('chargePoints', await send('GET', '/resources/charge-points/v2.0'));
  for (const chargePoint of [101, 102, 201]) {
    keep('evses', await send('GET', `/resources/charge-points/v2.0/${chargePoint}/evses?include[]=connectors`));
    keep('evses', await send('GET', `/resources/charge-points/v2.0/${chargePoint}/evses?per_page=1`));
  }
  const window = { startAfter: '2030-06-11T00:00:00Z', endBefore: '2030-06-18T00:00:00Z' };
  keep('availability', await send('POST', '/actions/locations/v2.0/7/check-booking-availability', window));
  keep('users', await send('GET', '/resources/users/v1.0?filter[email]=driver@example.com'));
  keep('users', await send('GET', '/resources/users/v1.0?filter[email]=nobody@example.com'));
  const create = (evseId: number, externalId: string): unknown => ({
    type: 'create',
    userId: 42,
    locationId: 7,
    evseId,
    startAt: '2030-06-11T09:00:00Z',
    endAt: '2030-06-11T10:00:00Z',
    externalId,
  });
  keep('bookingRequest', await send('POST', '/resources/booking-requests/v1.0', create(12, 'a')));
  keep('bookingRequest', await send('POST', '/resources/booking-requests/v1.0', create(11, 'b')));
  keep('bookingRequests', await send('GET', '/resources/booking-requests/v1.0?filter[status]=pending'));
  clock += 1000;
  keep('bookingRequest', await send('GET', '/resources/booking-requests/v1.0/1'));
  keep('bookingRequest', await send('GET', '/resources/booking-requests/v1.0/2'));
  keep('bookingRequests', await send('GET', '/resources/booking-requests/v1.0?per_page=1'));
  keep('bookingRequests', await send('GET', '/resources/booking-requests/v1.0?filter[externalId]=b'));
  keep('booking', await send('GET', '/resources/bookings/v1.0/601'));
  keep('booking', await send('GET', '/resources/bookings/v1.0/501?include[]=bookedEvses'));
  keep('bookings', await send('GET', '/resources/bookings/v1.0?filter[userId]=42'));
  keep('bookings', await send('GET', '/resources/bookings/v1.0?per_page=2'));
  keep('error 401', await send('GET', '/resources/locations/v2.0/7', undefined, ''));
  keep('error 404', await send('GET', '/resources/bookings/v1.0/9'));
  keep('error 422', await send('POST', '/resources/booking-requests/v1.0', { type: 'create', userId: '42' }));
});

// ---------------------------------------------------------------------------------------------
// Realistic bodies written by hand: minimal ones, nulls wherever the definitions allow them,
// other time formats Laravel writes, fields the widget does not know.

const cursorLinks = {
  links: {
    first: null,
    last: null,
    prev: null,
    next: 'https://tenant.eu.charge.ampeco.tech/public-api/resources/x?cursor=eyJpZCI6MTAyfQ',
  },
  meta: {
    path: 'https://tenant.eu.charge.ampeco.tech/public-api/resources/x',
    per_page: 1,
    next_cursor: 'eyJpZCI6MTAyfQ',
    prev_cursor: null,
  },
};
const lastPage = {
  links: { first: null, last: null, prev: null, next: null },
  meta: { path: 'https://tenant.example/public-api/resources/x', per_page: 100, next_cursor: null, prev_cursor: null },
};

const minimalLocation = {
  id: 12,
  name: [{ locale: 'en', translation: '<img src=x onerror=alert(1)>' }],
  geoposition: { latitude: -33.8688, longitude: 151.2093 },
  address: [],
  city: null,
  country: 'AU',
  roamingOperatorId: 3,
};

const minimalEvse = {
  id: 15,
  physicalReference: 'CP-01-A',
  currentType: 'dc',
  networkId: '1',
  status: 'enabled',
  hardwareStatus: null,
  roamingOperatorId: 3,
  createdAt: '2025-11-02T08:00:00.000000Z',
  lastUpdatedAt: '2025-11-02T08:00:00+00:00',
};

const bookingFromDocs = {
  id: 100,
  userId: 42,
  locationId: 7,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
  status: 'accepted',
  evse: {
    id: 15,
    physicalReference: 'CP-01-A',
    label: 'Charger 1 - Port A',
    currentType: 'dc',
    networkId: '1',
    status: 'enabled',
    bookingEnabled: true,
    connectors: [{ id: 1, type: 'ccs1', maxPowerWh: 150000 }],
  },
  authorizedTokens: [],
  createdAt: '2026-02-28T14:30:01Z',
  lastUpdatedAt: '2026-02-28T14:30:01Z',
};

const pendingRequest = {
  id: 1,
  type: 'create',
  status: 'pending',
  userId: 42,
  locationId: 7,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
  createdAt: '2026-02-28T14:30:00Z',
  lastUpdatedAt: '2026-02-28T14:30:00Z',
};

const handWritten: Record<string, unknown[]> = {
  location: [
    { data: { ...minimalLocation, timezone: null } },
    {
      data: {
        ...minimalLocation,
        name: [
          { locale: 'en', translation: 'Harbour Car Park' },
          { locale: 'zh-Hant', translation: '海港停車場' },
        ],
        timezone: 'Australia/Sydney',
        externalId: null,
        postCode: null,
        parkingType: null,
        accessMethods: null,
        facilities: null,
        locationImage: null,
        externalAppData: null,
        workingHours: { isAlwaysOpen: false, hours: { monday: [{ start: '06:00:00Z', end: '22:00:00Z' }] } },
        status: 'enabled',
        somethingAmpecoAddsLater: { nested: [1, 2, 3] },
        lastUpdatedAt: '2026-02-28T14:30:00.000000Z',
      },
    },
  ],
  chargePoints: [
    { data: [], ...lastPage },
    {
      data: [
        {
          id: 5,
          name: 'CP 5',
          type: 'private',
          status: 'out of order',
          locationId: 12,
          chargingZoneId: null,
          network: { id: null },
          security: { currentProfile: 0 },
          networkStatus: 'never_connected',
          autoStartWithoutAuthorization: false,
          disableAutoStartEmulation: false,
          enableAutoFaultRecovery: true,
          communicationMode: 'roaming',
          lastUpdatedAt: '2026-02-28T14:30:00Z',
          chargingProfile: null,
          lastBootNotification: null,
        },
      ],
      ...cursorLinks,
    },
  ],
  evses: [
    { data: [minimalEvse], ...lastPage },
    {
      data: [
        {
          ...minimalEvse,
          label: 'Port A',
          bookingEnabled: true,
          allowsReservation: false,
          powerOptions: { maxPower: null, maxVoltage: null, maxAmperage: null, phases: null },
          connectors: [{ id: 1, type: 'ccs2', format: 'cable', status: 'enabled' }],
          chargingProfile: null,
          externalAppData: null,
          roaming: { evseId: null, tariffIds: [], capabilities: [], physicalReference: null, status: null },
        },
        { ...minimalEvse, id: 16, currentType: 'ac', status: 'out of order', bookingEnabled: false, connectors: [] },
      ],
      ...cursorLinks,
    },
  ],
  availability: [
    { data: [] },
    {
      data: [
        { evseId: 15, availableSlots: [] },
        {
          evseId: 16,
          availableSlots: [
            { startAt: '2026-03-01T08:00:00+00:00', endAt: '2026-03-01T10:00:00.000000Z' },
            { startAt: '2026-03-01T12:00:00+02:00', endAt: '2026-03-01T18:00:00Z' },
          ],
        },
      ],
    },
  ],
  users: [
    {
      data: [
        {
          id: '42',
          email: 'driver@example.com',
          emailVerified: null,
          firstName: null,
          middleName: null,
          lastName: null,
          phone: null,
          country: null,
          locale: null,
          balance: 12.5,
          status: 'disabled',
          externalId: null,
          subscriptionId: null,
          partnerInvites: null,
          externalAppData: null,
        },
      ],
      links: { first: 'https://t.example/public-api/resources/users/v1.0?page=1', last: null, prev: null, next: null },
      meta: {
        current_page: 1,
        from: 1,
        last_page: 1,
        links: [{ url: null, label: '&laquo; Previous', active: false }],
        path: 'https://t.example/public-api/resources/users/v1.0',
        per_page: 100,
        to: 1,
        total: 1,
      },
    },
    { data: [{ id: '7', email: 'a@b.example' }], ...cursorLinks },
    {
      data: [],
      links: { first: null, last: null, prev: null, next: null },
      meta: { current_page: 1, from: null, last_page: 1, links: [], path: 'p', per_page: 100, to: null, total: 0 },
    },
  ],
  bookingRequest: [
    { data: pendingRequest },
    {
      data: {
        ...pendingRequest,
        status: 'approved',
        evseId: 15,
        externalId: 'c7a3e0c2',
        bookingId: 100,
        authorizedTokens: [],
      },
    },
    {
      data: {
        ...pendingRequest,
        status: 'rejected',
        rejectionReason: 'EVSE 15 is booked from 10:30 by another driver.',
        lastUpdatedAt: '2026-02-28T14:30:02.123456Z',
      },
    },
    {
      data: {
        ...pendingRequest,
        evseCriteria: { currentType: null, connectorType: 'ccs2' },
        parkingSpaceCriteria: { vehicleType: null },
      },
    },
  ],
  bookingRequests: [
    { data: [], ...lastPage },
    { data: [pendingRequest, { ...pendingRequest, id: 2, status: 'approved', bookingId: 101 }], ...cursorLinks },
  ],
  booking: [
    { data: bookingFromDocs },
    {
      data: {
        id: 101,
        locationId: 7,
        startAt: '2026-03-01T10:00:00+00:00',
        endAt: '2026-03-01T11:00:00+00:00',
        status: 'no-show',
        accessMethods: null,
        sessionId: 9,
        bookedEvses: [{ id: 15 }],
        createdAt: '2026-02-28T14:30:01.000000Z',
        lastUpdatedAt: '2026-02-28T14:30:01.000000Z',
      },
    },
  ],
  bookings: [
    { data: [], ...lastPage },
    {
      data: [bookingFromDocs, { ...bookingFromDocs, id: 102, evse: null, userId: 43, status: 'cancelled' }],
      ...cursorLinks,
    },
  ],
  'error 401': [{ message: 'Unauthenticated.' }],
  'error 403': [{ message: 'This action is unauthorized.' }, {}],
  'error 404': [{ message: 'The record is not found' }],
  'error 422': [
    {
      message: 'The given data was invalid.',
      errors: { startAt: ['The start at field is required.'], endAt: ['The end at must be after start at.'] },
    },
    { message: 'The selected evse id is invalid.' },
  ],
  'error 429': [{ message: 'Too Many Attempts.' }],
};

interface Kind {
  kind: string;
  method: string;
  path: string;
  status: number;
  schema: z.ZodMiniType;
}

const KINDS: readonly Kind[] = [
  { kind: 'location', method: 'GET', path: '/resources/locations/v2.0/7', status: 200, schema: LocationResponse },
  { kind: 'chargePoints', method: 'GET', path: '/resources/charge-points/v2.0', status: 200, schema: ChargePointList },
  { kind: 'evses', method: 'GET', path: '/resources/charge-points/v2.0/101/evses', status: 200, schema: EvseList },
  {
    kind: 'availability',
    method: 'POST',
    path: '/actions/locations/v2.0/7/check-booking-availability',
    status: 200,
    schema: AvailabilityResponse,
  },
  { kind: 'users', method: 'GET', path: '/resources/users/v1.0', status: 200, schema: UserList },
  {
    kind: 'bookingRequest',
    method: 'GET',
    path: '/resources/booking-requests/v1.0/1',
    status: 200,
    schema: BookingRequestResponse,
  },
  {
    kind: 'bookingRequests',
    method: 'GET',
    path: '/resources/booking-requests/v1.0',
    status: 200,
    schema: BookingRequestList,
  },
  { kind: 'booking', method: 'GET', path: '/resources/bookings/v1.0/1', status: 200, schema: BookingResponse },
  { kind: 'bookings', method: 'GET', path: '/resources/bookings/v1.0', status: 200, schema: BookingList },
  { kind: 'error 401', method: 'GET', path: '/resources/locations/v2.0/7', status: 401, schema: ErrorBody },
  { kind: 'error 403', method: 'GET', path: '/resources/bookings/v1.0', status: 403, schema: ErrorBody },
  { kind: 'error 404', method: 'GET', path: '/resources/bookings/v1.0/1', status: 404, schema: ErrorBody },
  { kind: 'error 422', method: 'POST', path: '/resources/booking-requests/v1.0', status: 422, schema: ErrorBody },
  {
    kind: 'error 429',
    method: 'POST',
    path: '/actions/locations/v2.0/7/check-booking-availability',
    status: 429,
    schema: ErrorBody,
  },
];

function zodProblems(schema: z.ZodMiniType, body: unknown): string {
  const parsed = schema.safeParse(body);
  return parsed.success ? '' : JSON.stringify(parsed.error.issues);
}

describe('zod response schemas accept what Ampeco may answer', () => {
  for (const { kind, method, path, status, schema } of KINDS) {
    it(`${kind}: ${method} ${path} → ${status}`, () => {
      const bodies = [...(simulated.get(kind) ?? []), ...(handWritten[kind] ?? [])];
      assert.ok(bodies.length >= 1);
      for (const body of bodies) {
        assertValidResponse(method, path, status, body);
        assert.equal(zodProblems(schema, body), '', `zod rejects ${JSON.stringify(body)}`);
      }
    });
  }

  it('the simulator gave bodies of every kind it can answer', () => {
    for (const { kind } of KINDS.filter(({ kind }) => !['error 403', 'error 429'].includes(kind))) {
      assert.ok((simulated.get(kind) ?? []).length > 0, kind);
    }
  });

  it('parses user ids as strings and location timezones as null', () => {
    const users = UserList.parse(handWritten['users']?.[0]);
    assert.equal(users.data[0]?.id, '42');
    const location = LocationResponse.parse(handWritten['location']?.[0]);
    assert.equal(location.data.timezone, null);
  });
});

describe('CreateBookingRequestBody only accepts bodies valid per the OpenAPI requestBody', () => {
  const path = '/resources/booking-requests/v1.0';
  const evseIds = [undefined, 1, 15, 2_147_483_647];
  const externalIds = [undefined, 'a', crypto.randomUUID(), 'x'.repeat(255)];
  const times = [
    ['2026-03-01T10:00:00Z', '2026-03-01T11:00:00Z'],
    ['2026-03-01T10:00:00.5Z', '2026-03-01T11:30:00.123456Z'],
  ] as const;

  it('every combination of optional fields and time precisions', () => {
    let checked = 0;
    for (const evseId of evseIds) {
      for (const externalId of externalIds) {
        for (const [startAt, endAt] of times) {
          const body = {
            type: 'create',
            userId: 42,
            locationId: 7,
            startAt,
            endAt,
            ...(evseId === undefined ? {} : { evseId }),
            ...(externalId === undefined ? {} : { externalId }),
          };
          assert.equal(zodProblems(CreateBookingRequestBody, body), '');
          assertValidRequestBody('POST', path, body);
          checked += 1;
        }
      }
    }
    assert.equal(checked, 32);
  });

  it('rejects what the proxy must not forward, as the definitions do where they speak', () => {
    const base = {
      type: 'create',
      userId: 42,
      locationId: 7,
      startAt: '2026-03-01T10:00:00Z',
      endAt: '2026-03-01T11:00:00Z',
    };
    const rejectedByBoth = [
      { ...base, userId: '42' },
      { ...base, evseId: 1.5 },
      { ...base, externalId: 'x'.repeat(256) },
      { ...base, startAt: 'tomorrow' },
      { ...base, status: 'approved' },
    ];
    for (const body of rejectedByBoth) {
      assert.notEqual(zodProblems(CreateBookingRequestBody, body), '', JSON.stringify(body));
      assert.equal(validateRequestBody('POST', path, body).valid, false, JSON.stringify(body));
    }
    // Valid per the definitions, but not something the widget sends.
    for (const body of [
      { type: 'cancel', bookingId: 100 },
      { ...base, startAt: '2026-03-01T12:00:00+02:00' },
    ]) {
      assert.notEqual(zodProblems(CreateBookingRequestBody, body), '');
      assert.equal(validateRequestBody('POST', path, body).valid, true);
    }
  });

  it('AvailabilityBody accepts only bodies valid per the availability requestBody', () => {
    const body = { startAfter: '2026-03-01T00:00:00Z', endBefore: '2026-03-08T00:00:00Z' };
    assert.equal(zodProblems(AvailabilityBody, body), '');
    assertValidRequestBody('POST', '/actions/locations/v2.0/7/check-booking-availability', body);
  });
});

describe('the OpenAPI helper', () => {
  it('maps concrete paths and URLs to their templates', () => {
    assert.equal(templateOf('/resources/locations/v2.0/7'), '/public-api/resources/locations/v2.0/{location}');
    assert.equal(
      templateOf('https://t.example/public-api/resources/charge-points/v2.0/101/evses?include[]=connectors'),
      '/public-api/resources/charge-points/v2.0/{chargePoint}/evses',
    );
    assert.equal(
      templateOf('/public-api/resources/booking-requests/v1.0/'),
      '/public-api/resources/booking-requests/v1.0',
    );
    assert.equal(
      templateOf('/actions/locations/v2.0/7/check-booking-availability'),
      '/public-api/actions/locations/v2.0/{location}/check-booking-availability',
    );
    assert.equal(templateOf('/resources/unknown/v1.0'), undefined);
  });

  it('rejects invalid bodies: wrong types, missing required fields, bad enums', () => {
    const location = { data: { ...minimalLocation, timezone: null } };
    assert.equal(validateResponse('GET', '/resources/locations/v2.0/7', 200, location).valid, true);
    const invalid: unknown[] = [
      { data: { ...minimalLocation, timezone: 5 } },
      { data: { ...minimalLocation, roamingOperatorId: null } },
      { data: { ...minimalLocation, country: 'XX' } },
      { data: { ...minimalLocation, geoposition: undefined } },
      { data: { ...minimalLocation, geoposition: { latitude: 91, longitude: 0 } } },
      { data: { ...minimalLocation, lastUpdatedAt: 'yesterday' } },
    ];
    for (const body of invalid) {
      const result = validateResponse('GET', '/resources/locations/v2.0/7', 200, body);
      assert.equal(result.valid, false, JSON.stringify(body));
      assert.ok(result.errors.length > 0);
    }
    assert.equal(
      validateResponse('GET', '/resources/users/v1.0', 200, { data: [{ id: 42 }] }).valid,
      false,
      'user ids are strings',
    );
    assert.equal(
      validateResponse('POST', '/actions/locations/v2.0/7/check-booking-availability', 200, {
        data: [{ availableSlots: [] }],
      }).valid,
      false,
    );
    const unknownStatus = { data: { ...bookingFromDocs, status: 'confirmed' } };
    assert.equal(validateResponse('GET', '/resources/bookings/v1.0/1', 200, unknownStatus).valid, false);
    assert.equal(
      validateResponse('POST', '/resources/booking-requests/v1.0', 422, { errors: { a: ['b'] } }).valid,
      false,
    );
  });

  it('treats nullable as "or null", also around enums and allOf', () => {
    const criteria = (currentType: unknown): unknown => ({ ...pendingRequest, evseCriteria: { currentType } });
    assert.equal(
      validateResponse('GET', '/resources/booking-requests/v1.0/1', 200, { data: criteria(null) }).valid,
      true,
    );
    assert.equal(
      validateResponse('GET', '/resources/booking-requests/v1.0/1', 200, { data: criteria('ac') }).valid,
      true,
    );
    assert.equal(
      validateResponse('GET', '/resources/booking-requests/v1.0/1', 200, { data: criteria('xx') }).valid,
      false,
    );
    const evses = (hardwareStatus: unknown): unknown => ({ data: [{ ...minimalEvse, hardwareStatus }], ...lastPage });
    assert.equal(validateResponse('GET', '/resources/charge-points/v2.0/1/evses', 200, evses(null)).valid, true);
    assert.equal(validateResponse('GET', '/resources/charge-points/v2.0/1/evses', 200, evses('broken')).valid, false);
  });

  it('forbids readOnly properties in request bodies but requires them in responses', () => {
    const body = {
      type: 'create',
      userId: 42,
      locationId: 7,
      startAt: '2026-03-01T10:00:00Z',
      endAt: '2026-03-01T11:00:00Z',
    };
    assert.equal(validateRequestBody('POST', '/resources/booking-requests/v1.0', body).valid, true);
    assert.equal(validateRequestBody('POST', '/resources/booking-requests/v1.0', { ...body, id: 1 }).valid, false);
    assert.equal(
      validateRequestBody('POST', '/resources/booking-requests/v1.0', { ...body, userId: undefined }).valid,
      false,
    );
    assert.equal(
      validateResponse('POST', '/resources/booking-requests/v1.0', 201, { data: body }).valid,
      false,
      'no id, status…',
    );
    assert.equal(
      validateResponse('POST', '/resources/booking-requests/v1.0', 201, { data: pendingRequest }).valid,
      true,
    );
  });

  it('refuses statuses and operations the definitions do not declare', () => {
    assert.deepEqual(declaredStatuses('GET', '/resources/booking-requests/v1.0'), [200, 401, 403, 429]);
    assert.throws(() => validateResponse('GET', '/resources/booking-requests/v1.0', 404, {}), /declares no 404/);
    assert.throws(() => validateResponse('DELETE', '/resources/bookings/v1.0/1', 204, {}), /No operation/);
  });
});
