/**
 * Seeded fuzz of the proxy: thousands of random and malformed requests (paths, queries, bodies,
 * headers) over the handler, and a few hundred raw malformed HTTP requests over a loopback
 * socket to the Node server. The proxy must never answer 5xx for a client's mistake, never
 * crash, never leak the token, and never forward what the allowlist forbids.
 *
 * A failure prints its seed and case number; set FUZZ_SEED to replay another sequence.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { AvailabilityBody, CreateBookingRequestBody } from '../../src/api/schemas.js';
import { startProxyServer, type ProxyServer } from '../../server/node-server.js';
import { createProxy } from '../../server/proxy.js';
import {
  ALLOWED_UPSTREAM,
  PROXY,
  QUERY_KEYS,
  random,
  ROUTE_WORDS,
  validAvailability,
  validBooking,
} from './support.js';

const TOKEN = 'tok_SECRET_fuzz_0123456789abcdef';
const UPSTREAM_HOST = 'tenant.charge-network.example';
const SEED = Number(process.env['FUZZ_SEED'] ?? 20260301);

interface Forwarded {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string;
}

/** Asserts that every forwarded request is on the allowlist, with a valid body and only safe headers. */
function assertAllowlisted(forwarded: readonly Forwarded[]): void {
  for (const call of forwarded) {
    const where = `${call.method} ${call.url.href}`;
    assert.equal(call.url.protocol, 'https:', where);
    assert.equal(call.url.host, UPSTREAM_HOST, where);
    assert.equal(call.url.hash, '', where);
    const rule = ALLOWED_UPSTREAM.find(([method, path]) => method === call.method && path.test(call.url.pathname));
    assert.ok(rule !== undefined, `${where} is not on the allowlist`);
    const keys = [...call.url.searchParams.keys()];
    assert.equal(new Set(keys).size, keys.length, `duplicate parameters in ${where}`);
    for (const key of keys) assert.ok(rule[2].includes(key), `${key} on ${where}`);
    assert.deepEqual(
      [...call.headers.keys()].sort(),
      call.method === 'POST' ? ['accept', 'authorization', 'content-type'] : ['accept', 'authorization'],
      where,
    );
    assert.equal(call.headers.get('authorization'), `Bearer ${TOKEN}`);
    if (call.method === 'POST') {
      const schema = call.url.pathname.endsWith('/check-booking-availability')
        ? AvailabilityBody
        : CreateBookingRequestBody;
      const body: unknown = JSON.parse(call.body);
      assert.ok(schema.safeParse(body).success, `invalid body forwarded to ${where}: ${call.body}`);
      if (schema === CreateBookingRequestBody) assert.equal((body as { type: unknown }).type, 'create');
    }
  }
}

/** A well-behaved upstream: whatever it is asked, it answers a plausible 200/201. */
async function goodUpstream(request: Request, forwarded: Forwarded[]): Promise<Response> {
  const url = new URL(request.url);
  forwarded.push({
    url,
    method: request.method,
    headers: request.headers,
    body: request.method === 'POST' ? await request.text() : '',
  });
  if (url.pathname.endsWith('/users/v1.0')) {
    return Response.json({
      data: [{ id: 42, email: 'driver@example.com', firstName: 'Dana', phone: '+359', balance: 12 }],
    });
  }
  if (url.pathname.endsWith('/booking-requests/v1.0') && request.method === 'POST') {
    return Response.json(
      { data: { id: 9, type: 'create', status: 'pending', authorizedTokens: ['x'] } },
      { status: 201 },
    );
  }
  if (/\/v\d\.\d$/.test(url.pathname)) {
    return Response.json({
      data: [{ id: 1 }],
      links: { next: `https://${UPSTREAM_HOST}/public-api${url.pathname}?cursor=abc` },
      meta: { path: url.href },
    });
  }
  return Response.json({ data: { id: 1 } });
}

// ---------------------------------------------------------------------------------------------
// Generators

const SEGMENTS = [
  ...ROUTE_WORDS,
  'API',
  'Ampeco',
  'V2.0',
  'healthz',
  '7',
  '42',
  '0',
  '-1',
  '007',
  '7.0',
  '1e3',
  '0x7',
  '12a',
  '9007199254740993',
  '99999999999999999',
  '..',
  '.',
  '',
  '%2f',
  '%2F',
  '%2e%2e',
  '%00',
  '%5c',
  '%20',
  '%',
  '\\',
  ';',
  'x;y=1',
  '@',
  ':',
  '+',
  '7+',
  'ä',
  '\u00e9',
  '\u202e',
  '\ud83d\ude00',
  '\uff17',
  '~',
  '_',
  'a.b',
  '*',
  '!',
  '$',
  "'",
  '(',
  ',',
];
const KEYS = [
  ...QUERY_KEYS,
  'filter[startBefore]',
  'filter[email][]',
  'filter%5Bemail%5D',
  'FILTER[email]',
  'filter[locationId][]',
  '__proto__',
  'constructor',
  'filter[id]',
  '',
  'redirect',
  'callback',
];
const VALUES = [
  '7',
  '0',
  '-1',
  '07',
  '7.0',
  'abc',
  'driver@example.com',
  'driver%40example.com',
  'a+b@example.com',
  'a%2Bb@example.com',
  '%25@example.com',
  '*@example.com',
  'a@b,c@d',
  '2026-03-01T00:00:00Z',
  '2026-13-01T00:00:00Z',
  'connectors',
  '1',
  '100',
  '101',
  'http://evil.example/',
  'https://evil.example/public-api/resources/users/v1.0',
  '',
  '%00',
  '%0d%0aX-Injected:%201',
  'a b',
  '../x',
  '..%2f..%2fusers',
  '\u00e4',
  'x'.repeat(300),
  'x'.repeat(3000),
  '[]',
  '{}',
  'null',
];
const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'Application/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json, text/plain',
  'application/json; charset=utf-16',
  'application/jsonp',
  '',
];
const ORIGINS = [
  'https://shop.example',
  'null',
  'https://shop.example.evil',
  'https://evil.example',
  'http://shop.example',
  'https://SHOP.example',
  '',
];

/** Legitimate requests that the fuzz starts from and mutates. */
const TEMPLATES: ReadonlyArray<readonly [string, string, string]> = [
  ['GET', '/api/ampeco/resources/locations/v2.0/7', ''],
  ['GET', '/api/ampeco/resources/charge-points/v2.0', 'filter[locationId]=7'],
  ['GET', '/api/ampeco/resources/charge-points/v2.0/7/evses', 'include[]=connectors'],
  ['POST', '/api/ampeco/actions/locations/v2.0/7/check-booking-availability', ''],
  ['GET', '/api/ampeco/resources/users/v1.0', 'filter[email]=driver%40example.com'],
  ['POST', '/api/ampeco/resources/booking-requests/v1.0', ''],
  ['GET', '/api/ampeco/resources/booking-requests/v1.0', 'filter[externalId]=abc'],
  ['GET', '/api/ampeco/resources/booking-requests/v1.0/7', ''],
  ['GET', '/api/ampeco/resources/bookings/v1.0/7', ''],
  ['GET', '/api/ampeco/resources/bookings/v1.0', 'filter[userId]=42&filter[startAfter]=2026-03-01T00:00:00Z'],
];

function generator(seed: number) {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const chance = (p: number): boolean => next() < p;
  const int = (n: number): number => Math.floor(next() * n);

  const randomText = (length: number): string =>
    Array.from({ length }, () =>
      chance(0.8) ? String.fromCharCode(0x20 + int(0x5f)) : String.fromCharCode(int(0x3000)),
    ).join('');

  const query = (base: string): string => {
    const parts = base === '' ? [] : base.split('&');
    const extra = chance(0.5) ? int(4) : 0;
    for (let i = 0; i < extra; i += 1) parts.push(chance(0.1) ? pick(KEYS) : `${pick(KEYS)}=${pick(VALUES)}`);
    if (parts.length > 0 && chance(0.15)) parts.push(parts[int(parts.length)] ?? ''); // duplicated parameter
    if (parts.length > 0 && chance(0.1)) parts.splice(int(parts.length), 1); // missing required one
    return parts.join('&');
  };

  const path = (base: string): string => {
    const parts = base.split('/');
    const roll = next();
    if (roll < 0.25) parts[1 + int(parts.length - 1)] = pick(SEGMENTS);
    else if (roll < 0.35) parts.push(pick(SEGMENTS));
    else if (roll < 0.4) parts.push('');
    else if (roll < 0.45) {
      const at = 1 + int(parts.length - 1);
      parts[at] = (parts[at] ?? '').toUpperCase();
    } else if (roll < 0.5) parts.splice(1 + int(parts.length - 1), 1);
    else if (roll < 0.6) return `/${Array.from({ length: 1 + int(8) }, () => pick(SEGMENTS)).join('/')}`;
    return parts.join('/');
  };

  // Each create its own externalId (the gateway lets one create through per externalId), without
  // drawing from the seeded sequence.
  let creates = 0;
  const externalId = (): string => `1b4e28ba-2fa1-41d2-883f-${String((creates += 1)).padStart(12, '0')}`;
  const jsonBody = (route: string): string => {
    const valid: Record<string, unknown> = route.endsWith('/check-booking-availability')
      ? { ...validAvailability }
      : { ...validBooking, externalId: externalId() };
    const roll = next();
    if (roll < 0.3) return JSON.stringify(valid);
    if (roll < 0.55) {
      // Change one field to something else.
      const key = pick([...Object.keys(valid), 'type', 'userId', 'id', '__proto__', 'constructor', 'extra']);
      valid[key] = pick<unknown>([
        'update',
        'delete',
        'create',
        0,
        -1,
        1.5,
        2 ** 53 + 1,
        '42',
        null,
        true,
        [],
        {},
        '2026-03-01',
        'x'.repeat(500),
      ]);
      return JSON.stringify(valid);
    }
    if (roll < 0.65)
      return JSON.stringify(valid).replace(
        /^\{/,
        `{"${pick(['__proto__', 'constructor', 'prototype', 'toString', 'type'])}":${pick(['{"polluted":1}', '"update"', '1', 'null'])},`,
      );
    if (roll < 0.7) return `{"type":"delete",${JSON.stringify(valid).slice(1)}`; // duplicate key, valid one last
    if (roll < 0.75) return JSON.stringify(valid).slice(0, int(JSON.stringify(valid).length)); // truncated
    if (roll < 0.8)
      return pick(['', 'null', '[]', '"x"', '1', 'true', '{', '}', '['.repeat(3000), '{"a":'.repeat(2000)]);
    if (roll < 0.85) return JSON.stringify({ ...valid, pad: 'x'.repeat(17_000 + int(20_000)) }); // past the cap
    if (roll < 0.9) return `\ufeff${JSON.stringify(valid)}`;
    return randomText(int(200));
  };

  const bodyBytes = (route: string): Uint8Array<ArrayBuffer> | string => {
    if (chance(0.05)) return new Uint8Array(Array.from({ length: int(300) }, () => int(256))); // raw bytes, maybe invalid UTF-8
    return jsonBody(route);
  };

  const headers = (isPost: boolean): Record<string, string> => {
    const result: Record<string, string> = {};
    if (isPost && chance(0.85)) result['content-type'] = chance(0.7) ? 'application/json' : pick(CONTENT_TYPES);
    if (chance(0.3)) result['origin'] = pick(ORIGINS);
    if (chance(0.1)) result['x-forwarded-for'] = `10.0.${int(256)}.${int(256)}`;
    if (chance(0.1)) result['authorization'] = pick(['Bearer stolen', 'Basic YTpi', `Bearer ${'x'.repeat(int(2000))}`]);
    if (chance(0.05)) result['cookie'] = 'session=abc';
    if (chance(0.05)) result['x-http-method-override'] = pick(['DELETE', 'PUT']);
    if (chance(0.05))
      result['content-length'] = pick(['-1', 'abc', '1e3', '99999999999999999999', '0', '5', '100000000']);
    if (chance(0.05)) result['accept'] = pick(['text/html', '*/*', 'application/xml']);
    if (chance(0.05)) result['x-junk'] = randomText(int(5000)).replace(/[^\x20-\x7e]/g, '?');
    if (chance(0.05)) result['access-control-request-method'] = pick(['POST', 'GET', 'DELETE', 'PUT']);
    if (chance(0.05))
      result['access-control-request-headers'] = pick([
        'content-type',
        'authorization',
        'x-evil',
        'content-type, accept',
      ]);
    return result;
  };

  /** One request: a template (maybe mutated), or random junk; with random method, headers and body. */
  const request = (): {
    method: string;
    target: string;
    headers: Record<string, string>;
    body: Uint8Array<ArrayBuffer> | string | undefined;
  } => {
    const [templateMethod, templatePath, templateQuery] = pick(TEMPLATES);
    const mutate = chance(0.8);
    const method =
      !mutate || chance(0.8)
        ? templateMethod
        : pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'get', 'Post']);
    const target = mutate ? path(templatePath) : templatePath;
    const search = mutate ? query(templateQuery) : templateQuery;
    const upper = method.toUpperCase();
    const hasBody = upper !== 'GET' && upper !== 'HEAD' && (upper === 'POST' || chance(0.5));
    return {
      method,
      target: `${target}${search === '' ? '' : `?${search}`}${chance(0.03) ? '#frag' : ''}`,
      headers: headers(hasBody),
      body: hasBody ? bodyBytes(templatePath) : undefined,
    };
  };

  return { request, next, pick, chance, int, randomText };
}

// ---------------------------------------------------------------------------------------------
// The handler

describe('fuzz: the handler', () => {
  test('5,000 seeded random and malformed requests: no 5xx, no token, JSON {message} errors, allowlist only', async () => {
    const forwarded: Forwarded[] = [];
    const errors: string[] = [];
    const proxy = createProxy({
      upstreamUrl: `https://${UPSTREAM_HOST}/public-api`,
      token: TOKEN,
      limits: false,
      cacheTtlMs: 0,
      allowedOrigins: ['https://shop.example'],
      log: (entry) => {
        if (entry.level === 'error') errors.push(`${entry.message}: ${entry.detail ?? ''}`);
      },
      upstreamFetch: (request) => goodUpstream(request, forwarded),
    });
    const fuzz = generator(SEED);
    const statuses = new Map<number, number>();
    const started = Date.now();
    let sent = 0;
    for (let i = 0; sent < 5000; i += 1) {
      const spec = fuzz.request();
      let request: Request;
      try {
        request = new Request(`${PROXY}${spec.target}`, {
          method: spec.method,
          headers: spec.headers,
          ...(spec.body === undefined ? {} : { body: spec.body }),
        });
      } catch {
        continue; // The Fetch API itself refuses it (forbidden method, header value): never reaches a handler.
      }
      sent += 1;
      const where = `seed ${SEED} case ${i}: ${spec.method} ${spec.target} ${JSON.stringify(spec.headers).slice(0, 200)} ${String(spec.body).slice(0, 120)}`;
      const response = await proxy(request);
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      assert.ok(response.status < 500, `${response.status} for ${where}`);
      const text = await response.text();
      assert.ok(!text.includes(TOKEN), where);
      for (const [name, value] of response.headers) assert.ok(!value.includes(TOKEN), `${name} header for ${where}`);
      // HEAD answers carry no body (Hono strips it, as HTTP says).
      if (response.status === 204 || spec.method === 'HEAD') continue;
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/, where);
      const body = JSON.parse(text) as Record<string, unknown>;
      if (response.status >= 400) assert.equal(typeof body['message'], 'string', where);
      if (response.status === 200 && spec.target.includes('/users/')) {
        for (const user of body['data'] as Array<Record<string, unknown>>)
          assert.deepEqual(Object.keys(user), ['id'], where);
      }
      const allowOrigin = response.headers.get('access-control-allow-origin');
      assert.ok(allowOrigin === null || allowOrigin === 'https://shop.example', `${allowOrigin} for ${where}`);
    }
    assert.deepEqual(errors, [], 'no request made the proxy fail');
    assert.ok(Date.now() - started < 25_000, 'the fuzz stays fast');
    // The fuzz must exercise every family of answers, or it is not testing much.
    for (const status of [200, 201, 400, 404, 413, 415, 422])
      assert.ok((statuses.get(status) ?? 0) > 10, `few ${status}s: ${JSON.stringify([...statuses])}`);
    assert.ok(forwarded.length > 500, `only ${forwarded.length} forwarded`);
    assertAllowlisted(forwarded);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined, 'Object.prototype is untouched');
  });
});

// ---------------------------------------------------------------------------------------------
// The Node server, over a real socket

interface RawAnswer {
  readonly text: string;
  readonly status: number;
}

/** Writes `parts` (with `gapMs` between them) on a fresh connection; resolves with the answer. */
function raw(
  url: string,
  parts: readonly (string | Buffer)[],
  options: { gapMs?: number; timeoutMs?: number } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      resolve({ text, status: match === null ? 0 : Number(match[1]) });
    };
    const socket = connect(Number(port), hostname, async () => {
      for (const part of parts) {
        if (done || socket.destroyed) return;
        socket.write(part);
        if (options.gapMs !== undefined) await new Promise((wait) => setTimeout(wait, options.gapMs));
      }
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
    socket.setTimeout(options.timeoutMs ?? 1500, finish);
  });
}

/** Runs `tasks` with at most `limit` at once. */
async function pool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let index = 0;
  const worker = async (): Promise<void> => {
    while (index < tasks.length) {
      const mine = index;
      index += 1;
      results[mine] = await (tasks[mine] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

describe('fuzz: the Node server over a loopback socket', () => {
  let server: ProxyServer;
  const forwarded: Forwarded[] = [];
  const errors: string[] = [];

  before(async () => {
    server = await startProxyServer({
      host: '127.0.0.1',
      port: 0,
      upstreamUrl: `https://${UPSTREAM_HOST}/public-api`,
      token: TOKEN,
      limits: false,
      cacheTtlMs: 0,
      maxBodyBytes: 4096,
      headersTimeoutMs: 400,
      requestTimeoutMs: 800,
      allowedOrigins: ['https://shop.example'],
      log: (entry) => {
        if (entry.level === 'error') errors.push(`${entry.message}: ${entry.detail ?? ''}`);
      },
      upstreamFetch: (request) => goodUpstream(request, forwarded),
    });
  });

  after(async () => {
    await server.close();
  });

  /** One malformed raw request: [description, bytes to send]. */
  function malformed(fuzz: ReturnType<typeof generator>): readonly [string, string | Buffer] {
    const { pick, int, chance, randomText } = fuzz;
    const [method, path, query] = pick(TEMPLATES);
    const target = `${path}${query === '' ? '' : `?${query}`}`;
    const body =
      method === 'POST' ? JSON.stringify(path.endsWith('availability') ? validAvailability : validBooking) : '';
    const head = (extra: string): string => `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}`;
    switch (int(16)) {
      case 0:
        return ['garbage request line', `${randomText(1 + int(80)).replace(/[\r\n]/g, '')}\r\n\r\n`];
      case 1:
        return [
          'bad version',
          `GET /healthz ${pick(['HTTP/2.0', 'HTTP/1.2', 'HTTP/9', 'HTTPS/1.1', 'http/1.1', 'HTTP/1.1 x', ''])}\r\nHost: x\r\n\r\n`,
        ];
      case 2:
        return [
          'bad method',
          `${pick(['G ET', 'GET\t', 'get', '\u0000GET', 'GÉT', 'TRACE', 'TRACK', 'CONNECT', 'FOO', 'M-SEARCH', 'PROPFIND', ''])} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        ];
      case 3:
        return [
          'bad target',
          `GET ${pick(['http://evil.example/x', '*', 'evil.example:443', '//evil.example/x', '/api/ampeco/../../etc', '/a\u0000b', `/${'a'.repeat(20_000)}`, '/%', '/%zz', '/\u00e4', '/api/ampeco/resources/locations/v2.0/7?x=\u0001', ''])} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
        ];
      case 4:
        return ['huge header', head(`X-Big: ${'a'.repeat(17_000 + int(40_000))}\r\nConnection: close\r\n\r\n`)];
      case 5:
        return [
          'many headers',
          head(
            `${Array.from({ length: 2100 + int(500) }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\nConnection: close\r\n\r\n`,
          ),
        ];
      case 6:
        return [
          'bad header syntax',
          head(
            `${pick(['Bad Header', 'X: a\rb', 'X:\u0000', ' X: folded', 'X-Y : z', ': empty', 'X\u00e4: y', 'Host: second'])}\r\nConnection: close\r\n\r\n`,
          ),
        ];
      case 7:
        return [
          'invalid chunk size',
          head(
            `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${pick(['zz', '-1', '0x10', 'ffffffffffffffffff', '5;' + 'x'.repeat(9000), ''])}\r\n${body}\r\n0\r\n\r\n`,
          ),
        ];
      case 8:
        return [
          'chunk shorter or longer than announced',
          head(
            `Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${(body.length + pick([-5, 5, 100])).toString(16)}\r\n${body}\r\n0\r\n\r\n`,
          ),
        ];
      case 9:
        return [
          'unsupported transfer coding',
          head(
            `Content-Type: application/json\r\nTransfer-Encoding: ${pick(['gzip', 'chunked, gzip', 'identity', 'chunked\r\nTransfer-Encoding: chunked', 'xchunked'])}\r\nConnection: close\r\n\r\n${body}`,
          ),
        ];
      case 10:
        return [
          'bad Content-Length',
          head(
            `Content-Type: application/json\r\nContent-Length: ${pick(['-1', 'abc', '1e3', '0x10', '99999999999999999999', '1, 2', `${body.length}\r\nContent-Length: ${body.length + 1}`, ' '])}\r\nConnection: close\r\n\r\n${body}`,
          ),
        ];
      case 11:
        return [
          'Content-Length and chunked',
          head(
            `Content-Type: application/json\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${body}`,
          ),
        ];
      case 12:
        return [
          'Content-Length larger than the body, then close',
          head(`Content-Type: application/json\r\nContent-Length: ${body.length + 1 + int(100)}\r\n\r\n${body}`),
        ];
      case 13:
        return [
          'bare LF line endings',
          `${method} ${target} HTTP/1.1\nHost: x\nConnection: close\n${method === 'POST' ? `Content-Type: application/json\nContent-Length: ${body.length}\n` : ''}\n${body}`,
        ];
      case 14:
        return ['binary junk', Buffer.from(Array.from({ length: 1 + int(512) }, () => int(256)))];
      default: {
        const pipelined = chance(0.5) ? `GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n` : '';
        return [
          'pipelined requests after a bad one',
          `${pipelined}GET /api/ampeco/resources/users/v1.0?filter[email]=${pick(VALUES)} HTTP/1.1\r\nHost: x\r\n\r\nGARBAGE\r\n\r\n`,
        ];
      }
    }
  }

  test('400 raw malformed requests: never a 5xx, never a crash, nothing off the allowlist forwarded', async () => {
    const fuzz = generator(SEED + 1);
    const cases = Array.from({ length: 400 }, () => malformed(fuzz));
    const answers = await pool(
      cases.map(
        ([, bytes]) =>
          () =>
            raw(server.url, [bytes]),
      ),
      24,
    );
    const failures: string[] = [];
    answers.forEach((answer, index) => {
      const [name, bytes] = cases[index] ?? ['', ''];
      const sent = String(bytes).slice(0, 160);
      for (const status of [...answer.text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => Number(match[1]))) {
        if (status >= 500) failures.push(`${status} for ${name}: ${JSON.stringify(sent)}`);
      }
      if (answer.text.includes(TOKEN)) failures.push(`token in the answer to ${name}`);
    });
    assert.deepEqual(failures, []);
    assert.ok(
      answers.filter((answer) => answer.status >= 400 && answer.status < 500).length > 200,
      'most are refused with a 4xx',
    );
    assert.deepEqual(errors, []);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'still serving');
    assertAllowlisted(forwarded);
  });

  test('slowloris: partial headers or a trickled body are cut with 408, others are still served', async () => {
    const slow = [
      // Headers that never end.
      raw(
        server.url,
        [
          'GET /healthz HTTP/1.1\r\n',
          'Host: x\r\n',
          'X-A: 1\r\n',
          'X-B: 2\r\n',
          'X-C: 3\r\n',
          'X-D: 4\r\n',
          'X-E: 5\r\n',
        ],
        { gapMs: 150, timeoutMs: 3000 },
      ),
      // Nothing after connecting.
      raw(server.url, [''], { timeoutMs: 3000 }),
      // A body that trickles in, one byte at a time.
      raw(
        server.url,
        [
          'POST /api/ampeco/actions/locations/v2.0/7/check-booking-availability HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n',
          ...'{"startAfter":"2026-03-01T08:00:00Z"'.split(''),
        ],
        { gapMs: 100, timeoutMs: 3000 },
      ),
    ];
    // Meanwhile the server answers everyone else at once.
    const started = Date.now();
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.ok(Date.now() - started < 500);
    const answers = await Promise.all(slow);
    for (const answer of answers) {
      assert.ok(answer.status === 0 || answer.status === 408, answer.text);
    }
    assert.equal(answers[0]?.status, 408, answers[0]?.text);
    assert.ok(Date.now() - started < 2800, 'the slow clients were cut, not left to time out on their own side');
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assertAllowlisted(forwarded);
  });

  test('a client that vanishes mid-request at a random point never hurts the server', async () => {
    const fuzz = generator(SEED + 2);
    const body = JSON.stringify(validBooking);
    const full = `POST /api/ampeco/resources/booking-requests/v1.0 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    await pool(
      Array.from(
        { length: 100 },
        () => () => raw(server.url, [full.slice(0, fuzz.int(full.length))], { timeoutMs: 30 }),
      ),
      20,
    );
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    assert.deepEqual(errors, []);
    assertAllowlisted(forwarded);
  });
});
