/**
 * Security rules of the proxy handler: path normalisation, what is forwarded upstream (and to
 * where), plus a seeded fuzz over paths and queries.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createProxy, pathProblem, requestTargetProblem, type ProxyHandler } from '../../server/proxy.js';
import { ALLOWED_UPSTREAM, BASE, PROXY, QUERY_KEYS, random, ROUTE_WORDS } from './support.js';

const TOKEN = 'tok_SECRET_fedcba9876543210';
const UPSTREAM_HOST = 'api.charge-network.example';

interface Forwarded {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
}

function setup(): { proxy: ProxyHandler; forwarded: Forwarded[] } {
  const forwarded: Forwarded[] = [];
  const proxy = createProxy({
    upstreamUrl: `https://${UPSTREAM_HOST}/public-api`,
    token: TOKEN,
    limits: false,
    cacheTtlMs: 0,
    upstreamFetch: async (request: Request): Promise<Response> => {
      forwarded.push({ url: new URL(request.url), method: request.method, headers: request.headers });
      return Response.json({ data: [] });
    },
  });
  return { proxy, forwarded };
}

describe('path normalisation', () => {
  const badPaths = [
    '/api/ampeco/resources%2flocations/v2.0/7',
    '/api/ampeco/resources%2Flocations/v2.0/7',
    '/api/ampeco/resources/locations/v2.0/7%5c',
    '/api/ampeco/resources/locations/v2.0/%37',
    '/api/ampeco/resources/locations/v2.0/7%00',
    '/api/ampeco/resources/locations/v2.0/7%2500',
    '/api/ampeco//resources/locations/v2.0/7',
    '/api/ampeco/resources/locations/v2.0//7',
    '/api/ampeco/resources/locations/v2.0/7;x=1',
    '/api/ampeco/resources/locations/v2.0/7:8',
    '/api/ampeco/resources/locations/v2.0/7@evil.example',
  ];
  for (const path of badPaths) {
    test(`refuses ${path} with 404, nothing forwarded`, async () => {
      const { proxy, forwarded } = setup();
      const response = await proxy(new Request(`${PROXY}${path}`));
      assert.equal(response.status, 404);
      assert.match(((await response.json()) as { message: string }).message, /^Bad request path/);
      assert.equal(forwarded.length, 0);
    });
  }

  test('pathProblem refuses dot segments, backslashes, NUL and encodings; accepts plain paths', () => {
    for (const path of ['/a/../b', '/a/./b', '/..', '/a/..', '/a\\b', '/a\u0000b', '/a%2e%2e/b', 'a/b', '', '/a b']) {
      assert.notEqual(pathProblem(path), null, JSON.stringify(path));
    }
    for (const path of ['/', '/api/ampeco/resources/locations/v2.0/7', '/a/b.c/d-e_f~g', '/a/']) {
      assert.equal(pathProblem(path), null, path);
    }
  });

  test('requestTargetProblem accepts only origin-form targets', () => {
    for (const target of [
      'http://evil.example/api/ampeco/resources/locations/v2.0/7',
      'https://proxy.test/api/ampeco/resources/locations/v2.0/7',
      '//evil.example/api/ampeco/resources/locations/v2.0/7',
      'evil.example:443',
      '*',
      '/api/ampeco/resources/locations/v2.0/7/../../../users/v1.0?filter[email]=a@b.c',
      '/api/ampeco/resources/./locations/v2.0/7',
      '/api/ampeco/%2e%2e/x',
      '/api/ampeco/resources\\locations/v2.0/7',
      '/api/ampeco/resources/locations/v2.0/7#frag',
      '/api/ampeco/resources/locations/v2.0/7?x=\u0000',
    ]) {
      assert.notEqual(requestTargetProblem(target), null, target);
    }
    assert.equal(
      requestTargetProblem('/api/ampeco/resources/charge-points/v2.0?filter[locationId]=7&cursor=a%2Fb'),
      null,
    );
  });
});

describe('what reaches upstream', () => {
  test('client headers are not forwarded: only Accept, the configured Authorization and Content-Type', async () => {
    const { proxy, forwarded } = setup();
    const headers = {
      authorization: 'Bearer client-supplied',
      cookie: 'session=abc',
      'x-forwarded-for': '10.0.0.1',
      'x-forwarded-host': 'evil.example',
      origin: 'https://shop.example',
      'user-agent': 'test',
      'x-api-key': 'k',
      accept: 'text/html',
      'content-type': 'application/json',
    };
    await proxy(new Request(`${BASE}/resources/locations/v2.0/1`, { headers }));
    await proxy(
      new Request(`${BASE}/actions/locations/v2.0/7/check-booking-availability`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ startAfter: '2026-03-01T08:00:00Z', endBefore: '2026-03-02T08:00:00Z' }),
      }),
    );
    assert.equal(forwarded.length, 2);
    const [read, write] = forwarded;
    assert.deepEqual([...(read?.headers.keys() ?? [])].sort(), ['accept', 'authorization']);
    assert.deepEqual([...(write?.headers.keys() ?? [])].sort(), ['accept', 'authorization', 'content-type']);
    for (const call of forwarded) {
      assert.equal(call.headers.get('authorization'), `Bearer ${TOKEN}`);
      assert.equal(call.headers.get('accept'), 'application/json');
    }
  });

  test('ids are forwarded in canonical form, built from validated pieces', async () => {
    const { proxy, forwarded } = setup();
    await proxy(new Request(`${BASE}/resources/charge-points/v2.0/12/evses`));
    await proxy(new Request(`${BASE}/resources/locations/v2.0/9007199254740991`));
    assert.deepEqual(
      forwarded.map((call) => call.url.href),
      [
        `https://${UPSTREAM_HOST}/public-api/resources/charge-points/v2.0/12/evses`,
        `https://${UPSTREAM_HOST}/public-api/resources/locations/v2.0/9007199254740991`,
      ],
    );
  });

  test('query values cannot smuggle parameters or paths', async () => {
    const { proxy, forwarded } = setup();
    const smuggled = 'x&filter[userId]=1#/../../users';
    const refused = await proxy(
      new Request(`${BASE}/resources/booking-requests/v1.0?filter[externalId]=${encodeURIComponent(smuggled)}`),
    );
    assert.equal(refused.status, 404, 'filter[externalId] takes a UUID only (SPEC §9)');
    assert.equal(forwarded.length, 0);
    const externalId = '1b4e28ba-2fa1-11d2-883f-0016d3cca427';
    const response = await proxy(
      new Request(`${BASE}/resources/booking-requests/v1.0?filter[externalId]=${externalId}`),
    );
    assert.equal(response.status, 200);
    const [call] = forwarded;
    assert.equal(call?.url.pathname, '/public-api/resources/booking-requests/v1.0');
    assert.deepEqual([...(call?.url.searchParams.keys() ?? [])], ['filter[externalId]']);
    assert.equal(call?.url.searchParams.get('filter[externalId]'), externalId);
    assert.equal(call?.url.hash, '');
  });
});

describe('fuzz', () => {
  test('random paths and queries never get a 5xx and never reach upstream outside the allowlist', async () => {
    const next = random(20260301);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const segments = [
      ...ROUTE_WORDS,
      '7',
      '0',
      '-1',
      '12a',
      '..',
      '.',
      '',
      '%2f',
      '%2e%2e',
      '%00',
      '%5c',
      'healthz',
      '\\',
      ';',
      '@',
      ':',
      'ä',
    ];
    const keys = QUERY_KEYS;
    const values = [
      '7',
      '0',
      'abc',
      'driver@example.com',
      '2026-03-01T00:00:00Z',
      'connectors',
      '100',
      '101',
      'http://evil.example/',
      '',
      '%00',
      'a b',
      '../x',
    ];
    /** Legitimate requests (path and query) that the fuzz starts from and mutates. */
    const templates: ReadonlyArray<readonly [string, string]> = [
      ['/api/ampeco/resources/locations/v2.0/7', ''],
      ['/api/ampeco/resources/charge-points/v2.0', 'filter[locationId]=7'],
      ['/api/ampeco/resources/charge-points/v2.0/7/evses', 'include[]=connectors'],
      ['/api/ampeco/actions/locations/v2.0/7/check-booking-availability', ''],
      ['/api/ampeco/resources/users/v1.0', 'filter[email]=driver@example.com'],
      ['/api/ampeco/resources/booking-requests/v1.0', 'filter[externalId]=abc'],
      ['/api/ampeco/resources/booking-requests/v1.0/7', ''],
      ['/api/ampeco/resources/bookings/v1.0/7', ''],
      ['/api/ampeco/resources/bookings/v1.0', 'filter[userId]=42'],
    ];
    const randomQuery = (): string =>
      Array.from({ length: Math.floor(next() * 4) }, () => `${pick(keys)}=${pick(values)}`).join('&');
    /** Legitimate requests, ones with a segment or parameter changed or added, and random ones. */
    const randomTarget = (): string => {
      const roll = next();
      if (roll < 0.6) {
        const [path, query] = pick(templates);
        const parts = path.split('/');
        if (roll > 0.2 && roll <= 0.4) parts[1 + Math.floor(next() * (parts.length - 1))] = pick(segments);
        if (roll > 0.5) parts.push(pick(segments));
        const extra = roll > 0.3 ? randomQuery() : '';
        const search = [query, extra].filter((part) => part !== '').join('&');
        return `${parts.join('/')}${search === '' ? '' : `?${search}`}`;
      }
      const prefix = next() < 0.7 ? '/api/ampeco' : '';
      const query = randomQuery();
      return `${prefix}/${Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(segments)).join('/')}${query === '' ? '' : `?${query}`}`;
    };
    const { proxy, forwarded } = setup();
    const started = Date.now();
    for (let i = 0; i < 1500; i += 1) {
      const target = randomTarget();
      const method = pick(['GET', 'GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH']);
      let request: Request;
      try {
        request = new Request(`${PROXY}${target}`, {
          method,
          ...(method === 'POST' || method === 'PUT' || method === 'PATCH'
            ? {
                headers: { 'content-type': pick(['application/json', 'text/plain']) },
                body: pick([
                  '{}',
                  '{"type":"create"}',
                  'null',
                  '[',
                  '{"startAfter":"2026-03-01T00:00:00Z","endBefore":"2026-03-02T00:00:00Z"}',
                ]),
              }
            : {}),
        });
      } catch {
        continue;
      }
      const response = await proxy(request);
      assert.ok(response.status < 500, `${method} ${request.url} → ${response.status}`);
    }
    assert.ok(Date.now() - started < 5000, 'the fuzz stays fast');
    assert.ok(forwarded.length > 20, `only ${forwarded.length} random requests were legitimate`);
    for (const call of forwarded) {
      assert.equal(call.url.host, UPSTREAM_HOST);
      const rule = ALLOWED_UPSTREAM.find(([method, path]) => method === call.method && path.test(call.url.pathname));
      assert.ok(rule !== undefined, `${call.method} ${call.url.pathname} is not allowed`);
      for (const key of call.url.searchParams.keys())
        assert.ok(rule[2].includes(key), `${key} on ${call.url.pathname}`);
    }
  });
});
