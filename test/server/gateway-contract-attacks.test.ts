/**
 * SPEC §9 read as an attacker reads it, against the gateway on a loopback port (and its
 * Web-standard handler): what the hidden parts of a request can bend, where a client puts the
 * token, capabilities used on other bookings, ids walked without one, portal mode without limits.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { createLocalJWKSet, exportJWK, generateKeyPair } from 'jose';
import { limitsOver, parseLimitsConfig } from '../../server/limits/index.js';
import { createPortalAuth } from '../../server/portal-auth.js';
import { createProxy } from '../../server/proxy.js';
import { createSimulator } from '../../server/simulator.js';
import type { ProxyLogEntry } from '../../server/types.js';
import { API, rawRequest } from './contract-support.js';
import { booking, closeGateways, create, gateway, simulatedUpstream, START } from './external-id-support.js';

after(closeGateways);

describe('request headers an attacker bends', () => {
  test('two Host header lines: 400, as HTTP/1.1 requires', async () => {
    const server = await gateway(simulatedUpstream());
    const answer = await rawRequest(
      server.url,
      `GET ${API}/resources/locations/v2.0/7 HTTP/1.1\r\nHost: 127.0.0.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    assert.match(answer, /^HTTP\/1\.1 400 /);
  });

  test('a compressed (or otherwise encoded) request body: 415, never read as JSON', async () => {
    const server = await gateway(simulatedUpstream());
    const body = JSON.stringify({ startAfter: '2026-03-02T00:00:00Z', endBefore: '2026-03-03T00:00:00Z' });
    const response = await fetch(`${server.url}${API}/actions/locations/v2.0/7/check-booking-availability`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    assert.equal(response.status, 415);
  });
});

describe('portal mode on the Web-standard handler', () => {
  test('creates need the portal’s JWT even with the abuse limits turned off', async () => {
    const { publicKey } = await generateKeyPair('ES256');
    const keys = createLocalJWKSet({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] });
    const config = { jwksUrl: 'https://login.portal.test/jwks', issuer: 'https://login.portal.test/', audience: 'ev' };
    const upstream = simulatedUpstream();
    const proxy = createProxy({
      upstreamUrl: 'http://simulator.invalid/public-api',
      token: 'simulator-token',
      upstreamFetch: upstream.fetch,
      now: () => START,
      limits: false,
      portal: createPortalAuth(config, keys),
    });
    const anonymous = await proxy(
      new Request(`http://proxy.test${API}/resources/booking-requests/v1.0`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(booking()),
      }),
    );
    assert.equal(anonymous.status, 401);
    assert.match(anonymous.headers.get('www-authenticate') ?? '', /^Bearer/);
    assert.equal(upstream.created(), 0);
  });
});

describe('the token in what a client sends', () => {
  test('echoed by no answer and written in no log line, wherever the client puts it', async () => {
    const token = 'ampeco_tok_CONTRACT_7f3a9c1e5b';
    const logs: ProxyLogEntry[] = [];
    const server = await gateway(simulatedUpstream(), null, { token, log: (entry) => logs.push(entry) });
    const answers: string[] = [];
    for (const target of [
      `${API}/resources/locations/v2.0/7?${token}=1`,
      `${API}/${token}`,
      `${API}/resources/locations/v2.0/%2e%2e/${token}`,
      `/${token}/../healthz`,
    ]) {
      answers.push(
        await rawRequest(server.url, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`),
      );
    }
    assert.equal(answers.length, 4);
    for (const answer of answers) assert.match(answer, /^HTTP\/1\.1 404 /);
    assert.ok(!answers.join('\n').includes(token), answers.join('\n'));
    assert.equal(logs.filter((entry) => entry.message === 'request').length, 4);
    assert.ok(!JSON.stringify(logs).includes(token), JSON.stringify(logs));
  });
});

describe('a capability used on another booking', () => {
  test('once its own booking is known, another booking id is refused without asking upstream anything', async () => {
    let clock = START;
    const simulator = createSimulator({ now: () => clock, pendingMs: 1000 });
    const calls: string[] = [];
    const proxy = createProxy({
      upstreamUrl: 'http://simulator.invalid/public-api',
      token: 'simulator-token',
      capabilitySecret: 'a-capability-secret-of-at-least-32-characters',
      limits: false,
      now: () => clock,
      upstreamFetch: (request) => {
        calls.push(`${request.method} ${new URL(request.url).pathname}`);
        return simulator.fetch(request);
      },
    });
    const url = (path: string): string => `http://proxy.test${API}${path}`;
    const made = await proxy(
      new Request(url('/resources/booking-requests/v1.0'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(booking()),
      }),
    );
    assert.equal(made.status, 201);
    const { data, meta } = (await made.json()) as { data: { id: number }; meta: { capability: string } };
    const headers = { 'x-booking-capability': meta.capability };
    clock += 2_000;
    const read = await proxy(new Request(url(`/resources/booking-requests/v1.0/${data.id}`), { headers }));
    const { bookingId } = ((await read.json()) as { data: { bookingId: number } }).data;
    assert.ok(bookingId > 0);

    calls.length = 0;
    const other = bookingId + 1;
    const theirs = await proxy(new Request(url(`/resources/bookings/v1.0/${other}`), { headers }));
    assert.equal(theirs.status, 404);
    const cancelled = await proxy(
      new Request(url('/resources/booking-requests/v1.0'), {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'cancel', bookingId: other }),
      }),
    );
    assert.equal(cancelled.status, 404);
    assert.deepEqual(calls, [], 'nothing asked upstream');
    const mine = await proxy(new Request(url(`/resources/bookings/v1.0/${bookingId}`), { headers }));
    assert.equal(mine.status, 200);
  });
});

describe('walking the ids without a capability', () => {
  test('a request or booking that exists answers exactly as one that does not, upstream is never asked, and the walk is rate-limited', async () => {
    const upstream = simulatedUpstream();
    const calls: string[] = [];
    const counted = { ...upstream, fetch: (request: Request) => (calls.push(request.url), upstream.fetch(request)) };
    const limits = limitsOver(parseLimitsConfig({ READS_PER_MINUTE: '12', ACTIVE_BOOKINGS_PER_DRIVER: 'off' }), null);
    const server = await gateway(counted, null, { limits });
    const made = await create(server, booking());
    assert.equal(made.status, 201);
    const existing = (made.body as { data: { id: number } }).data.id;
    calls.length = 0;
    const answer = async (path: string): Promise<string> => {
      const response = await fetch(`${server.url}${API}${path}`, {
        headers: { 'x-booking-capability': 'eyJ2IjoxfQ.AAAA' },
      });
      const headers = [...response.headers].filter(([name]) => name !== 'date' && name !== 'keep-alive');
      return JSON.stringify([response.status, headers, await response.text()]);
    };
    const seen = new Set<string>();
    // Request `existing` and seeded booking 501 exist; the others do not.
    for (const path of [
      `/resources/booking-requests/v1.0/${existing}`,
      '/resources/booking-requests/v1.0/999',
      '/resources/bookings/v1.0/501',
      '/resources/bookings/v1.0/999',
    ]) {
      seen.add(await answer(path));
    }
    assert.equal(seen.size, 1, [...seen].join('\n'));
    assert.match([...seen][0] ?? '', /^\[404,/);
    assert.deepEqual(calls, []);
    const statuses: number[] = [];
    for (let id = 1; id <= 12; id += 1) {
      statuses.push((await fetch(`${server.url}${API}/resources/booking-requests/v1.0/${id}`)).status);
    }
    const limited = await fetch(`${server.url}${API}/resources/booking-requests/v1.0/13`);
    assert.ok(statuses.includes(429), statuses.join(','));
    assert.equal(limited.status, 429);
    assert.match(limited.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
  });
});
