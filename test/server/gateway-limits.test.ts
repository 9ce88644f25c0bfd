/**
 * Issue 13's findings on abuse, probed through the gateway as an attacker would (the gateway in
 * front of the simulator, or of a scripted upstream). Each of these passed before the limits:
 * one address booked out location 7 in 36 requests, a start in year 9999 was forwarded, any
 * location of the tenant was readable and bookable, upstream's 429 never slowed the proxy down.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createPortalAuth } from '../../server/portal-auth.js';
import { createProxy, type ProxyHandler, type ProxyOptions } from '../../server/proxy.js';
import { createSimulator } from '../../server/simulator.js';
import { testLimits } from './limits-support.js';

const BASE = 'http://localhost:8787/api/ampeco';
const START = Date.parse('2026-03-01T06:00:00Z');
const LOCATION_7_EVSES = [11, 12, 13, 21, 22, 23];

interface Probe {
  readonly proxy: ProxyHandler;
  /** `METHOD path` of every upstream call. */
  readonly upstream: string[];
}

function throughSimulator(env: Record<string, string>, options: Partial<ProxyOptions> = {}): Probe {
  const now = (): number => START;
  const simulator = createSimulator({ now, pendingMs: 60_000 });
  const upstream: string[] = [];
  const proxy = createProxy({
    upstreamUrl: 'http://simulator.invalid/public-api',
    token: 'simulator-token',
    upstreamFetch: (request) => {
      upstream.push(`${request.method} ${new URL(request.url).pathname}`);
      return simulator.fetch(request);
    },
    now,
    limits: testLimits(env, now),
    clientKey: (request) => request.headers.get('x-client-address') ?? '203.0.113.66',
    ...options,
  });
  return { proxy, upstream };
}

function booking(index: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const day = Math.floor(index / LOCATION_7_EVSES.length);
  const startAt = new Date(START + (day + 1) * 86_400_000 + 4 * 3_600_000).toISOString();
  return {
    type: 'create',
    email: 'driver@example.com',
    locationId: 7,
    startAt,
    endAt: new Date(Date.parse(startAt) + 3_600_000).toISOString(),
    evseId: LOCATION_7_EVSES[index % LOCATION_7_EVSES.length],
    externalId: crypto.randomUUID(),
    ...overrides,
  };
}

function create(body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}/resources/booking-requests/v1.0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const creates = (probe: Probe): number =>
  probe.upstream.filter((call) => call === 'POST /public-api/resources/booking-requests/v1.0').length;

async function reasonOf(response: Response): Promise<string | undefined> {
  return ((await response.json()) as { reason?: string }).reason;
}

describe('inventory exhaustion from one address', () => {
  test('36 creates from one address: 2 booked, 8 refused for the driver, the rest 429 after 10 attempts', async () => {
    const probe = throughSimulator({ UPSTREAM_PER_SECOND: 'off' });
    const statuses: number[] = [];
    const reasons = new Set<string | undefined>();
    for (let i = 0; i < 36; i += 1) {
      const response = await probe.proxy(create(booking(i)));
      statuses.push(response.status);
      if (response.status === 422) reasons.add(await reasonOf(response));
      if (response.status === 429) assert.match(response.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
    }
    assert.deepEqual(statuses.slice(0, 2), [201, 201]);
    assert.deepEqual(statuses.slice(2, 10), Array(8).fill(422));
    assert.deepEqual(statuses.slice(10), Array(26).fill(429));
    assert.deepEqual([...reasons], ['too-many-active-bookings']);
    assert.equal(creates(probe), 2, 'two booking requests reached upstream, not 36');
  });

  test('the driver limit holds whatever address the creates come from', async () => {
    const probe = throughSimulator({ UPSTREAM_PER_SECOND: 'off' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await probe.proxy(create(booking(i), { 'x-client-address': `198.51.100.${i}` }));
      statuses.push(response.status);
    }
    assert.deepEqual(statuses, [201, 201, 422, 422, 422, 422]);
    assert.equal(creates(probe), 2);
  });

  test('refused attempts count: 10 malformed creates use up the hour, and nothing reaches upstream', async () => {
    const probe = throughSimulator({});
    for (let i = 0; i < 10; i += 1) assert.equal((await probe.proxy(create('{"type":'))).status, 400);
    const valid = await probe.proxy(create(booking(0)));
    assert.equal(valid.status, 429);
    const retryAfter = Number(valid.headers.get('retry-after'));
    assert.ok(retryAfter > 3_500 && retryAfter <= 3_600, `Retry-After ${retryAfter}`);
    assert.deepEqual(probe.upstream, []);
  });

  test('a cancel counts as a read, not a create: a driver out of creates can still cancel', async () => {
    const probe = throughSimulator({});
    for (let i = 0; i < 10; i += 1) await probe.proxy(create('{"type":'));
    const cancel = await probe.proxy(create({ type: 'cancel', bookingId: 1 }));
    assert.equal(cancel.status, 404, 'past the create rate, refused only for its missing capability');
  });
});

describe('bounds: refused with 422 and a reason, nothing created upstream', () => {
  const cases: ReadonlyArray<readonly [string, Record<string, unknown>, string, string]> = [
    [
      'a start in year 9999',
      { startAt: '9999-01-01T10:00:00Z', endAt: '9999-01-01T11:00:00Z' },
      'beyond-horizon',
      'startAt',
    ],
    [
      'a start 29 days ahead',
      { startAt: '2026-03-30T10:00:00Z', endAt: '2026-03-30T11:00:00Z' },
      'beyond-horizon',
      'startAt',
    ],
    ['a booking of 25 hours', { startAt: '2026-03-02T10:00:00Z', endAt: '2026-03-03T11:00:00Z' }, 'too-long', 'endAt'],
  ];
  for (const [name, overrides, reason, field] of cases) {
    test(name, async () => {
      const probe = throughSimulator({});
      const response = await probe.proxy(create(booking(0, overrides)));
      assert.equal(response.status, 422);
      const body = (await response.json()) as { message: string; errors: Record<string, string[]>; reason: string };
      assert.equal(body.reason, reason);
      assert.equal(typeof body.message, 'string');
      assert.ok(Array.isArray(body.errors[field]), JSON.stringify(body.errors));
      assert.deepEqual(probe.upstream, [], 'not even the driver was looked up');
    });
  }

  test('ALLOWED_LOCATION_IDS: another location of the tenant can be neither read nor booked', async () => {
    const probe = throughSimulator({ ALLOWED_LOCATION_IDS: '7' });
    const reads = [
      new Request(`${BASE}/resources/locations/v2.0/8`),
      new Request(`${BASE}/resources/charge-points/v2.0?filter[locationId]=8`),
      new Request(`${BASE}/actions/locations/v2.0/8/check-booking-availability`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ startAfter: '2026-03-02T00:00:00Z', endBefore: '2026-03-03T00:00:00Z' }),
      }),
    ];
    for (const request of reads) assert.equal((await probe.proxy(request)).status, 404, request.url);
    const booked = await probe.proxy(create(booking(0, { locationId: 8, evseId: 31 })));
    assert.equal(booked.status, 422);
    assert.equal(await reasonOf(booked), 'location-not-allowed');
    assert.deepEqual(probe.upstream, []);
    assert.equal((await probe.proxy(new Request(`${BASE}/resources/locations/v2.0/7`))).status, 200);
  });
});

describe('upstream budget and upstream 429', () => {
  function scripted(env: Record<string, string>, answer: () => Response) {
    let clock = START;
    const calls: string[] = [];
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok',
      upstreamFetch: async (request) => {
        calls.push(new URL(request.url).pathname);
        return answer();
      },
      cacheTtlMs: 0,
      now: () => clock,
      limits: testLimits(env, () => clock),
    });
    return { proxy, calls, advance: (ms: number) => (clock += ms) };
  }
  const location = (id: number): Request => new Request(`${BASE}/resources/locations/v2.0/${id}`);

  test('upstream 429 answers its Retry-After, and no upstream call is made until it has passed', async () => {
    let limited = true;
    const probe = scripted({}, () =>
      limited
        ? Response.json({ message: 'Too many requests.' }, { status: 429, headers: { 'retry-after': '30' } })
        : Response.json({ data: { id: 7, name: 'Station' } }),
    );
    const first = await probe.proxy(location(7));
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '30');
    limited = false;
    probe.advance(10_000);
    const held = await probe.proxy(location(8));
    assert.equal(held.status, 429);
    assert.equal(held.headers.get('retry-after'), '20', 'the seconds that remain');
    assert.equal(probe.calls.length, 1, 'held back without asking upstream');
    probe.advance(20_000);
    assert.equal((await probe.proxy(location(8))).status, 200);
    assert.equal(probe.calls.length, 2);
  });

  test('UPSTREAM_PER_SECOND: the budget is one for every client, refused calls never go upstream', async () => {
    const probe = scripted({ UPSTREAM_PER_SECOND: '2' }, () => Response.json({ data: { id: 7, name: 'Station' } }));
    const statuses = [];
    for (const id of [1, 2, 3]) statuses.push((await probe.proxy(location(id))).status);
    assert.deepEqual(statuses, [200, 200, 429]);
    assert.equal(probe.calls.length, 2);
  });
});

describe('portal mode through the gateway', () => {
  test('creates need the portal’s JWT and book for its email claim only', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
    const config = { jwksUrl: 'https://login.portal.test/jwks', issuer: 'https://login.portal.test/', audience: 'ev' };
    const token = await new SignJWT({ email: 'Driver@Example.com' })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(config.issuer)
      .setAudience(config.audience)
      .setExpirationTime('5m')
      .sign(privateKey);
    const probe = throughSimulator({}, { portal: createPortalAuth(config, keys) });

    const anonymous = await probe.proxy(create(booking(0)));
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/);

    const someoneElse = await probe.proxy(
      create(booking(0, { email: 'victim@example.com' }), { authorization: `Bearer ${token}` }),
    );
    assert.equal(someoneElse.status, 422);
    assert.equal(await reasonOf(someoneElse), 'email-mismatch');
    assert.deepEqual(probe.upstream, [], 'nothing asked upstream for a refused create');

    const { email: _typed, ...withoutEmail } = booking(1);
    const own = await probe.proxy(create(withoutEmail, { authorization: `Bearer ${token}` }));
    assert.equal(own.status, 201, await own.clone().text());
    assert.equal(creates(probe), 1);
  });
});
