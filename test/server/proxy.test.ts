/**
 * The proxy handler (server/proxy.ts) against a fake upstream: allowlist, query rules, body
 * validation, response shaping, pagination rewriting, cache, upstream faults, CORS, rate limit
 * and secrecy of the token.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProxy, type ProxyLogEntry, type ProxyOptions } from '../../server/proxy.js';
import { testLimits } from './limits-support.js';
import { BASE, fakeAmpeco, get, post, PROXY, validBooking } from './support.js';

const TOKEN = 'tok_SECRET_0123456789abcdef';
const UPSTREAM = 'https://ev.example-whitelabel.net/public-api';

interface Call {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
}

type Respond = (call: Call) => Response | Promise<Response>;

function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const echo: Respond = () => jsonResponse({ data: [] });

function setup(respond: Respond = echo, options: Partial<ProxyOptions> = {}) {
  const calls: Call[] = [];
  const logs: ProxyLogEntry[] = [];
  // The day before the bookings of support.ts: within the booking horizon.
  let clock = Date.parse('2026-02-28T10:00:00Z');
  const proxy = createProxy({
    upstreamUrl: UPSTREAM,
    token: TOKEN,
    upstreamFetch: async (request: Request): Promise<Response> => {
      const call: Call = {
        url: new URL(request.url),
        method: request.method,
        headers: request.headers,
        body: await request.text(),
      };
      calls.push(call);
      return respond(call);
    },
    now: () => clock,
    log: (entry) => logs.push(entry),
    ...options,
  });
  return {
    proxy,
    calls,
    logs,
    advance: (ms: number): void => {
      clock += ms;
    },
  };
}

describe('allowlist of SPEC §4', () => {
  const forwarded: ReadonlyArray<readonly [string, string, unknown, string]> = [
    ['GET', '/resources/locations/v2.0/7', undefined, '/public-api/resources/locations/v2.0/7'],
    [
      'GET',
      '/resources/charge-points/v2.0?filter[locationId]=7',
      undefined,
      '/public-api/resources/charge-points/v2.0?filter%5BlocationId%5D=7',
    ],
    [
      'GET',
      '/resources/charge-points/v2.0?cursor=abc&per_page=10&filter[locationId]=7',
      undefined,
      '/public-api/resources/charge-points/v2.0?filter%5BlocationId%5D=7&per_page=10&cursor=abc',
    ],
    [
      'GET',
      '/resources/charge-points/v2.0/3/evses?include[]=connectors',
      undefined,
      '/public-api/resources/charge-points/v2.0/3/evses?include%5B%5D=connectors',
    ],
    ['GET', '/resources/charge-points/v2.0/3/evses', undefined, '/public-api/resources/charge-points/v2.0/3/evses'],
    [
      'POST',
      '/actions/locations/v2.0/7/check-booking-availability',
      { startAfter: '2026-03-01T08:00:00Z', endBefore: '2026-03-02T08:00:00Z' },
      '/public-api/actions/locations/v2.0/7/check-booking-availability',
    ],
    [
      'GET',
      `/resources/booking-requests/v1.0?filter[externalId]=${validBooking.externalId}`,
      undefined,
      `/public-api/resources/booking-requests/v1.0?filter%5BexternalId%5D=${validBooking.externalId}`,
    ],
  ];

  for (const [method, path, body, upstreamPath] of forwarded) {
    test(`forwards ${method} ${path}`, async () => {
      const { proxy, calls } = setup();
      const response = await proxy(method === 'GET' ? get(path) : post(path, body));
      assert.equal(response.status, 200);
      assert.equal(calls.length, 1);
      const [call] = calls;
      assert.ok(call);
      assert.equal(call.method, method);
      assert.equal(`${call.url.origin}`, 'https://ev.example-whitelabel.net');
      assert.equal(`${call.url.pathname}${call.url.search}`, upstreamPath);
      if (body !== undefined) assert.deepEqual(JSON.parse(call.body), body);
    });
  }

  const refused: ReadonlyArray<readonly [string, string]> = [
    ['GET', '/resources/locations/v2.0'],
    ['GET', '/resources/locations/v2.0/7/charging-zones'],
    ['GET', '/resources/evses/v2.1'],
    ['GET', '/resources/users/v1.0/42'],
    // Not exposed in v2 (SPEC §9): user look-ups, a driver's bookings, reads by id without a capability.
    ['GET', '/resources/users/v1.0?filter[email]=driver@example.com'],
    ['GET', '/resources/bookings/v1.0?filter[userId]=42'],
    ['GET', '/resources/booking-requests/v1.0/12'],
    ['GET', '/resources/bookings/v1.0/100'],
    ['GET', '/resources/bookings/v1.0/100?include[]=bookedEvses'],
    ['GET', '/resources/sessions/v1.0'],
    ['GET', '/resources/locations/v2.0/0'],
    ['GET', '/resources/locations/v2.0/-1'],
    ['GET', '/resources/locations/v2.0/7abc'],
    ['GET', '/resources/locations/v2.0/1e3'],
    ['GET', '/resources/locations/v2.0/007x'],
    ['GET', '/resources/locations/v2.0/99999999999999999999'],
    ['GET', '/resources/locations/v2.0/7/'],
    ['POST', '/resources/locations/v2.0/7'],
    ['DELETE', '/resources/bookings/v1.0/100'],
    ['PUT', '/resources/booking-requests/v1.0/12'],
    ['PATCH', '/resources/booking-requests/v1.0/12'],
    ['HEAD', '/resources/locations/v2.0/7'],
    ['GET', '/actions/locations/v2.0/7/check-booking-availability'],
    ['POST', '/actions/charge-points/v2.0/3/reset'],
  ];
  for (const [method, path] of refused) {
    test(`answers 404 to ${method} ${path} without calling upstream`, async () => {
      const { proxy, calls } = setup();
      const response = await proxy(new Request(`${BASE}${path}`, { method }));
      assert.equal(response.status, 404);
      if (method !== 'HEAD') assert.deepEqual(await response.json(), { message: 'The record is not found' });
      assert.equal(calls.length, 0);
    });
  }

  test('answers 404 outside the base path', async () => {
    const { proxy, calls } = setup();
    for (const url of [
      `${PROXY}/resources/locations/v2.0/7`,
      `${PROXY}/api/ampecoX/resources/locations/v2.0/7`,
      `${PROXY}/api/ampeco`,
    ]) {
      const response = await proxy(new Request(url));
      assert.equal(response.status, 404, url);
    }
    assert.equal(calls.length, 0);
  });

  test('serves another base path and an upstream with a deeper prefix', async () => {
    const { proxy, calls } = setup(echo, { basePath: '/ev/', upstreamUrl: 'http://10.0.0.5:8080/tenant/public-api/' });
    const response = await proxy(new Request(`${PROXY}/ev/resources/locations/v2.0/7`));
    assert.equal(response.status, 200);
    assert.equal(calls[0]?.url.href, 'http://10.0.0.5:8080/tenant/public-api/resources/locations/v2.0/7');
    assert.equal((await proxy(get('/resources/locations/v2.0/7'))).status, 404);
  });

  test('GET /healthz answers 200 {status:"ok"} without calling upstream', async () => {
    const { proxy, calls } = setup();
    const response = await proxy(new Request(`${PROXY}/healthz`));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
    assert.equal(calls.length, 0);
  });

  test('HEAD /healthz answers 200 without a body (load balancers probe with HEAD); HEAD elsewhere stays 404', async () => {
    const { proxy, calls } = setup();
    const response = await proxy(new Request(`${PROXY}/healthz`, { method: 'HEAD' }));
    assert.equal(response.status, 200);
    assert.equal(response.body, null);
    for (const url of [`${PROXY}/healthz/`, `${PROXY}/healthz2`, `${BASE}/healthz`]) {
      assert.equal((await proxy(new Request(url, { method: 'HEAD' }))).status, 404, url);
    }
    assert.equal(calls.length, 0);
  });
});

describe('query parameters', () => {
  const refused: ReadonlyArray<readonly [string, RegExp]> = [
    ['/resources/charge-points/v2.0', /filter\[locationId\].*required/],
    ['/resources/charge-points/v2.0?filter[locationId]=abc', /invalid/],
    ['/resources/charge-points/v2.0?filter[locationId]=7&filter[locationId]=8', /more than once/],
    [
      '/resources/charge-points/v2.0?filter[locationId]=7&filter[status]=x',
      /Unknown query parameter "filter\[status\]"/,
    ],
    ['/resources/charge-points/v2.0?filter[locationId]=7&per_page=101', /per_page/],
    ['/resources/charge-points/v2.0?filter[locationId]=7&per_page=0', /per_page/],
    ['/resources/charge-points/v2.0?filter[locationId]=7&cursor=', /cursor/],
    ['/resources/charge-points/v2.0?filter[locationId]=7&cursor=a%20b', /cursor/],
    ['/resources/charge-points/v2.0/3/evses?include[]=chargingProfile', /include/],
    ['/resources/charge-points/v2.0/3/evses?include=connectors', /Unknown/],
    ['/resources/locations/v2.0/7?include[]=chargingZones', /Unknown/],
    ['/resources/users/v1.0', /not found/],
    ['/resources/users/v1.0?filter[email]=driver@example.com', /not found/],
    ['/resources/booking-requests/v1.0', /filter\[externalId\].*required/],
    ['/resources/booking-requests/v1.0?filter[userId]=42', /Unknown/],
    ['/resources/booking-requests/v1.0?filter[externalId]=abc-1', /invalid/],
    [
      `/resources/booking-requests/v1.0?filter[externalId]=${validBooking.externalId}&filter[status]=pending`,
      /Unknown/,
    ],
    ['/resources/bookings/v1.0', /not found/],
    ['/resources/bookings/v1.0?filter[userId]=42', /not found/],
    ['/resources/bookings/v1.0/100?filter[userId]=42', /Unknown/],
    ['/resources/bookings/v1.0/100?include[]=evse', /include/],
    ['/resources/bookings/v1.0?filter[userId]=42&include[]=bookedEvses', /not found/],
  ];
  for (const [path, message] of refused) {
    test(`404 for ${path}, nothing forwarded`, async () => {
      const { proxy, calls } = setup();
      const response = await proxy(get(path));
      assert.equal(response.status, 404);
      const body = (await response.json()) as { message: string };
      assert.match(body.message, message);
      assert.equal(calls.length, 0);
    });
  }
});

describe('request bodies', () => {
  test('a valid create request is forwarded as validated JSON, for the driver looked up by email', async () => {
    const { proxy, calls } = setup(fakeAmpeco);
    const response = await proxy(
      post('/resources/booking-requests/v1.0', validBooking, { 'content-type': 'application/json; charset=utf-8' }),
    );
    assert.equal(response.status, 201);
    const create = calls.find((call) => call.method === 'POST');
    assert.equal(create?.headers.get('content-type'), 'application/json');
    const { email, ...rest } = validBooking;
    assert.equal(email, 'driver@example.com');
    assert.deepEqual(JSON.parse(create?.body ?? ''), { ...rest, userId: 42 });
  });

  const invalid: ReadonlyArray<readonly [string, unknown, string, RegExp]> = [
    [
      'type update',
      { type: 'update', bookingId: 100, startAt: '2026-03-01T11:00:00Z' },
      'type',
      /"create" or "cancel"/,
    ],
    ['type cancel and create fields', { ...validBooking, type: 'cancel' }, 'bookingId', /required/],
    ['missing email', { ...validBooking, email: undefined }, 'email', /required/],
    ['an email that is no address', { ...validBooking, email: 'driver at example' }, 'email', /valid email/],
    ['a userId (v1) instead of an email', { ...validBooking, userId: 42 }, 'userId', /not allowed/],
    ['extra field', { ...validBooking, authorizedTokenIds: [1] }, 'authorizedTokenIds', /not allowed/],
    ['local time', { ...validBooking, startAt: '2026-03-01T10:00:00' }, 'startAt', /ISO 8601/],
    ['array body', [validBooking], 'body', /JSON object/],
    ['an end before its start', { ...validBooking, endAt: '2026-03-01T09:00:00Z' }, 'endAt', /after startAt/],
    ['no length', { ...validBooking, endAt: validBooking.startAt }, 'endAt', /after startAt/],
    ['a length of 3 months', { ...validBooking, endAt: '2026-06-01T10:00:00Z' }, 'endAt', /longer than 1440 minutes/],
    ['a control character in externalId', { ...validBooking, externalId: 'a\u0000b\r\nX: 1' }, 'externalId', /UUID/],
    ['an externalId that is no UUID', { ...validBooking, externalId: 'abc-1' }, 'externalId', /UUID/],
  ];
  for (const [name, body, field, message] of invalid) {
    test(`422 for a booking request with ${name}`, async () => {
      const { proxy, calls } = setup();
      const response = await proxy(post('/resources/booking-requests/v1.0', body));
      assert.equal(response.status, 422);
      const json = (await response.json()) as { message: string; errors: Record<string, string[]> };
      assert.equal(json.message, 'The given data was invalid.');
      assert.ok(Array.isArray(json.errors[field]), JSON.stringify(json.errors));
      assert.match(json.errors[field]?.join(' ') ?? '', message);
      assert.equal(calls.length, 0);
    });
  }

  test('422 for an availability body with unknown fields or bad instants', async () => {
    const { proxy, calls } = setup();
    const response = await proxy(
      post('/actions/locations/v2.0/7/check-booking-availability', {
        startAfter: 'tomorrow',
        endBefore: '2026-03-02T08:00:00Z',
        evseId: 3,
      }),
    );
    assert.equal(response.status, 422);
    const json = (await response.json()) as { errors: Record<string, string[]> };
    assert.deepEqual(Object.keys(json.errors).sort(), ['evseId', 'startAfter']);
    assert.equal(calls.length, 0);
  });

  test('422 for an availability time frame that ends before it starts or spans more than 7 days', async () => {
    const { proxy, calls } = setup();
    for (const [endBefore, message] of [
      ['2026-03-01T07:00:00Z', /after startAfter/],
      ['2026-03-12T08:00:00Z', /at most 7 days/],
    ] as const) {
      const response = await proxy(
        post('/actions/locations/v2.0/7/check-booking-availability', { startAfter: '2026-03-01T08:00:00Z', endBefore }),
      );
      assert.equal(response.status, 422, endBefore);
      const json = (await response.json()) as { errors: Record<string, string[]> };
      assert.match(json.errors['endBefore']?.join(' ') ?? '', message);
    }
    const week = await proxy(
      post('/actions/locations/v2.0/7/check-booking-availability', {
        startAfter: '2026-03-01T08:00:00Z',
        endBefore: '2026-03-08T08:00:00Z',
      }),
    );
    assert.equal(week.status, 200);
    assert.equal(calls.length, 1);
  });

  test('a maxBookingMinutes that is not a positive number of minutes is refused at creation', () => {
    for (const maxBookingMinutes of [0, -5, Number.NaN, Infinity]) {
      assert.throws(() => setup(echo, { maxBookingMinutes }), TypeError, String(maxBookingMinutes));
    }
  });

  test('maxBookingMinutes sets the longest booking that is forwarded', async () => {
    const { proxy, calls } = setup(fakeAmpeco, { maxBookingMinutes: 60 });
    const hour = await proxy(
      post('/resources/booking-requests/v1.0', { ...validBooking, endAt: '2026-03-01T11:00:00Z' }),
    );
    assert.equal(hour.status, 201);
    const longer = await proxy(
      post('/resources/booking-requests/v1.0', { ...validBooking, endAt: '2026-03-01T11:01:00Z' }),
    );
    assert.equal(longer.status, 422);
    assert.equal(calls.filter((call) => call.method === 'POST').length, 1);
  });

  test('422, not 500, for instants with a month or day that does not exist', async () => {
    const { proxy, calls } = setup();
    for (const [startAfter, endBefore] of [
      ['2026-13-01T10:00:00Z', '2026-03-02T08:00:00Z'],
      ['2026-03-01T08:00:00Z', '2026-02-99T08:00:00Z'],
    ]) {
      const response = await proxy(
        post('/actions/locations/v2.0/7/check-booking-availability', { startAfter, endBefore }),
      );
      assert.equal(response.status, 422, `${startAfter} ${endBefore}`);
      const json = (await response.json()) as { errors: Record<string, string[]> };
      assert.equal(Object.keys(json.errors).length, 1, JSON.stringify(json.errors));
    }
    assert.equal(calls.length, 0);
  });

  test('400 for a body that is not JSON', async () => {
    const { proxy, calls } = setup();
    const response = await proxy(post('/resources/booking-requests/v1.0', '{"type":"create",'));
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /not valid JSON/);
    assert.equal(calls.length, 0);
  });

  for (const contentType of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=latin1',
    'application/jsonp',
    null,
  ]) {
    test(`415 for content type ${String(contentType)}`, async () => {
      const { proxy, calls } = setup();
      const headers: Record<string, string> = contentType === null ? {} : { 'content-type': contentType };
      const request = new Request(`${BASE}/resources/booking-requests/v1.0`, {
        method: 'POST',
        headers,
        body: new Blob([JSON.stringify(validBooking)]).stream(),
        duplex: 'half',
      } as RequestInit);
      const response = await proxy(request);
      assert.equal(response.status, 415);
      assert.equal(calls.length, 0);
    });
  }

  test('413 when Content-Length announces more than the cap', async () => {
    const { proxy, calls } = setup(echo, { maxBodyBytes: 1024 });
    const big = JSON.stringify({ ...validBooking, externalId: 'x'.repeat(2000) });
    const response = await proxy(
      post('/resources/booking-requests/v1.0', big, {
        'content-type': 'application/json',
        'content-length': String(big.length),
      }),
    );
    assert.equal(response.status, 413);
    assert.equal(calls.length, 0);
  });

  test('413 when a streamed body without length grows past the cap, and reading stops', async () => {
    const { proxy, calls } = setup(echo, { maxBodyBytes: 1024 });
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller): void {
        pulled += 1;
        controller.enqueue(new TextEncoder().encode(' '.repeat(512)));
      },
      cancel(): void {
        cancelled = true;
      },
    });
    const request = new Request(`${BASE}/resources/booking-requests/v1.0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: endless,
      duplex: 'half',
    } as RequestInit);
    const response = await proxy(request);
    assert.equal(response.status, 413);
    assert.ok(cancelled, 'the body stream is cancelled');
    assert.ok(pulled < 10, `read ${pulled} chunks`);
    assert.equal(calls.length, 0);
  });
});

describe('the token', () => {
  test('an upstream echo of the token, as it is or percent-encoded, never reaches the client', async () => {
    const token = 'tok/SECRET+0123=456789';
    const echoes = [token, encodeURIComponent(token)];
    const { proxy } = setup(() => jsonResponse({ message: `bad token ${echoes.join(' ')}` }, 403), { token });
    const response = await proxy(get('/resources/locations/v2.0/7'));
    const text = await response.text();
    assert.equal(response.status, 403);
    for (const echo of echoes) assert.ok(!text.includes(echo), `${echo} in ${text}`);
    assert.equal(text.split('[redacted]').length, 3, text);
  });
});

describe('pagination', () => {
  const page = (call: Call): Response => {
    const cursor = call.url.searchParams.get('cursor');
    const upstreamList = `${UPSTREAM}/resources/charge-points/v2.0`;
    return jsonResponse({
      data: [{ id: cursor === null ? 1 : 2, locationId: 7 }],
      links: {
        first: `${upstreamList}?filter%5BlocationId%5D=7`,
        last: null,
        prev: cursor === null ? null : `${upstreamList}?filter%5BlocationId%5D=7&cursor=eyJwcmV2Ijox`,
        next:
          cursor === null
            ? `https://other-host.example/public-api/resources/charge-points/v2.0?filter%5BlocationId%5D=999&cursor=eyJpZCI6MX0&evil=1`
            : null,
        extra: 'https://evil.example/',
      },
      meta: {
        path: upstreamList,
        per_page: 1,
        next_cursor: cursor === null ? 'eyJpZCI6MX0' : null,
        prev_cursor: null,
        secret: 'x',
      },
    });
  };

  test('links.next points at the proxy, keeping only the cursor of the upstream link; nothing else of links or meta is passed', async () => {
    const { proxy, calls } = setup(page);
    const response = await proxy(get('/resources/charge-points/v2.0?filter[locationId]=7&per_page=1'));
    const body = (await response.json()) as { links: Record<string, unknown>; meta?: unknown };
    const list = `${BASE}/resources/charge-points/v2.0`;
    assert.deepEqual(body.links, { next: `${list}?filter%5BlocationId%5D=7&per_page=1&cursor=eyJpZCI6MX0` });
    assert.equal(body.meta, undefined, 'the widget reads no meta of a list');

    const next = await proxy(new Request(String(body.links['next'])));
    assert.equal(next.status, 200);
    assert.equal(calls.length, 2);
    assert.equal(
      calls[1]?.url.href,
      `${UPSTREAM}/resources/charge-points/v2.0?filter%5BlocationId%5D=7&per_page=1&cursor=eyJpZCI6MX0`,
    );
    const second = (await next.json()) as { links: Record<string, unknown> };
    assert.deepEqual(second.links, { next: null });
  });

  test('uses publicOrigin in links when configured', async () => {
    const { proxy } = setup(page, { publicOrigin: 'https://shop.example' });
    const body = (await (await proxy(get('/resources/charge-points/v2.0?filter[locationId]=7'))).json()) as {
      links: Record<string, string>;
    };
    assert.equal(
      body.links['next'],
      'https://shop.example/api/ampeco/resources/charge-points/v2.0?filter%5BlocationId%5D=7&cursor=eyJpZCI6MX0',
    );
  });

  test('EVSE and booking lists are rewritten the same way; unusable links become null', async () => {
    const { proxy } = setup(() => jsonResponse({ data: [], links: { next: 'not a url with cursor=%%%', prev: 42 } }));
    const evses = (await (await proxy(get('/resources/charge-points/v2.0/3/evses?include[]=connectors'))).json()) as {
      links: Record<string, unknown>;
    };
    // A `next` without a cursor would name the first page again: a client following it would loop.
    assert.deepEqual(evses.links, { next: null });
    const { proxy: proxy2 } = setup(() =>
      jsonResponse({ data: [], links: { next: `${UPSTREAM}/resources/charge-points/v2.0?cursor=has%20space` } }),
    );
    const points = (await (await proxy2(get('/resources/charge-points/v2.0?filter[locationId]=7'))).json()) as {
      links: Record<string, unknown>;
    };
    assert.equal(points.links['next'], null);
  });

  test('a next link with a page number is kept as a page number, so that the list goes on', async () => {
    const { proxy, calls } = setup(() =>
      jsonResponse({
        data: [{ id: 1, locationId: 7 }],
        links: { next: `${UPSTREAM}/resources/charge-points/v2.0?filter%5BlocationId%5D=7&page=2` },
      }),
    );
    const body = (await (await proxy(get('/resources/charge-points/v2.0?filter[locationId]=7'))).json()) as {
      links: Record<string, string>;
    };
    assert.equal(body.links['next'], `${BASE}/resources/charge-points/v2.0?filter%5BlocationId%5D=7&page=2`);
    await proxy(new Request(body.links['next']!));
    assert.equal(calls[1]?.url.searchParams.get('page'), '2');
  });

  test('a next link without a cursor or page, or not http(s), ends the list instead of looping', async () => {
    for (const next of [
      `${UPSTREAM}/resources/charge-points/v2.0?filter%5BlocationId%5D=7`,
      `${UPSTREAM}/resources/charge-points/v2.0?filter%5BlocationId%5D=7&page=0`,
      'javascript:alert(1)//?cursor=abc',
      'data:text/plain,cursor=abc',
    ]) {
      const { proxy } = setup(() => jsonResponse({ data: [{ id: 1, locationId: 7 }], links: { first: next, next } }));
      const body = (await (await proxy(get('/resources/charge-points/v2.0?filter[locationId]=7'))).json()) as {
        links: Record<string, unknown>;
      };
      assert.equal(body.links['next'], null, next);
    }
  });

  test('a client-supplied URL as cursor is only ever a cursor value sent to the configured host', async () => {
    const { proxy, calls } = setup();
    const response = await proxy(
      get(
        `/resources/charge-points/v2.0?filter[locationId]=7&cursor=${encodeURIComponent('https://evil.example/steal')}`,
      ),
    );
    assert.equal(response.status, 200);
    assert.equal(calls[0]?.url.host, 'ev.example-whitelabel.net');
    assert.equal(calls[0]?.url.searchParams.get('cursor'), 'https://evil.example/steal');
  });
});

describe('cache', () => {
  test('location, charge point and EVSE GETs cost one upstream call per TTL', async () => {
    const { proxy, calls, advance } = setup(echo, { cacheTtlMs: 60_000 });
    const paths = [
      '/resources/locations/v2.0/7',
      '/resources/charge-points/v2.0?filter[locationId]=7',
      '/resources/charge-points/v2.0/3/evses?include[]=connectors',
    ];
    for (let view = 0; view < 5; view += 1) {
      for (const path of paths) assert.equal((await proxy(get(path))).status, 200);
      advance(10_000);
    }
    assert.equal(calls.length, 3);
    advance(20_000);
    for (const path of paths) await proxy(get(path));
    assert.equal(calls.length, 6);
  });

  test('cached answers still get their links rewritten for each request origin', async () => {
    const { proxy } = setup(() =>
      jsonResponse({ data: [], links: { next: `${UPSTREAM}/resources/charge-points/v2.0?cursor=c1` } }),
    );
    const a = (await (await proxy(get('/resources/charge-points/v2.0?filter[locationId]=7'))).json()) as {
      links: { next: string };
    };
    const b = (await (
      await proxy(new Request('http://localhost:8787/api/ampeco/resources/charge-points/v2.0?filter[locationId]=7'))
    ).json()) as {
      links: { next: string };
    };
    assert.ok(a.links.next.startsWith(`${PROXY}/`));
    assert.ok(b.links.next.startsWith('http://localhost:8787/'));
  });

  test('concurrent identical misses are coalesced into one upstream fetch', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { proxy, calls } = setup(async (call) => {
      await gate;
      return echo(call);
    });
    const pending = Array.from({ length: 20 }, () => proxy(get('/resources/locations/v2.0/7')));
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    const responses = await Promise.all(pending);
    assert.ok(responses.every((response) => response.status === 200));
    assert.equal(calls.length, 1);
  });

  test('availability and booking requests are never cached', async () => {
    const { proxy, calls } = setup();
    for (let i = 0; i < 2; i += 1) {
      await proxy(
        post('/actions/locations/v2.0/7/check-booking-availability', {
          startAfter: '2026-03-01T08:00:00Z',
          endBefore: '2026-03-02T08:00:00Z',
        }),
      );
      await proxy(get(`/resources/booking-requests/v1.0?filter[externalId]=${validBooking.externalId}`));
    }
    assert.equal(calls.length, 4);
  });

  test('errors are not cached', async () => {
    let status = 503;
    const { proxy, calls } = setup(() =>
      jsonResponse(status === 200 ? { data: { id: 7 } } : { message: 'down' }, status),
    );
    assert.equal((await proxy(get('/resources/locations/v2.0/7'))).status, 503);
    status = 200;
    assert.equal((await proxy(get('/resources/locations/v2.0/7'))).status, 200);
    assert.equal((await proxy(get('/resources/locations/v2.0/7'))).status, 200);
    assert.equal(calls.length, 2);
  });

  test('a 200 without data (`{"data": null}`) is passed on but not cached', async () => {
    let body: unknown = { data: null };
    const { proxy, calls } = setup(() => jsonResponse(body));
    assert.deepEqual(await (await proxy(get('/resources/locations/v2.0/7'))).json(), { data: null });
    body = { data: { id: 7 } };
    assert.deepEqual(await (await proxy(get('/resources/locations/v2.0/7'))).json(), { data: { id: 7 } });
    assert.deepEqual(await (await proxy(get('/resources/locations/v2.0/7'))).json(), { data: { id: 7 } });
    assert.equal(calls.length, 2);
  });
});

describe('upstream faults', () => {
  test('429 is passed on with Retry-After and an Ampeco-shaped body', async () => {
    const { proxy } = setup(() =>
      jsonResponse({ message: 'Too many requests. Please try again later.' }, 429, {
        'retry-after': '30',
        'x-powered-by': 'PHP',
      }),
    );
    const response = await proxy(get('/resources/locations/v2.0/7'));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '30');
    assert.equal(response.headers.get('x-powered-by'), null);
    assert.deepEqual(await response.json(), { message: 'Too many requests. Please try again later.' });
  });

  test('5xx statuses are passed on; a non-JSON error body gets a message', async () => {
    const { proxy } = setup(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 503,
          headers: { 'content-type': 'text/html', 'retry-after': '5' },
        }),
    );
    const response = await proxy(get('/resources/locations/v2.0/7'));
    assert.equal(response.status, 503);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.deepEqual(await response.json(), { message: 'The Ampeco API answered 503.' });
  });

  test('upstream 422 keeps message and field errors only', async () => {
    const { proxy } = setup(() =>
      jsonResponse(
        {
          message: 'The given data was invalid.',
          errors: { startAt: ['The start at must be in the future.'] },
          trace: ['/var/www'],
        },
        422,
      ),
    );
    const response = await proxy(post('/resources/booking-requests/v1.0', validBooking));
    assert.equal(response.status, 422);
    assert.deepEqual(await response.json(), {
      message: 'The given data was invalid.',
      errors: { startAt: ['The start at must be in the future.'] },
    });
  });

  test('a time-out answers 504 {message}', async () => {
    const { proxy } = setup(() => new Promise<Response>(() => undefined), { timeoutMs: 30 });
    const response = await proxy(get('/resources/locations/v2.0/7'));
    assert.equal(response.status, 504);
    assert.match(((await response.json()) as { message: string }).message, /did not answer in time/);
  });

  test('a body that never ends also times out', async () => {
    const { proxy } = setup(
      () =>
        new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"data":')) })),
      { timeoutMs: 30 },
    );
    assert.equal((await proxy(get('/resources/locations/v2.0/7'))).status, 504);
  });

  test('a network error or reset answers 502 {message}', async () => {
    const { proxy, logs } = setup(() => {
      throw new TypeError('fetch failed: ECONNRESET');
    });
    const response = await proxy(get('/resources/locations/v2.0/7'));
    assert.equal(response.status, 502);
    assert.deepEqual(await response.json(), { message: 'The Ampeco API could not be reached.' });
    assert.ok(logs.some((entry) => entry.level === 'warn' && /ECONNRESET/.test(entry.detail ?? '')));
  });

  for (const [name, make] of [
    [
      'HTML with status 200',
      (): Response =>
        new Response('<html>maintenance</html>', { status: 200, headers: { 'content-type': 'text/html' } }),
    ],
    ['an empty 200', (): Response => new Response(null, { status: 200 })],
    ['a JSON array', (): Response => jsonResponse([1, 2])],
    ['a redirect', (): Response => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } })],
    ['a body past the upstream cap', (): Response => jsonResponse({ data: 'x'.repeat(5000) })],
  ] as const) {
    test(`upstream garbage (${name}) answers 502`, async () => {
      const { proxy } = setup(make, { maxUpstreamBodyBytes: 4096 });
      const response = await proxy(get('/resources/locations/v2.0/7'));
      assert.equal(response.status, 502);
      assert.equal(typeof ((await response.json()) as { message: unknown }).message, 'string');
      assert.equal(response.headers.get('location'), null);
    });
  }

  test('only safe headers of upstream reach the client', async () => {
    const { proxy } = setup(() =>
      jsonResponse({ data: { id: 7 } }, 200, {
        'set-cookie': 'session=abc',
        server: 'nginx',
        'x-ratelimit-remaining': '5',
        'access-control-allow-origin': '*',
      }),
    );
    const response = await proxy(get('/resources/locations/v2.0/7'));
    const names = [...response.headers.keys()].sort();
    assert.deepEqual(names, [
      'cache-control',
      'content-security-policy',
      'content-type',
      'referrer-policy',
      'vary',
      'x-content-type-options',
      'x-frame-options',
    ]);
  });
});

describe('CORS', () => {
  const origins = { allowedOrigins: ['https://shop.example', 'http://localhost:5173'] };

  test('an allowed origin gets its exact origin back, Vary and exposed Retry-After', async () => {
    const { proxy } = setup(echo, origins);
    const response = await proxy(get('/resources/locations/v2.0/7', { origin: 'https://shop.example' }));
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.equal(response.headers.get('access-control-expose-headers'), 'Retry-After');
    assert.equal(response.headers.get('access-control-allow-credentials'), null);
  });

  test('a disallowed origin gets no CORS headers', async () => {
    const { proxy } = setup(echo, origins);
    for (const origin of [
      'https://evil.example',
      'https://shop.example.evil.example',
      'null',
      'https://SHOP.example:443x',
    ]) {
      const response = await proxy(get('/resources/locations/v2.0/7', { origin }));
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
      assert.equal(response.headers.get('access-control-expose-headers'), null, origin);
    }
  });

  test('no origin is allowed by default (same origin only)', async () => {
    const { proxy } = setup();
    const response = await proxy(get('/resources/locations/v2.0/7', { origin: 'https://shop.example' }));
    assert.equal(response.headers.get('access-control-allow-origin'), null);
    const preflight = await proxy(
      new Request(`${BASE}/resources/booking-requests/v1.0`, {
        method: 'OPTIONS',
        headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
      }),
    );
    assert.equal(preflight.status, 403);
  });

  test('preflight of an allowed origin answers 204 with methods and headers', async () => {
    const { proxy, calls } = setup(echo, origins);
    const response = await proxy(
      new Request(`${BASE}/resources/booking-requests/v1.0`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      }),
    );
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
    assert.equal(response.headers.get('access-control-allow-methods'), 'GET, POST');
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /^content-type$/i);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
    assert.equal(calls.length, 0);
  });

  test('preflight of a disallowed origin or method answers 403 without CORS headers', async () => {
    const { proxy } = setup(echo, origins);
    for (const [origin, method] of [
      ['https://evil.example', 'POST'],
      ['https://shop.example', 'DELETE'],
    ] as const) {
      const response = await proxy(
        new Request(`${BASE}/resources/bookings/v1.0/1`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': method },
        }),
      );
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    }
  });

  test('OPTIONS on a path that is not forwarded is a 404, with or without an allowed origin', async () => {
    const { proxy, calls } = setup(echo, origins);
    for (const path of ['/resources/nothing/x', '/resources/evses/v2.1', '/resources/locations/v2.0/7/evses']) {
      for (const headers of [{}, { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' }] as Array<
        Record<string, string>
      >) {
        const response = await proxy(new Request(`${BASE}${path}`, { method: 'OPTIONS', headers }));
        assert.equal(response.status, 404, `${path} ${JSON.stringify(headers)}`);
        assert.equal(response.headers.get('access-control-allow-origin'), null);
      }
    }
    const known = await proxy(new Request(`${BASE}/resources/locations/v2.0/7`, { method: 'OPTIONS' }));
    assert.equal(known.status, 204);
    assert.equal(calls.length, 0);
  });

  test('errors and 429s carry CORS headers so that the widget can read them', async () => {
    const { proxy } = setup(() => jsonResponse({ message: 'slow down' }, 429, { 'retry-after': '7' }), origins);
    const response = await proxy(get('/resources/locations/v2.0/7', { origin: 'https://shop.example' }));
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
    assert.equal(response.headers.get('retry-after'), '7');
  });
});

describe('rate limit', () => {
  test('each client gets its own reads a minute; the rest answer 429 with Retry-After', async () => {
    const { proxy, calls } = setup(echo, {
      cacheTtlMs: 0,
      limits: testLimits({ READS_PER_MINUTE: '3' }),
      clientKey: (request) => request.headers.get('x-test-client') ?? '?',
    });
    const from = (client: string): Request => get('/resources/locations/v2.0/1', { 'x-test-client': client });
    for (let i = 0; i < 3; i += 1) assert.equal((await proxy(from('a'))).status, 200);
    const limited = await proxy(from('a'));
    assert.equal(limited.status, 429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    assert.deepEqual(await limited.json(), { message: 'Too many requests. Please try again later.' });
    assert.equal((await proxy(from('b'))).status, 200, 'another client is not limited');
    assert.equal(calls.length, 4);
  });

  test('reads refused for their query count too; health checks and paths never served (which cost nothing) do not', async () => {
    const { proxy } = setup(echo, { limits: testLimits({ READS_PER_MINUTE: '2' }) });
    assert.equal((await proxy(get('/resources/charge-points/v2.0?filter[locationId]=x'))).status, 404);
    assert.equal((await proxy(get('/nope'))).status, 404);
    assert.equal((await proxy(new Request(`${PROXY}/healthz`))).status, 200);
    assert.equal((await proxy(get('/resources/charge-points/v2.0?filter[locationId]=x'))).status, 404);
    assert.equal((await proxy(get('/resources/locations/v2.0/7'))).status, 429);
  });
});

describe('the token', () => {
  test('is sent upstream as a Bearer token with Accept: application/json', async () => {
    const { proxy, calls } = setup();
    await proxy(get('/resources/locations/v2.0/7'));
    assert.equal(calls[0]?.headers.get('authorization'), `Bearer ${TOKEN}`);
    assert.equal(calls[0]?.headers.get('accept'), 'application/json');
  });

  test('never appears in a response body, header or log line, even when upstream echoes it', async () => {
    const { proxy, logs } = setup(
      (call) => {
        const auth = call.headers.get('authorization') ?? '';
        if (call.url.pathname.endsWith('/7')) return jsonResponse({ message: `Token ${auth} is invalid` }, 401);
        if (call.url.pathname.endsWith('/8')) throw new Error(`connect failed with ${auth}`);
        return jsonResponse({ data: { id: 1, note: auth }, links: { next: `${UPSTREAM}/x?cursor=${TOKEN}` } });
      },
      { allowedOrigins: ['https://shop.example'] },
    );
    const requests = [
      get('/resources/locations/v2.0/7', { origin: 'https://shop.example' }),
      get('/resources/locations/v2.0/8'),
      get('/resources/locations/v2.0/9'),
      get('/resources/charge-points/v2.0?filter[locationId]=7'),
      get('/resources/users/v1.0?filter[email]=driver@example.com'),
      post('/resources/booking-requests/v1.0', { ...validBooking, type: 'update' }),
      get('/nope'),
      new Request(`${PROXY}/healthz`),
    ];
    for (const request of requests) {
      const response = await proxy(request);
      const text = await response.text();
      assert.ok(!text.includes(TOKEN), `body of ${request.url}: ${text}`);
      for (const [name, value] of response.headers) assert.ok(!value.includes(TOKEN), `header ${name}`);
    }
    const logged = JSON.stringify(logs);
    assert.ok(logs.length >= requests.length);
    assert.ok(!logged.includes(TOKEN), logged);
    assert.ok(!logged.includes('driver@example.com'), 'emails are not logged');
  });
});
