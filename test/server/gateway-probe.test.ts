/**
 * The findings of the black-box probe of the v2 gateway, each as the attacker or the operator saw
 * it: repeated cancels (F4), a request's booking looked up when upstream leaves `bookingId` out
 * (F5), refused origins in the log (F6), non-canonical capability signatures (F7), upstream
 * trouble in the log, creates in the past and availability beyond the horizon (F8).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProxy, type ProxyHandler, type ProxyLogEntry } from '../../server/proxy.js';
import { createSimulator } from '../../server/simulator.js';
import { get, post, PROXY } from './support.js';

const SECRET = 'a-capability-secret-of-at-least-32-characters';
const HOUR = 3_600_000;
const REQUESTS = '/resources/booking-requests/v1.0';

interface Setup {
  readonly proxy: ProxyHandler;
  readonly upstreamCalls: string[];
  readonly logs: ProxyLogEntry[];
  readonly advance: (ms: number) => void;
}

interface SetupOptions {
  /** The gateway's default limits instead of none. */
  readonly limits?: boolean;
  /** Upstream leaves `bookingId` out of its booking requests. */
  readonly withoutBookingId?: boolean;
  readonly allowedOrigins?: readonly string[];
}

function withSimulator(options: SetupOptions = {}): Setup {
  let clock = Date.parse('2026-03-01T06:00:00Z');
  const simulator = createSimulator({ now: () => clock, pendingMs: 1000 });
  const upstreamCalls: string[] = [];
  const logs: ProxyLogEntry[] = [];
  const proxy = createProxy({
    upstreamUrl: 'http://simulator.invalid/public-api',
    token: 'simulator-token',
    capabilitySecret: SECRET,
    ...(options.limits === true ? {} : { limits: false }),
    ...(options.allowedOrigins === undefined ? {} : { allowedOrigins: options.allowedOrigins }),
    now: () => clock,
    log: (entry) => logs.push(entry),
    upstreamFetch: async (request) => {
      const url = new URL(request.url);
      upstreamCalls.push(`${request.method} ${url.pathname}`);
      const answer = await simulator.fetch(request);
      if (options.withoutBookingId !== true || !url.pathname.includes('/booking-requests/')) return answer;
      const body = (await answer.json()) as { data: Record<string, unknown> };
      delete body.data['bookingId'];
      return Response.json(body, { status: answer.status });
    },
  });
  return { proxy, upstreamCalls, logs, advance: (ms) => (clock += ms) };
}

const instant = (ms: number): string => new Date(ms).toISOString().replace('.000', '');
const TOMORROW_10 = Date.parse('2026-03-02T10:00:00Z');

interface Created {
  readonly data: { id: number; status: string; bookingId?: number };
  readonly meta: { capability: string };
}

async function create(setup: Setup, startAt: number): Promise<Response> {
  return setup.proxy(
    post(REQUESTS, {
      type: 'create',
      email: 'driver@example.com',
      locationId: 7,
      evseId: 11,
      startAt: instant(startAt),
      endAt: instant(startAt + HOUR),
    }),
  );
}

/** Creates, lets upstream approve, and reads the request back: its id, booking and capability. */
async function book(setup: Setup) {
  const response = await create(setup, TOMORROW_10);
  assert.equal(response.status, 201);
  const created = (await response.json()) as Created;
  setup.advance(2_000);
  const capability = created.meta.capability;
  const read = await setup.proxy(get(`${REQUESTS}/${created.data.id}`, { 'x-booking-capability': capability }));
  const settled = (await read.json()) as Created;
  assert.equal(settled.data.status, 'approved');
  return { id: created.data.id, bookingId: settled.data.bookingId ?? 0, capability };
}

const cancel = (bookingId: number, capability: string): Request =>
  post(
    REQUESTS,
    { type: 'cancel', bookingId },
    { 'content-type': 'application/json', 'x-booking-capability': capability },
  );

const postsUpstream = (setup: Setup): number =>
  setup.upstreamCalls.filter((call) => call.startsWith('POST') && call.endsWith('/booking-requests/v1.0')).length;

describe('F4: a cancel reaches upstream only for a booking still active', () => {
  test('a repeated cancel, and a cancel under the cancel request’s capability, are 422 not-cancellable', async () => {
    const setup = withSimulator();
    const mine = await book(setup);
    const first = await setup.proxy(cancel(mine.bookingId, mine.capability));
    assert.equal(first.status, 201);
    const cancelRequest = (await first.json()) as Created;
    setup.advance(2_000);
    const before = postsUpstream(setup);
    for (const capability of [mine.capability, mine.capability, cancelRequest.meta.capability]) {
      const again = await setup.proxy(cancel(mine.bookingId, capability));
      assert.equal(again.status, 422);
      const body = (await again.json()) as { message: string; errors: Record<string, string[]>; reason: string };
      assert.equal(body.reason, 'not-cancellable');
      assert.equal(typeof body.message, 'string');
      assert.ok(Array.isArray(body.errors['bookingId']));
    }
    assert.equal(postsUpstream(setup), before, 'no new upstream booking request');
  });

  test('the cancel request’s capability cannot cancel even while the booking is still active', async () => {
    const setup = withSimulator();
    const mine = await book(setup);
    const first = await setup.proxy(cancel(mine.bookingId, mine.capability));
    const cancelRequest = (await first.json()) as Created;
    // Still pending upstream: the booking is active, yet this capability is for polling only.
    const again = await setup.proxy(cancel(mine.bookingId, cancelRequest.meta.capability));
    assert.equal(again.status, 422);
    assert.equal(((await again.json()) as { reason: string }).reason, 'not-cancellable');
  });
});

describe('F5: without upstream’s bookingId, a request is bound to the booking it made', () => {
  test('an old request’s capability does not follow a newer booking of the same slot', async () => {
    const setup = withSimulator({ withoutBookingId: true });
    const old = await book(setup);
    assert.ok(old.bookingId > 0, 'the gateway found the booking the request made');
    assert.equal((await setup.proxy(cancel(old.bookingId, old.capability))).status, 201);
    setup.advance(2_000);
    const newer = await book(setup);
    assert.notEqual(newer.bookingId, old.bookingId);
    const read = await setup.proxy(get(`${REQUESTS}/${old.id}`, { 'x-booking-capability': old.capability }));
    assert.equal(((await read.json()) as Created).data.bookingId, old.bookingId);
    const theirs = await setup.proxy(
      get(`/resources/bookings/v1.0/${newer.bookingId}`, { 'x-booking-capability': old.capability }),
    );
    assert.equal(theirs.status, 404);
  });
});

describe('F6: a refused origin is logged for any request, once', () => {
  test('names the origin, ALLOWED_ORIGINS and its value; the gateway’s own origin is not refused', async () => {
    const setup = withSimulator({ allowedOrigins: ['https://shop.example'] });
    for (let i = 0; i < 2; i += 1) {
      await setup.proxy(get('/resources/locations/v2.0/7', { origin: 'https://evil.example' }));
    }
    await setup.proxy(get('/resources/locations/v2.0/7', { origin: PROXY }));
    await setup.proxy(get('/resources/locations/v2.0/7', { origin: 'https://shop.example' }));
    const refused = setup.logs.filter((entry) => entry.message === 'CORS refused');
    assert.equal(refused.length, 1, JSON.stringify(refused));
    const detail = refused[0]?.detail ?? '';
    assert.match(detail, /https:\/\/evil\.example/);
    assert.match(detail, /ALLOWED_ORIGINS/);
    assert.match(detail, /https:\/\/shop\.example/);
  });
});

describe('F7: only the canonical spelling of a capability’s signature is accepted', () => {
  test('the other spellings of its last character (same bytes) are 404', async () => {
    const setup = withSimulator();
    const mine = await book(setup);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = mine.capability.at(-1) ?? '';
    const index = alphabet.indexOf(last);
    for (const lowBits of [1, 2, 3]) {
      const spelling = `${mine.capability.slice(0, -1)}${alphabet[index ^ lowBits] ?? ''}`;
      const response = await setup.proxy(get(`${REQUESTS}/${mine.id}`, { 'x-booking-capability': spelling }));
      assert.equal(response.status, 404, spelling);
    }
    const own = await setup.proxy(get(`${REQUESTS}/${mine.id}`, { 'x-booking-capability': mine.capability }));
    assert.equal(own.status, 200);
  });
});

describe('F8: upstream trouble is logged; past creates and far availability stop at the gateway', () => {
  test('upstream 503 and 429 are warned with route, status and Retry-After, never the token or query', async () => {
    const logs: ProxyLogEntry[] = [];
    const statuses = [503, 429];
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok_SECRET_0123456789',
      capabilitySecret: SECRET,
      limits: false,
      log: (entry) => logs.push(entry),
      upstreamFetch: () =>
        Promise.resolve(Response.json({}, { status: statuses.shift() ?? 500, headers: { 'retry-after': '30' } })),
    });
    for (let i = 0; i < 2; i += 1) {
      await proxy(get('/resources/charge-points/v2.0?filter%5BlocationId%5D=7&per_page=25'));
    }
    const warned = logs.filter((entry) => entry.level === 'warn' && /status (503|429)/.test(entry.detail ?? ''));
    assert.equal(warned.length, 2, JSON.stringify(logs));
    for (const entry of warned) {
      assert.equal(entry.route, 'charge-points');
      assert.match(entry.detail ?? '', /Retry-After 30/);
      const text = JSON.stringify(entry);
      assert.ok(!text.includes('tok_SECRET') && !text.includes('locationId'), text);
    }
  });

  test('a create starting in the past is 422 in-the-past, nothing upstream', async () => {
    const setup = withSimulator({ limits: true });
    const response = await create(setup, Date.parse('2026-03-01T04:00:00Z'));
    assert.equal(response.status, 422);
    assert.equal(((await response.json()) as { reason: string }).reason, 'in-the-past');
    assert.deepEqual(setup.upstreamCalls, []);
  });

  test('availability for year 9999 is 422 beyond-horizon, nothing upstream', async () => {
    const setup = withSimulator({ limits: true });
    const response = await setup.proxy(
      post('/actions/locations/v2.0/7/check-booking-availability', {
        startAfter: '9999-01-01T00:00:00Z',
        endBefore: '9999-01-02T00:00:00Z',
      }),
    );
    assert.equal(response.status, 422);
    assert.equal(((await response.json()) as { reason: string }).reason, 'beyond-horizon');
    assert.deepEqual(setup.upstreamCalls, []);
  });
});
