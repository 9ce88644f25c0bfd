/**
 * The v2 booking gateway (SPEC §9) as a browser on a public page, and an attacker, see it:
 * capabilities on every per-booking read and on cancel, the look-up by externalId, create by
 * email, answers reduced to what the widget reads, the token redacted in every form, compression.
 * The simulator is upstream unless a test needs upstream to misbehave.
 */
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { createCapabilities } from '../../server/capability.js';
import { startProxyServer } from '../../server/node-server.js';
import { createProxy, type ProxyHandler, type ProxyLogEntry } from '../../server/proxy.js';
import { createSimulator } from '../../server/simulator.js';
import { BASE, get, post } from './support.js';

const SECRET = 'a-capability-secret-of-at-least-32-characters';
const HOUR = 3_600_000;
const NOT_FOUND = { message: 'The record is not found' };

interface Setup {
  readonly proxy: ProxyHandler;
  readonly upstreamCalls: string[];
  readonly advance: (ms: number) => void;
  readonly now: () => number;
}

function withSimulator(): Setup {
  let clock = Date.parse('2026-03-01T06:00:00Z');
  const simulator = createSimulator({ now: () => clock, pendingMs: 1000 });
  const upstreamCalls: string[] = [];
  const proxy = createProxy({
    upstreamUrl: 'http://simulator.invalid/public-api',
    token: 'simulator-token',
    capabilitySecret: SECRET,
    limits: false,
    now: () => clock,
    upstreamFetch: (request) => {
      upstreamCalls.push(`${request.method} ${new URL(request.url).pathname}`);
      return simulator.fetch(request);
    },
  });
  return {
    proxy,
    upstreamCalls,
    advance: (ms) => {
      clock += ms;
    },
    now: () => clock,
  };
}

const instant = (ms: number): string => new Date(ms).toISOString().replace('.000', '');

interface Created {
  readonly data: { id: number; status: string; bookingId?: number; userId?: number };
  readonly meta: { capability: string };
}

/** Books `evseId` tomorrow at `hour` (UTC) as driver@example.com, lets it settle, and reads the request. */
async function book(setup: Setup, evseId: number, hour: number, externalId = crypto.randomUUID()) {
  const start = Date.parse('2026-03-02T00:00:00Z') + hour * HOUR;
  const response = await setup.proxy(
    post('/resources/booking-requests/v1.0', {
      type: 'create',
      email: 'driver@example.com',
      locationId: 7,
      evseId,
      startAt: instant(start),
      endAt: instant(start + HOUR),
      externalId,
    }),
  );
  assert.equal(response.status, 201);
  const created = (await response.json()) as Created;
  setup.advance(2_000);
  const read = await setup.proxy(
    get(`/resources/booking-requests/v1.0/${created.data.id}`, { 'x-booking-capability': created.meta.capability }),
  );
  assert.equal(read.status, 200);
  const settled = (await read.json()) as { data: { status: string; bookingId: number } };
  assert.equal(settled.data.status, 'approved');
  return { id: created.data.id, bookingId: settled.data.bookingId, capability: created.meta.capability, externalId };
}

describe('capabilities: nothing per booking is readable without its own', () => {
  test('reads of a request or booking without a capability, or with a forged, tampered, expired or other one: 404, upstream never asked', async () => {
    const setup = withSimulator();
    const mine = await book(setup, 11, 10);
    const theirs = await book(setup, 12, 10);
    const forger = createCapabilities('another-secret-that-is-32-characters-long');
    const forged = await forger.issue({ requestId: mine.id, userId: 42, locationId: 7, expiresAt: setup.now() + HOUR });
    const [payload = '', signature = ''] = mine.capability.split('.');
    const tamperedPayload = btoa(JSON.stringify({ v: 1, r: theirs.id, u: 42, l: 7, e: 9999999999 }))
      .replace(/=+$/, '')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
    const badCapabilities: Array<[string, Record<string, string>]> = [
      ['none', {}],
      ['empty', { 'x-booking-capability': '' }],
      ['garbage', { 'x-booking-capability': 'not-a-capability' }],
      ['forged with another secret', { 'x-booking-capability': forged }],
      ['tampered payload', { 'x-booking-capability': `${tamperedPayload}.${signature}` }],
      ['truncated signature', { 'x-booking-capability': `${payload}.${signature.slice(0, -2)}` }],
      ['another booking', { 'x-booking-capability': theirs.capability }],
    ];
    const before = setup.upstreamCalls.length;
    for (const [name, headers] of badCapabilities) {
      for (const path of [
        `/resources/booking-requests/v1.0/${mine.id}`,
        `/resources/bookings/v1.0/${mine.bookingId}`,
      ]) {
        const response = await setup.proxy(get(path, headers));
        assert.equal(response.status, 404, `${name} ${path}`);
        assert.deepEqual(await response.json(), NOT_FOUND, `${name} ${path}`);
      }
    }
    // "Another booking" verifies, so it asks upstream for its own request, and still gets 404.
    const asked = setup.upstreamCalls.slice(before);
    assert.ok(
      asked.every((call) => call.endsWith(`/booking-requests/v1.0/${theirs.id}`)),
      asked.join('\n'),
    );
    // A capability says nothing about ids that do not exist: the same 404.
    const unknown = await setup.proxy(get('/resources/booking-requests/v1.0/999', {}));
    assert.deepEqual([unknown.status, await unknown.json()], [404, NOT_FOUND]);
    // The owner reads both.
    const own = { 'x-booking-capability': mine.capability };
    assert.equal((await setup.proxy(get(`/resources/booking-requests/v1.0/${mine.id}`, own))).status, 200);
    assert.equal((await setup.proxy(get(`/resources/bookings/v1.0/${mine.bookingId}`, own))).status, 200);
    assert.equal((await setup.proxy(get(`/resources/bookings/v1.0/${theirs.bookingId}`, own))).status, 404);
  });

  test('a capability expires a day after the booking ends', async () => {
    const setup = withSimulator();
    const mine = await book(setup, 11, 10);
    const headers = { 'x-booking-capability': mine.capability };
    const bookingEnd = Date.parse('2026-03-02T11:00:00Z');
    setup.advance(bookingEnd + 24 * HOUR - 60_000 - setup.now());
    assert.equal((await setup.proxy(get(`/resources/bookings/v1.0/${mine.bookingId}`, headers))).status, 200);
    setup.advance(60_000);
    assert.equal((await setup.proxy(get(`/resources/bookings/v1.0/${mine.bookingId}`, headers))).status, 404);
  });

  test('capability checks: tampering and another secret fail, claims round-trip', async () => {
    const capabilities = createCapabilities(SECRET);
    const claims = { requestId: 5, userId: 42, locationId: 7, expiresAt: 2_000_000_000_000 };
    const capability = await capabilities.issue(claims);
    assert.deepEqual(await capabilities.verify(capability, 0), claims);
    assert.equal(await capabilities.verify(capability, claims.expiresAt), null);
    assert.equal(await createCapabilities(`${SECRET}x`).verify(capability, 0), null);
    assert.equal(await capabilities.verify(`${capability}.x`, 0), null);
    assert.equal(await capabilities.verify(capability.replace(/^./, 'f'), 0), null);
    assert.throws(() => createCapabilities('too short'), TypeError);
  });
});

describe('the look-up by externalId', () => {
  test('a UUID finds the request with its capability; an unknown one answers an empty list; anything else is 404', async () => {
    const setup = withSimulator();
    const mine = await book(setup, 11, 10);
    const found = await setup.proxy(get(`/resources/booking-requests/v1.0?filter[externalId]=${mine.externalId}`));
    assert.equal(found.status, 200);
    const body = (await found.json()) as {
      data: Array<{ id: number; bookingId: number }>;
      meta: { capability: string };
    };
    assert.deepEqual(
      body.data.map((request) => [request.id, request.bookingId]),
      [[mine.id, mine.bookingId]],
    );
    const read = await setup.proxy(
      get(`/resources/bookings/v1.0/${mine.bookingId}`, { 'x-booking-capability': body.meta.capability }),
    );
    assert.equal(read.status, 200);
    const none = await setup.proxy(get(`/resources/booking-requests/v1.0?filter[externalId]=${crypto.randomUUID()}`));
    assert.deepEqual(await none.json(), { data: [] });
    for (const value of ['', 'abc', `${mine.externalId}x`, '%25', mine.externalId.replace(/-/g, '')]) {
      const response = await setup.proxy(get(`/resources/booking-requests/v1.0?filter[externalId]=${value}`));
      assert.equal(response.status, 404, value);
    }
  });

  test('an approved request that upstream gave without bookingId gets it, looked up upstream', async () => {
    const request = {
      id: 3,
      type: 'create',
      status: 'approved',
      userId: 42,
      locationId: 7,
      evseId: 11,
      startAt: '2026-03-02T10:00:00Z',
      endAt: '2026-03-02T11:00:00Z',
      externalId: '0b9c7d1e-5f3a-4c2b-9e8d-7a6b5c4d3e2f',
      bookingId: null,
    };
    const asked: string[] = [];
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok_SECRET_0123456789',
      capabilitySecret: SECRET,
      limits: false,
      upstreamFetch: async (call) => {
        const url = new URL(call.url);
        asked.push(`${url.pathname}?${url.searchParams.toString()}`);
        if (url.pathname.endsWith('/bookings/v1.0')) {
          return Response.json({
            data: [
              {
                id: 70,
                userId: 42,
                locationId: 7,
                startAt: '2026-03-02T10:00:00Z',
                endAt: '2026-03-02T12:00:00Z',
                status: 'accepted',
              },
              {
                id: 71,
                userId: 42,
                locationId: 7,
                startAt: '2026-03-02T10:00:00Z',
                endAt: '2026-03-02T11:00:00Z',
                status: 'accepted',
                evse: { id: 11 },
              },
            ],
          });
        }
        return Response.json({ data: [request] });
      },
    });
    const response = await proxy(get(`/resources/booking-requests/v1.0?filter[externalId]=${request.externalId}`));
    const body = (await response.json()) as { data: Array<{ bookingId: number }> };
    assert.equal(body.data[0]?.bookingId, 71);
    assert.match(asked[1] ?? '', /filter%5BuserId%5D=42&filter%5BlocationId%5D=7/);
  });
});

describe('create by email and cancel', () => {
  test('no account, or more than one, for an email: 422 with reason no-account, nothing booked', async () => {
    const posts: string[] = [];
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok_SECRET_0123456789',
      capabilitySecret: SECRET,
      limits: false,
      upstreamFetch: async (call) => {
        if (call.method === 'POST') posts.push(await call.text());
        const email = new URL(call.url).searchParams.get('filter[email]');
        if (email === 'twice@example.com') {
          return Response.json({
            data: [
              { id: '1', email: 'twice@example.com' },
              { id: '2', email: 'TWICE@example.com' },
            ],
          });
        }
        // A lenient upstream filter: "near" matches are not the driver.
        return Response.json({ data: [{ id: '3', email: 'driver.other@example.com' }] });
      },
    });
    for (const email of ['nobody@example.com', 'twice@example.com', 'driver@example.com']) {
      const response = await proxy(
        post('/resources/booking-requests/v1.0', {
          type: 'create',
          email,
          locationId: 7,
          startAt: '2026-03-02T10:00:00Z',
          endAt: '2026-03-02T11:00:00Z',
        }),
      );
      assert.equal(response.status, 422, email);
      const body = (await response.json()) as { reason: string; errors: Record<string, string[]> };
      assert.equal(body.reason, 'no-account');
      assert.ok(body.errors['email']?.length === 1);
    }
    assert.deepEqual(posts, []);
  });

  test("cancel needs the booking's capability; the cancel request gets its own; the booking reads cancelled", async () => {
    const setup = withSimulator();
    const mine = await book(setup, 11, 10);
    const theirs = await book(setup, 12, 10);
    const cancelOf = (bookingId: number, headers: Record<string, string>): Request =>
      post(
        '/resources/booking-requests/v1.0',
        { type: 'cancel', bookingId },
        { 'content-type': 'application/json', ...headers },
      );
    assert.equal((await setup.proxy(cancelOf(mine.bookingId, {}))).status, 404);
    assert.equal(
      (await setup.proxy(cancelOf(theirs.bookingId, { 'x-booking-capability': mine.capability }))).status,
      404,
      "another booking's id under my capability",
    );
    const response = await setup.proxy(cancelOf(mine.bookingId, { 'x-booking-capability': mine.capability }));
    assert.equal(response.status, 201);
    const cancel = (await response.json()) as Created;
    assert.equal(cancel.data.status, 'pending');
    setup.advance(2_000);
    const settled = await setup.proxy(
      get(`/resources/booking-requests/v1.0/${cancel.data.id}`, { 'x-booking-capability': cancel.meta.capability }),
    );
    assert.equal(((await settled.json()) as Created).data.status, 'approved');
    const booking = await setup.proxy(
      get(`/resources/bookings/v1.0/${mine.bookingId}`, { 'x-booking-capability': mine.capability }),
    );
    assert.equal(((await booking.json()) as { data: { status: string } }).data.status, 'cancelled');
    const other = await setup.proxy(
      get(`/resources/bookings/v1.0/${theirs.bookingId}`, { 'x-booking-capability': theirs.capability }),
    );
    assert.equal(((await other.json()) as { data: { status: string } }).data.status, 'accepted');
  });
});

describe('answers and secrets', () => {
  test('answers carry only what the widget reads: no phone, tokens, names or unknown fields', async () => {
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok_SECRET_0123456789',
      limits: false,
      upstreamFetch: async () =>
        Response.json({
          data: [
            {
              id: 3,
              label: 'Port A',
              status: 'enabled',
              bookingEnabled: true,
              authorizedTokens: ['RFID-1'],
              internalNote: 'call +359888',
              connectors: [{ id: 1, type: 'ccs2', secret: 'x' }],
              powerOptions: { maxPower: 22000, tariffId: 9 },
            },
          ],
          links: { next: null, first: 'https://tenant.example/x' },
          meta: { total: 1 },
        }),
    });
    const response = await proxy(get('/resources/charge-points/v2.0/3/evses?include[]=connectors'));
    assert.deepEqual(await response.json(), {
      data: [
        {
          id: 3,
          label: 'Port A',
          status: 'enabled',
          bookingEnabled: true,
          connectors: [{ id: 1, type: 'ccs2' }],
          powerOptions: { maxPower: 22000 },
        },
      ],
      links: { next: null },
    });
  });

  const tokens = ['tok"quote\\back~slash', "tok!bang'single(paren)~x", 'tok/plus+eq=amp&sp%ce'];
  for (const token of tokens) {
    test(`the token ${JSON.stringify(token)} echoed raw, JSON-escaped or re-encoded never leaves`, async () => {
      const rfc3986 = encodeURIComponent(token).replace(
        /[~!'()*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
      );
      const forms = [
        token,
        JSON.stringify(token).slice(1, -1),
        encodeURIComponent(token),
        rfc3986,
        rfc3986.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
        new URLSearchParams({ t: token }).toString().slice(2),
        escape(token),
      ];
      const logs: ProxyLogEntry[] = [];
      const proxy = createProxy({
        upstreamUrl: 'https://tenant.example/public-api',
        token,
        limits: false,
        log: (entry) => logs.push(entry),
        upstreamFetch: async () =>
          Response.json(
            { message: `bad ${forms.join(' | ')}`, errors: Object.fromEntries(forms.map((form) => [form, [form]])) },
            { status: 403 },
          ),
      });
      const response = await proxy(get('/resources/locations/v2.0/7'));
      const text = await response.text();
      assert.equal(response.status, 403);
      const parsed = JSON.parse(text) as { message: string; errors: Record<string, string[]> };
      for (const form of forms) {
        assert.ok(!text.includes(form), `${form} in ${text}`);
        assert.ok(!parsed.message.includes(form), `${form} in the message`);
        assert.ok(!Object.keys(parsed.errors).some((key) => key.includes(form)), `${form} in a key`);
      }
      assert.ok(!JSON.stringify(logs).includes(token));
    });
  }

  test('JSON answers are gzipped when the client accepts it, and only then', async () => {
    // A week of availability for 200 EVSEs, as the issue measured it.
    const windows = Array.from({ length: 14 }, (_, day) => ({
      startAt: instant(Date.parse('2026-03-01T08:00:00Z') + day * 12 * HOUR),
      endAt: instant(Date.parse('2026-03-01T10:00:00Z') + day * 12 * HOUR),
    }));
    const availability = {
      data: Array.from({ length: 200 }, (_, index) => ({ evseId: index + 1, availableSlots: windows })),
    };
    const setup = {
      proxy: createProxy({
        upstreamUrl: 'https://tenant.example/public-api',
        token: 'tok_SECRET_0123456789',
        limits: false,
        upstreamFetch: async () => Response.json(availability),
      }),
    };
    const body = { startAfter: '2026-03-01T08:00:00Z', endBefore: '2026-03-08T08:00:00Z' };
    const plain = await setup.proxy(post('/actions/locations/v2.0/7/check-booking-availability', body));
    assert.equal(plain.headers.get('content-encoding'), null);
    const plainText = await plain.text();
    const zipped = await setup.proxy(
      post('/actions/locations/v2.0/7/check-booking-availability', body, {
        'content-type': 'application/json',
        'accept-encoding': 'gzip, deflate',
      }),
    );
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.match(zipped.headers.get('vary') ?? '', /Accept-Encoding/);
    const bytes = Buffer.from(await zipped.arrayBuffer());
    assert.ok(bytes.byteLength < plainText.length / 2, `${bytes.byteLength} vs ${plainText.length}`);
    assert.equal(gunzipSync(bytes).toString('utf8'), plainText);
    const refused = await setup.proxy(
      post('/actions/locations/v2.0/7/check-booking-availability', body, {
        'content-type': 'application/json',
        'accept-encoding': 'gzip;q=0',
      }),
    );
    assert.equal(refused.headers.get('content-encoding'), null);
  });

  test('a CORS refusal is logged once with the origin and the variable to set', async () => {
    const logs: ProxyLogEntry[] = [];
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok_SECRET_0123456789',
      allowedOrigins: ['https://shop.example'],
      upstreamFetch: async () => Response.json({ data: { id: 7 } }),
      log: (entry) => logs.push(entry),
    });
    const preflight = (): Request =>
      new Request(`${BASE}/resources/locations/v2.0/7`, {
        method: 'OPTIONS',
        headers: { origin: 'https://blog.example', 'access-control-request-method': 'GET' },
      });
    assert.equal((await proxy(preflight())).status, 403);
    assert.equal((await proxy(preflight())).status, 403);
    const refusals = logs.filter((entry) => entry.message === 'CORS refused');
    assert.equal(refusals.length, 1);
    assert.match(refusals[0]?.detail ?? '', /https:\/\/blog\.example.*ALLOWED_ORIGINS/);
  });
});

describe('the seams of the limits', () => {
  test('every create attempt (refused ones included) passes the creates slot, every other call the reads slot, before anything upstream', async () => {
    const seen: string[] = [];
    const upstream: string[] = [];
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok_SECRET_0123456789',
      capabilitySecret: SECRET,
      limits: false,
      maxBodyBytes: 1024,
      middleware: {
        reads: [
          async (c, next) => {
            seen.push(`read ${c.get('route')}`);
            await next();
          },
        ],
        creates: [
          async (c, next) => {
            seen.push(`create ${c.get('route')}`);
            // A limit that refuses answers for itself; nothing after it runs.
            if (c.req.header('x-test-refuse') !== undefined) {
              return new Response('{"message":"slow down"}', { status: 429, headers: { 'retry-after': '9' } });
            }
            await next();
          },
        ],
      },
      upstreamFetch: async (call) => {
        upstream.push(call.url);
        return Response.json({ data: [] });
      },
    });
    const create = {
      type: 'create',
      email: 'nobody@example.com',
      locationId: 7,
      startAt: '2026-03-02T10:00:00Z',
      endAt: '2026-03-02T11:00:00Z',
    };
    const json = { 'content-type': 'application/json' };
    assert.equal((await proxy(post('/resources/booking-requests/v1.0', create))).status, 422);
    assert.equal((await proxy(post('/resources/booking-requests/v1.0', '{"type":'))).status, 400);
    assert.equal(
      (await proxy(post('/resources/booking-requests/v1.0', JSON.stringify({ ...create, pad: 'x'.repeat(2000) }))))
        .status,
      413,
    );
    assert.equal((await proxy(post('/resources/booking-requests/v1.0', { ...create, type: 'update' }))).status, 422);
    const refused = await proxy(post('/resources/booking-requests/v1.0', create, { ...json, 'x-test-refuse': '1' }));
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '9');
    assert.equal((await proxy(post('/resources/booking-requests/v1.0', { type: 'cancel', bookingId: 5 }))).status, 404);
    assert.equal((await proxy(get('/resources/locations/v2.0/7?x=1'))).status, 404);
    assert.equal((await proxy(get('/resources/bookings/v1.0/5'))).status, 404);
    assert.deepEqual(seen, [
      'create booking-request-post',
      'create booking-request-post',
      'create booking-request-post',
      'create booking-request-post',
      'create booking-request-post',
      'read booking-request-post',
      'read location',
      'read booking',
    ]);
    assert.equal(upstream.length, 1, 'only the first create looked its driver up');
  });
});

describe('the Node server', () => {
  test('answers Brotli, else gzip, as the client accepts, and the bytes decode to the same JSON', async () => {
    const windows = Array.from({ length: 14 }, (_, day) => ({
      startAt: instant(Date.parse('2026-03-01T08:00:00Z') + day * 12 * HOUR),
      endAt: instant(Date.parse('2026-03-01T10:00:00Z') + day * 12 * HOUR),
    }));
    const availability = {
      data: Array.from({ length: 50 }, (_, index) => ({ evseId: index + 1, availableSlots: windows })),
    };
    const server = await startProxyServer({
      port: 0,
      upstreamUrl: 'https://tenant.example/public-api',
      token: 'tok_SECRET_0123456789',
      limits: false,
      upstreamFetch: async () => Response.json(availability),
    });
    // node:http, which (unlike fetch) leaves the body as sent.
    const send = (acceptEncoding: string): Promise<{ encoding: string | undefined; body: Buffer }> =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({ startAfter: '2026-03-01T08:00:00Z', endBefore: '2026-03-08T08:00:00Z' });
        const outgoing = httpRequest(
          `${server.url}/api/ampeco/actions/locations/v2.0/7/check-booking-availability`,
          { method: 'POST', headers: { 'content-type': 'application/json', 'accept-encoding': acceptEncoding } },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (chunk: Buffer) => chunks.push(chunk));
            response.on('end', () =>
              resolve({ encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) }),
            );
          },
        );
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    try {
      const plain = await send('identity');
      assert.equal(plain.encoding, undefined);
      const brotli = await send('gzip, deflate, br');
      assert.equal(brotli.encoding, 'br');
      assert.equal(brotliDecompressSync(brotli.body).toString('utf8'), plain.body.toString('utf8'));
      const gzip = await send('gzip');
      assert.equal(gzip.encoding, 'gzip');
      assert.equal(gunzipSync(gzip.body).toString('utf8'), plain.body.toString('utf8'));
      assert.ok(
        brotli.body.byteLength * 10 < plain.body.byteLength,
        `${brotli.body.byteLength} of ${plain.body.byteLength}`,
      );
    } finally {
      await server.close();
    }
  });
});
