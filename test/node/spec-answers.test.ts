/**
 * Every answer Ampeco's definition allows for the operations the widget reads is accepted by the
 * widget's zod schemas: answers generated from spec/ampeco-openapi-booking.json with only the
 * required fields, with all of them (and a field the definition does not name), and with null
 * wherever it allows null; each enum value and each anyOf member in at least one answer. Each
 * generated answer is first checked against the definition itself (ajv), which proves the generator.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type * as z from 'zod/mini';
import {
  AvailabilityResponse,
  ChargePointList,
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
import { bookedEvseIds } from '../../src/booking/booked-evses.js';
import { declaredStatuses, validateResponse } from '../support/openapi.js';
import { generateAnswer, responseSchema, variantCount, type Fill } from '../support/spec-answers.js';

interface Operation {
  method: 'GET' | 'POST';
  template: string;
  status: number;
  schema: z.ZodMiniType;
}

const operation = (method: 'GET' | 'POST', path: string, status: number, schema: z.ZodMiniType): Operation => ({
  method,
  template: `/public-api${path}`,
  status,
  schema,
});

/** What the widget reads (SPEC §4, src/api/client.ts), with the schema it parses the answer with. */
const OPERATIONS: readonly Operation[] = [
  operation('GET', '/resources/locations/v2.0/{location}', 200, LocationResponse),
  operation('GET', '/resources/charge-points/v2.0', 200, ChargePointList),
  operation('GET', '/resources/charge-points/v2.0/{chargePoint}/evses', 200, EvseList),
  operation('POST', '/actions/locations/v2.0/{location}/check-booking-availability', 200, AvailabilityResponse),
  operation('GET', '/resources/users/v1.0', 200, UserList),
  operation('POST', '/resources/booking-requests/v1.0', 201, BookingRequestResponse),
  operation('GET', '/resources/booking-requests/v1.0', 200, BookingRequestList),
  operation('GET', '/resources/booking-requests/v1.0/{bookingRequest}', 200, BookingRequestResponse),
  operation('GET', '/resources/bookings/v1.0/{booking}', 200, BookingResponse),
  operation('GET', '/resources/bookings/v1.0', 200, BookingList),
];

/**
 * What the widget requires beyond the definition, which requires no property of any answer's
 * envelope: the answer's `data`. An answer without it would carry nothing to show.
 */
const WIDGET_ALSO_REQUIRES = ['data'] as const;

const FILLS: readonly Fill[] = ['required', 'all', 'nulls'];

const name = ({ method, template, status }: Operation): string => `${method} ${template} → ${status}`;

/** Every generated answer of an operation's response schema, with how it was made. */
function* answers(schema: unknown): Generator<{ fill: Fill; variant: number; body: unknown }> {
  const count = variantCount(schema);
  for (const fill of FILLS) {
    for (let variant = 0; variant < count; variant++) {
      yield { fill, variant, body: generateAnswer(schema, { fill, variant, alsoRequired: WIDGET_ALSO_REQUIRES }) };
    }
  }
}

function assertAccepted(op: Operation, schema: z.ZodMiniType, fill: Fill, variant: number, body: unknown): void {
  const what = `${name(op)}, ${fill} #${variant}: ${JSON.stringify(body)}`;
  const checked = validateResponse(op.method, op.template, op.status, body);
  assert.ok(
    checked.valid,
    `the generator made an answer the definition refuses: ${what}\n${checked.errors.join('\n')}`,
  );
  const parsed = schema.safeParse(body);
  assert.ok(parsed.success, `the widget refuses a spec-valid answer: ${what}\n${JSON.stringify(parsed.error?.issues)}`);
}

describe('the widget accepts every answer the definition allows', () => {
  for (const op of OPERATIONS) {
    it(name(op), () => {
      let checked = 0;
      for (const { fill, variant, body } of answers(responseSchema(op.method, op.template, op.status))) {
        assertAccepted(op, op.schema, fill, variant, body);
        checked += 1;
      }
      assert.ok(checked >= FILLS.length);
    });
  }

  it('and every error answer they declare (ErrorBody)', () => {
    let checked = 0;
    for (const op of OPERATIONS) {
      for (const status of declaredStatuses(op.method, op.template).filter((s) => s >= 400)) {
        const errorOp = { ...op, status };
        for (const { fill, variant, body } of answers(responseSchema(op.method, op.template, status))) {
          assertAccepted(errorOp, ErrorBody, fill, variant, body);
          checked += 1;
        }
      }
    }
    assert.ok(checked > OPERATIONS.length);
  });
});

describe('what the generated answers hold', () => {
  const generated = (template: string, fill: Fill, variant = 0, method = 'GET', status = 200): unknown =>
    generateAnswer(responseSchema(method, `/public-api${template}`, status), {
      fill,
      variant,
      alsoRequired: WIDGET_ALSO_REQUIRES,
    });

  it('a location with only its required fields has no id and no timezone; its timezone may be null', () => {
    const minimal = LocationResponse.parse(generated('/resources/locations/v2.0/{location}', 'required'));
    assert.equal(minimal.data.id, undefined);
    assert.equal(minimal.data.timezone, undefined);
    assert.ok(minimal.data.name?.length);
    const nulls = LocationResponse.parse(generated('/resources/locations/v2.0/{location}', 'nulls'));
    assert.equal(nulls.data.timezone, null);
  });

  it('a user may come without an id, and its id is a string', () => {
    const minimal = UserList.parse(generated('/resources/users/v1.0', 'required'));
    assert.deepEqual(minimal.data, [{}]);
    const full = UserList.parse(generated('/resources/users/v1.0', 'all'));
    assert.equal(typeof full.data[0]?.id, 'string');
  });

  it('a booking read names its EVSEs in bookedEvses; a minimal one or a listed one names none', () => {
    const full = BookingResponse.parse(generated('/resources/bookings/v1.0/{booking}', 'all'));
    assert.equal(bookedEvseIds(full.data).length, 1);
    const minimal = BookingResponse.parse(generated('/resources/bookings/v1.0/{booking}', 'required'));
    assert.deepEqual(bookedEvseIds(minimal.data), []);
    const listed = BookingList.parse(generated('/resources/bookings/v1.0', 'all'));
    assert.deepEqual(bookedEvseIds(listed.data[0]), []);
  });

  it('booking requests of every type (create, update, cancel) and every status come out', () => {
    const template = '/public-api/resources/booking-requests/v1.0/{bookingRequest}';
    const types = new Set<string | undefined>();
    const statuses = new Set<string>();
    for (const { body } of answers(responseSchema('GET', template, 200))) {
      const { data } = BookingRequestResponse.parse(body);
      types.add(data.type);
      statuses.add(data.status);
    }
    assert.deepEqual([...types].sort(), ['cancel', 'create', 'update']);
    assert.deepEqual([...statuses].sort(), ['approved', 'pending', 'rejected']);
  });

  it('EVSEs of both current types and every status come out, connectors with every type', () => {
    const template = '/public-api/resources/charge-points/v2.0/{chargePoint}/evses';
    const types = new Set<string>();
    const statuses = new Set<string | null | undefined>();
    for (const { body } of answers(responseSchema('GET', template, 200))) {
      for (const evse of EvseList.parse(body).data) {
        statuses.add(evse.status);
        for (const connector of evse.connectors ?? []) types.add(connector.type);
      }
    }
    assert.deepEqual([...statuses].sort(), ['disabled', 'enabled', 'out of order']);
    assert.ok(types.size >= 20, `${types.size} connector types`);
  });
});

describe('what the widget requires beyond the definition', () => {
  for (const op of OPERATIONS) {
    it(`${name(op)}: only ${WIDGET_ALSO_REQUIRES.join(', ')}`, () => {
      const schema = responseSchema(op.method, op.template, op.status);
      const bare = generateAnswer(schema, { fill: 'required' });
      assert.equal(validateResponse(op.method, op.template, op.status, bare).valid, true);
      for (const property of WIDGET_ALSO_REQUIRES) assert.equal(property in (bare as object), false);
      assert.equal(op.schema.safeParse(bare).success, false, 'an answer without data is refused');
    });
  }
});

describe('the generator, on the parts of OpenAPI the vendored subset does not use', () => {
  const document = {
    components: {
      schemas: {
        Id: { type: 'integer', minimum: 1 },
        Port: {
          type: 'object',
          required: ['id'],
          properties: { id: { $ref: '#/components/schemas/Id' }, label: { type: 'string', nullable: true } },
        },
        'A/B': { type: 'string', enum: ['a', 'b', 'c'] },
      },
    },
  };
  const schema = {
    type: 'object',
    properties: {
      port: { $ref: '#/components/schemas/Port' },
      kind: { oneOf: [{ $ref: '#/components/schemas/A~1B' }, { type: 'boolean' }] },
      merged: {
        allOf: [
          { type: 'object', nullable: true, properties: { at: { type: 'string', format: 'date-time' } } },
          { nullable: true, required: ['at'] },
        ],
      },
      secret: { type: 'string', writeOnly: true },
    },
  };

  it('follows $ref (with escaped JSON pointers), merges allOf and picks oneOf members by variant', () => {
    assert.equal(variantCount(schema, document), 3);
    const [first, second, third] = [0, 1, 2].map((variant) =>
      generateAnswer(schema, { fill: 'all', variant, document }),
    );
    assert.deepEqual(first, {
      port: { id: 1, label: 'text', propertyAddedLater: 'not in the definition' },
      kind: 'a',
      merged: { at: '2026-03-01T10:00:00.000000Z', propertyAddedLater: 'not in the definition' },
      propertyAddedLater: 'not in the definition',
    });
    assert.equal((second as { kind: unknown }).kind, false);
    assert.equal((third as { kind: unknown }).kind, 'c');
  });

  it('gives only the required fields, or null wherever allowed (also through allOf)', () => {
    assert.deepEqual(generateAnswer(schema, { fill: 'required', document }), {});
    assert.deepEqual(generateAnswer(schema, { fill: 'required', document, alsoRequired: ['port', 'merged'] }), {
      port: { id: 1 },
      merged: { at: '2026-03-01T10:00:00.000000Z' },
    });
    assert.deepEqual(generateAnswer(schema, { fill: 'nulls', document }), {
      port: { id: 1, label: null },
      kind: 'a',
      merged: null,
    });
  });

  it('refuses a $ref it cannot resolve', () => {
    assert.throws(() => generateAnswer({ $ref: '#/components/schemas/Missing' }, { fill: 'all', document }), /\$ref/);
  });
});
