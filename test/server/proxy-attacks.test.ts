/**
 * What an attacker-minded client tries against the proxy: allowlist bypasses (case, trailing
 * slashes, path parameters, encodings, `+`, duplicated and array parameters, wildcards), JSON
 * tricks (duplicate keys, `__proto__`), content-type tricks, CORS origin and preflight tricks,
 * and rate-limit evasion through forged headers or IPv6 address rotation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rateLimitKey, startProxyServer } from '../../server/node-server.js';
import { createProxy, type ProxyHandler, type ProxyOptions } from '../../server/proxy.js';
import { BASE, minimalBooking, post, PROXY, validAvailability } from './support.js';
import { testLimits } from './limits-support.js';

const TOKEN = 'tok_SECRET_attack_0123456789';

interface Forwarded {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
}

function setup(options: Partial<ProxyOptions> = {}): { proxy: ProxyHandler; forwarded: Forwarded[] } {
  const forwarded: Forwarded[] = [];
  const proxy = createProxy({
    upstreamUrl: 'https://tenant.example/public-api',
    token: TOKEN,
    limits: false,
    cacheTtlMs: 0,
    allowedOrigins: ['https://shop.example'],
    upstreamFetch: async (request: Request): Promise<Response> => {
      forwarded.push({
        url: new URL(request.url),
        method: request.method,
        headers: request.headers,
        body: await request.text(),
      });
      if (request.url.includes('/users/')) {
        return Response.json({ data: [{ id: 1, email: 'driver@example.com', firstName: 'A' }] });
      }
      if (request.url.includes('/booking-requests/') && request.method === 'POST')
        return Response.json({ data: { id: 1 } }, { status: 201 });
      return Response.json({ data: { id: 1 } });
    },
    ...options,
  });
  return { proxy, forwarded };
}

const AVAILABILITY = '/actions/locations/v2.0/7/check-booking-availability';
const BOOKING_REQUESTS = '/resources/booking-requests/v1.0';
const booking = minimalBooking;

/** A POST of the raw `body` with `contentType` (null: no content-type at all). */
function postRaw(path: string, body: string, contentType: string | null = 'application/json'): Request {
  return post(path, body, contentType === null ? {} : { 'content-type': contentType });
}

async function messageOf(response: Response): Promise<string> {
  const body = (await response.json()) as { message?: unknown };
  assert.equal(typeof body.message, 'string');
  return body.message as string;
}

/** `request` gets `status` with a JSON `{message}`, and nothing reaches upstream. */
async function assertRefused(request: Request, status: number): Promise<void> {
  const { proxy, forwarded } = setup();
  const response = await proxy(request);
  assert.equal(response.status, status);
  await messageOf(response);
  assert.equal(forwarded.length, 0);
}

describe('allowlist bypass attempts', () => {
  // SPEC §9: whatever the trick, a target off the allowlist is a 404.
  const refused: readonly string[] = [
    // Case: routes are matched exactly, as upstream would (and the base path too).
    '/API/ampeco/resources/locations/v2.0/7',
    '/api/AMPECO/resources/locations/v2.0/7',
    '/api/ampeco/Resources/locations/v2.0/7',
    '/api/ampeco/resources/locations/V2.0/7',
    '/api/ampeco/resources/USERS/v1.0?filter[email]=a@b.c',
    // Trailing slashes and extra segments.
    '/api/ampeco/resources/locations/v2.0/7/',
    '/api/ampeco/resources/users/v1.0/?filter[email]=a@b.c',
    '/api/ampeco/resources/locations/v2.0/7/evses',
    '/api/ampeco/resources/locations/v2.0',
    // Ids in other notations.
    '/api/ampeco/resources/locations/v2.0/007',
    '/api/ampeco/resources/locations/v2.0/7.0',
    '/api/ampeco/resources/locations/v2.0/0x7',
    '/api/ampeco/resources/locations/v2.0/1e3',
    '/api/ampeco/resources/locations/v2.0/-7',
    '/api/ampeco/resources/locations/v2.0/99999999999999999',
    // Path parameters, NUL, unicode, `+`, encoded separators and dots.
    '/api/ampeco/resources/locations/v2.0/7;jsessionid=1',
    '/api/ampeco/resources;/locations/v2.0/7',
    '/api/ampeco/resources/locations/v2.0/7%00',
    '/api/ampeco/resources/locations/v2.0/7%00.json',
    '/api/ampeco/resources/locations/v2.0/\u0037\u0301',
    '/api/ampeco/resources/locati\u00f6ns/v2.0/7',
    '/api/ampeco/resources/locations/v2.0/\uff17',
    '/api/ampeco/resources/locations/v2.0/+7',
    '/api/ampeco/resources/locations/v2.0/7+',
    '/api/ampeco/resources%2Fusers%2Fv1.0',
    '/api/ampeco/resources/locations/v2.0/%2e%2e/%2e%2e/users/v1.0',
  ];
  for (const target of refused) {
    test(`GET ${target} → 404, nothing forwarded`, () => assertRefused(new Request(`${PROXY}${target}`), 404));
  }

  const badQueries = [
    'filter[email]=a@b.c&filter[email]=c@d.e',
    'filter[email]=a@b.c&filter%5Bemail%5D=c@d.e',
    'filter[email][]=a@b.c',
    'filter[email][0]=a@b.c',
    'filter[email]=a+b@c.d',
    'filter[email]=%25@example.com',
    'filter[email]=*@example.com',
    'filter[email]=a@b.c,c@d.e',
    'filter[email]=a@b.c%00',
    'filter[email]=',
    'filter[email]',
    'filter[Email]=a@b.c',
    'FILTER[email]=a@b.c',
    'filter[email]=a@b.c&filter[id]=1',
    'filter[email]=a@b.c&include=roles',
  ];
  for (const query of badQueries) {
    test(`GET /resources/users/v1.0?${query} → 404, nothing forwarded`, () =>
      assertRefused(new Request(`${BASE}/resources/users/v1.0?${query}`), 404));
  }

  for (const query of [
    'filter[locationId]=07',
    'filter[locationId]=7.0',
    'filter[locationId]=%207',
    'filter[locationId]=7&filter[locationId]=8',
    'filter[locationId][]=7',
    'filter[locationId]=7&per_page=0',
    'filter[locationId]=7&per_page=101',
    'filter[locationId]=7&per_page=1e2',
  ]) {
    test(`GET /resources/charge-points/v2.0?${query} → 404`, () =>
      assertRefused(new Request(`${BASE}/resources/charge-points/v2.0?${query}`), 404));
  }

  test('include[] repeated is refused; once is forwarded', async () => {
    const { proxy, forwarded } = setup();
    assert.equal(
      (
        await proxy(
          new Request(`${BASE}/resources/charge-points/v2.0/3/evses?include[]=connectors&include[]=connectors`),
        )
      ).status,
      404,
    );
    assert.equal(
      (await proxy(new Request(`${BASE}/resources/charge-points/v2.0/3/evses?include[]=connectors`))).status,
      200,
    );
    assert.equal(forwarded.length, 1);
    assert.deepEqual([...(forwarded[0]?.url.searchParams ?? [])], [['include[]', 'connectors']]);
  });

  test("a create's email with a + reaches upstream's look-up as that one address, re-encoded", async () => {
    const { proxy, forwarded } = setup();
    const response = await proxy(post(BOOKING_REQUESTS, { ...booking, email: 'driver+ev@example.com' }));
    assert.equal(response.status, 422, 'no account has exactly that address');
    assert.equal(((await response.json()) as { reason?: string }).reason, 'no-account');
    assert.equal(forwarded.length, 1, 'the look-up only: nothing booked');
    assert.equal(forwarded[0]?.url.searchParams.get('filter[email]'), 'driver+ev@example.com');
    assert.match(forwarded[0]?.url.search ?? '', /driver%2Bev%40example\.com/);
  });

  test('ids past 2^53 are forwarded verbatim, not rounded to another record', async () => {
    const { proxy, forwarded } = setup();
    assert.equal((await proxy(new Request(`${BASE}/resources/locations/v2.0/9007199254740993`))).status, 200);
    assert.equal(forwarded[0]?.url.pathname, '/public-api/resources/locations/v2.0/9007199254740993');
  });

  test('methods other than the allowed pair answer 404 on every route', async () => {
    const { proxy, forwarded } = setup();
    for (const method of ['PUT', 'PATCH', 'DELETE', 'HEAD', 'PROPFIND', 'get']) {
      const status = (await proxy(new Request(`${BASE}/resources/locations/v2.0/1`, { method }))).status;
      assert.equal(status, method === 'get' ? 200 : 404, method);
    }
    assert.equal((await proxy(postRaw('/resources/bookings/v1.0', JSON.stringify(booking)))).status, 404);
    assert.equal(forwarded.length, 1);
  });
});

describe('JSON body tricks', () => {
  test('duplicate keys: the last one wins and upstream gets the re-serialised, validated body only', async () => {
    const { proxy, forwarded } = setup();
    const rest =
      '"email":"driver@example.com","locationId":7,"startAt":"2026-03-01T10:00:00Z","endAt":"2026-03-01T11:00:00Z"';
    const sneaky = await proxy(postRaw(BOOKING_REQUESTS, `{"type":"delete","type":"create",${rest}}`));
    assert.equal(sneaky.status, 201);
    const creates = (): Forwarded[] => forwarded.filter((call) => call.method === 'POST');
    assert.equal(creates().length, 1);
    assert.equal(creates()[0]?.body.match(/"type"/g)?.length, 1);
    const { email, ...fields } = booking;
    assert.equal(email, 'driver@example.com');
    assert.deepEqual(JSON.parse(creates()[0]?.body ?? ''), { ...fields, userId: 1 });
    const refused = await proxy(postRaw(BOOKING_REQUESTS, `{"type":"create",${rest},"type":"delete"}`));
    assert.equal(refused.status, 422);
    assert.equal(creates().length, 1);
  });

  for (const key of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']) {
    test(`a body with a "${key}" key answers 422 naming it (not 500), nothing forwarded, nothing polluted`, async () => {
      const { proxy, forwarded } = setup();
      for (const [path, body] of [
        [AVAILABILITY, { ...validAvailability }],
        [BOOKING_REQUESTS, { ...booking }],
        [AVAILABILITY, {}],
      ] as const) {
        const text = JSON.stringify(body).replace(
          /^\{/,
          `{"${key}":{"polluted":true,"isAdmin":true}${Object.keys(body).length > 0 ? ',' : ''}`,
        );
        const response = await proxy(postRaw(path, text));
        assert.equal(response.status, 422, `${path} ${text}`);
        const answer = (await response.json()) as { errors: Record<string, string[]> };
        assert.ok(Object.hasOwn(answer.errors, key), JSON.stringify(answer));
      }
      assert.equal(forwarded.length, 0);
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
      assert.equal(({} as Record<string, unknown>)['isAdmin'], undefined);
    });
  }

  test('nested __proto__ and deep nesting are refused with 4xx', async () => {
    const { proxy, forwarded } = setup();
    for (const text of [
      '{"startAfter":{"__proto__":{"x":1}},"endBefore":"2026-03-02T08:00:00Z"}',
      `{"startAfter":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      '['.repeat(15000),
      '"just a string"',
      '1e999',
    ]) {
      const response = await proxy(postRaw(AVAILABILITY, text));
      assert.ok(response.status === 400 || response.status === 422, `${response.status} for ${text.slice(0, 40)}`);
      await messageOf(response);
    }
    assert.equal(forwarded.length, 0);
  });

  test('upstream keys like __proto__ in error and booking bodies are handled as plain keys', async () => {
    const proxy = createProxy({
      upstreamUrl: 'https://tenant.example/public-api',
      token: TOKEN,
      limits: false,
      upstreamFetch: async (request) => {
        if (request.method === 'POST') {
          return new Response('{"message":"bad","errors":{"__proto__":["x"],"startAt":["y"]}}', { status: 422 });
        }
        if (request.url.includes('/users/')) return Response.json({ data: [{ id: '1', email: 'driver@example.com' }] });
        return new Response('{"data":{"id":1,"__proto__":{"timezone":"Europe/Sofia"},"authorizedTokens":["t"]}}', {
          status: 200,
        });
      },
    });
    const error = await proxy(postRaw(BOOKING_REQUESTS, JSON.stringify(booking)));
    assert.equal(error.status, 422);
    const errorText = await error.text();
    assert.equal(errorText, '{"message":"bad","errors":{"__proto__":["x"],"startAt":["y"]}}');
    const ok = await proxy(new Request(`${BASE}/resources/locations/v2.0/1`));
    const okBody = (await ok.json()) as { data: Record<string, unknown> };
    assert.equal(okBody.data['authorizedTokens'], undefined);
    assert.equal(okBody.data['timezone'], undefined, 'an upstream __proto__ key does not turn into inherited fields');
  });

  test('a request body stream that fails answers 400, not 500', async () => {
    const { proxy, forwarded } = setup();
    const body = new ReadableStream<Uint8Array>({
      start(controller): void {
        controller.enqueue(new TextEncoder().encode('{"startAfter":'));
        controller.error(new Error('client went away'));
      },
    });
    const response = await proxy(
      new Request(`${BASE}${AVAILABILITY}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 400);
    assert.match(await messageOf(response), /could not be read/);
    assert.equal(forwarded.length, 0);
  });
});

describe('content-type tricks', () => {
  const body = JSON.stringify(validAvailability);
  for (const contentType of [
    null,
    '',
    'text/plain',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json, text/plain',
    'application/jsonp',
    'application/json-patch+json',
    'application/vnd.api+json',
    'text/json',
    'application/json; charset=utf-16',
    'application/json; charset=iso-8859-1',
    'application/json\u0000',
  ]) {
    test(`415 for ${JSON.stringify(contentType)}`, async () => {
      let request: Request;
      try {
        request = postRaw(AVAILABILITY, body, contentType);
      } catch {
        return; // A header value the Fetch API itself refuses never reaches the handler.
      }
      await assertRefused(request, 415);
    });
  }

  for (const contentType of [
    'application/json',
    'Application/JSON',
    'application/json; charset=UTF-8',
    'application/json;charset="utf-8"',
  ]) {
    test(`accepts ${contentType}`, async () => {
      const { proxy, forwarded } = setup();
      assert.equal((await proxy(postRaw(AVAILABILITY, body, contentType))).status, 200);
      assert.equal(forwarded.length, 1);
    });
  }

  test('a UTF-16 or invalid UTF-8 body is refused with 400', async () => {
    const { proxy, forwarded } = setup();
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'{}'].flatMap((c) => [c.charCodeAt(0), 0])]);
    for (const bytes of [utf16, new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d])]) {
      const response = await proxy(
        new Request(`${BASE}${AVAILABILITY}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bytes,
        }),
      );
      assert.equal(response.status, 400);
    }
    assert.equal(forwarded.length, 0);
  });

  test('a lying Content-Length is refused before reading', async () => {
    const { proxy, forwarded } = setup();
    for (const [length, status] of [
      ['-1', 400],
      ['1e3', 400],
      ['0x10', 400],
      ['99999999999999999999', 400],
      ['1000000', 413],
    ] as const) {
      const request = new Request(`${BASE}${AVAILABILITY}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': length },
        body,
      });
      assert.equal((await proxy(request)).status, status, length);
    }
    assert.equal(forwarded.length, 0);
  });
});

describe('CORS tricks', () => {
  for (const origin of [
    'null',
    'https://shop.example.evil',
    'https://shop.example.evil.com',
    'https://evilshop.example',
    'https://evil.example/https://shop.example',
    'http://shop.example',
    'https://shop.example:443',
    'https://shop.example:8443',
    'HTTPS://SHOP.EXAMPLE',
    'https://shop.example/',
    'https://shop.example, https://evil.example',
    'https://shop.example%00.evil.example',
    'https://user@shop.example',
    '*',
  ]) {
    test(`origin ${JSON.stringify(origin)} gets no CORS headers, nor a preflight`, async () => {
      const { proxy } = setup();
      const response = await proxy(new Request(`${BASE}/resources/locations/v2.0/7`, { headers: { origin } }));
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
      const preflight = await proxy(
        new Request(`${BASE}${BOOKING_REQUESTS}`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        }),
      );
      assert.equal(preflight.status, 403);
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    });
  }

  const preflight = (headers: string): Request =>
    new Request(`${BASE}${BOOKING_REQUESTS}`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': headers,
      },
    });

  // Malformed names, or more names than any widget sends, are refused.
  for (const headers of [
    'x api key',
    'x-portal-auth;',
    `x-${'a'.repeat(64)}`,
    'x-\u00e9',
    Array.from({ length: 21 }, (_, i) => `x-h${i}`).join(','),
  ]) {
    test(`a preflight asking for ${JSON.stringify(headers.slice(0, 40))} is refused with 403 and no CORS headers`, async () => {
      const { proxy, forwarded } = setup();
      const response = await proxy(preflight(headers));
      assert.equal(response.status, 403);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(response.headers.get('access-control-allow-headers'), null);
      assert.equal(forwarded.length, 0);
    });
  }

  // SPEC §2: the widget's `fetch` may add the host portal's own headers, also across origins.
  for (const headers of [
    'content-type',
    'Content-Type, Accept',
    'accept-language,content-type',
    'x-portal-auth',
    'content-type, authorization',
    '',
  ]) {
    test(`a preflight asking for "${headers}" is allowed`, async () => {
      const { proxy } = setup();
      const response = await proxy(preflight(headers));
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/, */);
      for (const name of headers.toLowerCase().split(/, */).filter(Boolean)) assert.ok(allowed.includes(name), name);
    });
  }

  test("a client's own headers are never forwarded: upstream sees the proxy's token only", async () => {
    const { proxy, forwarded } = setup();
    const response = await proxy(
      post(BOOKING_REQUESTS, JSON.stringify(booking), {
        origin: 'https://shop.example',
        'content-type': 'application/json',
        authorization: 'Bearer client-token',
        'x-portal-auth': 'portal-session',
        cookie: 'session=1',
      }),
    );
    assert.equal(response.status, 201);
    assert.equal(forwarded.length, 2, 'the driver look-up, then the create');
    for (const call of forwarded) assert.equal(call.headers.get('authorization'), `Bearer ${TOKEN}`);
    assert.deepEqual([...forwarded[0]!.headers.keys()].sort(), ['accept', 'authorization']);
    assert.deepEqual([...forwarded[1]!.headers.keys()].sort(), ['accept', 'authorization', 'content-type']);
  });
});

describe('rate-limit evasion', () => {
  test('rateLimitKey: IPv4 as is, IPv4-mapped IPv6 as IPv4, IPv6 by /64', () => {
    assert.equal(rateLimitKey('203.0.113.9'), '203.0.113.9');
    assert.equal(rateLimitKey('::ffff:203.0.113.9'), '203.0.113.9');
    assert.equal(rateLimitKey('::FFFF:203.0.113.9'), '203.0.113.9');
    assert.equal(rateLimitKey('2001:db8:1:2:aaaa:bbbb:cccc:dddd'), '2001:db8:1:2::/64');
    assert.equal(rateLimitKey('2001:0db8:0001:0002::1'), '2001:db8:1:2::/64');
    assert.equal(rateLimitKey('2001:db8:1:2::ffff'), rateLimitKey('2001:db8:1:2:ffff::1'));
    assert.notEqual(rateLimitKey('2001:db8:1:2::1'), rateLimitKey('2001:db8:1:3::1'));
    assert.equal(rateLimitKey('::1'), '0:0:0:0::/64');
    assert.equal(rateLimitKey('fe80::1%eth0'), 'fe80:0:0:0::/64');
    assert.equal(rateLimitKey('unknown'), 'unknown');
  });

  const start = (trustProxy: boolean) =>
    startProxyServer({
      host: '127.0.0.1',
      port: 0,
      upstreamUrl: 'https://tenant.example/public-api',
      token: TOKEN,
      limits: testLimits({ READS_PER_MINUTE: '2' }),
      trustProxy,
      upstreamFetch: async (): Promise<Response> =>
        Response.json({
          data: [],
          links: { next: 'https://tenant.example/public-api/resources/charge-points/v2.0?cursor=c2' },
        }),
    });

  test('by default X-Forwarded-For and X-Forwarded-Proto are not trusted', async () => {
    const server = await start(false);
    try {
      const statuses: number[] = [];
      let next = '';
      for (let i = 0; i < 4; i += 1) {
        const response = await fetch(`${server.url}/api/ampeco/resources/charge-points/v2.0?filter[locationId]=7`, {
          headers: {
            'x-forwarded-for': `198.51.100.${i}`,
            'x-forwarded-proto': 'https',
            'x-real-ip': `198.51.100.${i}`,
            forwarded: `for=198.51.100.${i}`,
          },
        });
        statuses.push(response.status);
        if (response.status === 200) next = ((await response.json()) as { links: { next: string } }).links.next;
      }
      assert.deepEqual(statuses, [200, 200, 429, 429]);
      assert.match(next, /^http:\/\/127\.0\.0\.1:\d+\//, 'links keep the scheme of the connection');
    } finally {
      await server.close();
    }
  });

  test('with trustProxy, the last X-Forwarded-For entry is the key and X-Forwarded-Proto sets the link scheme', async () => {
    const server = await start(true);
    try {
      const hit = (xff: string): Promise<Response> =>
        fetch(`${server.url}/api/ampeco/resources/charge-points/v2.0?filter[locationId]=7`, {
          headers: { 'x-forwarded-for': xff, 'x-forwarded-proto': 'https' },
        });
      const first = await hit('1.1.1.1, 198.51.100.7');
      assert.equal(first.status, 200);
      assert.equal(
        ((await first.json()) as { links: { next: string } }).links.next,
        `${server.url.replace(/^http:/, 'https:')}/api/ampeco/resources/charge-points/v2.0?filter%5BlocationId%5D=7&cursor=c2`,
      );
      // Forged entries on the left do not make a new client: the reverse proxy's entry counts.
      assert.equal((await hit('2.2.2.2, 198.51.100.7')).status, 200);
      assert.equal((await hit('3.3.3.3, 198.51.100.7')).status, 429);
      // Another real client has its own bucket.
      assert.equal((await hit('198.51.100.8')).status, 200);
      // IPv6 clients rotating inside one /64 share one bucket.
      assert.equal((await hit('2001:db8:1:2::1')).status, 200);
      assert.equal((await hit('2001:db8:1:2::2')).status, 200);
      assert.equal((await hit('2001:db8:1:2::3')).status, 429);
    } finally {
      await server.close();
    }
  });
});
