/**
 * Findings of the black-box attacker's probe of the gateway (after the externalId claims), each as
 * the attacker saw it over real HTTP: a real Node gateway on a loopback port in front of the
 * simulator, whose clock the test moves.
 *
 * - A1: cancels of one booking sent at once (a replayed cancel, a double click, a script) each
 *   reached upstream as a cancel request of its own; one cancel of a booking is on its way at a time.
 * - A2: a cancel sent again after the first was answered, while that cancel request was still
 *   pending upstream, made a second cancel request upstream.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import { limitsOver, parseLimitsConfig } from '../../server/limits/index.js';
import { connectRedis } from '../../server/limits/redis.js';
import { startProxyServer, type ProxyServer } from '../../server/node-server.js';
import { createSimulator } from '../../server/simulator.js';
import { signal } from './external-id-support.js';
import { redisForTests, startRedis } from './redis.js';

const REQUESTS = '/resources/booking-requests/v1.0';
const HOUR = 3_600_000;

interface Probe {
  readonly server: ProxyServer;
  /** Cancel requests that reached upstream. */
  readonly cancelsUpstream: () => number;
  /** Each hook holds one cancel on its way to upstream until it returns. */
  readonly cancelHooks: Array<() => Promise<void>>;
  readonly advance: (ms: number) => void;
}

const servers: ProxyServer[] = [];
after(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** The gateway with its default limits, kept in `redis` when given. */
async function probe(redis: Redis | null = null): Promise<Probe> {
  let clock = Date.parse('2026-03-01T06:00:00Z');
  const simulator = createSimulator({ now: () => clock, pendingMs: 1000 });
  let cancels = 0;
  const cancelHooks: Array<() => Promise<void>> = [];
  const server = await startProxyServer({
    host: '127.0.0.1',
    port: 0,
    upstreamUrl: 'http://simulator.invalid/public-api',
    token: 'simulator-token',
    capabilitySecret: 'a-capability-secret-of-at-least-32-characters',
    now: () => clock,
    limits: limitsOver(parseLimitsConfig({}), redis, () => clock),
    upstreamFetch: async (request) => {
      const url = new URL(request.url);
      if (request.method === 'POST' && url.pathname.endsWith(REQUESTS)) {
        const body = (await request.clone().json()) as { type?: string };
        if (body.type === 'cancel') {
          cancels += 1;
          await cancelHooks.shift()?.();
        }
      }
      return simulator.fetch(request);
    },
  });
  servers.push(server);
  return { server, cancelsUpstream: () => cancels, cancelHooks, advance: (ms) => (clock += ms) };
}

async function call(
  { server }: Probe,
  path: string,
  init: { body?: unknown; capability?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.capability !== undefined) headers['x-booking-capability'] = init.capability;
  const response = await fetch(`${server.url}/api/ampeco${path}`, {
    method: init.body === undefined ? 'GET' : 'POST',
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A booking made and approved through the gateway: its id and the capability of its create. */
async function book(setup: Probe): Promise<{ bookingId: number; capability: string }> {
  const startAt = Date.parse('2026-03-02T10:00:00Z');
  const created = await call(setup, REQUESTS, {
    body: {
      type: 'create',
      email: 'driver@example.com',
      locationId: 7,
      evseId: 11,
      startAt: new Date(startAt).toISOString(),
      endAt: new Date(startAt + HOUR).toISOString(),
      externalId: crypto.randomUUID(),
    },
  });
  assert.equal(created.status, 201);
  const capability = (created.body['meta'] as { capability: string }).capability;
  setup.advance(2_000);
  const id = (created.body['data'] as { id: number }).id;
  const read = await call(setup, `${REQUESTS}/${id}`, { capability });
  const request = read.body['data'] as { status: string; bookingId: number };
  assert.equal(request.status, 'approved');
  return { bookingId: request.bookingId, capability };
}

describe('A1: one cancel of a booking on its way at a time', () => {
  test('a cancel sent again while the first is on its way is 422 not-cancellable and never reaches upstream', async () => {
    const setup = await probe();
    const mine = await book(setup);
    const reached = signal();
    const release = signal();
    setup.cancelHooks.push(async () => {
      reached.fire();
      await release.promise;
    });
    const cancel = { type: 'cancel', bookingId: mine.bookingId };
    const first = call(setup, REQUESTS, { body: cancel, capability: mine.capability });
    await reached.promise;
    const replays = await Promise.all(
      Array.from({ length: 3 }, () => call(setup, REQUESTS, { body: cancel, capability: mine.capability })),
    );
    release.fire();
    assert.equal((await first).status, 201);
    for (const replay of replays) {
      assert.equal(replay.status, 422);
      assert.equal(replay.body['reason'], 'not-cancellable');
      assert.ok(Array.isArray((replay.body['errors'] as Record<string, unknown>)['bookingId']));
    }
    assert.equal(setup.cancelsUpstream(), 1);
  });

  test('a cancel whose answer was lost does not hold the booking: the next cancel goes through', async () => {
    const setup = await probe();
    const mine = await book(setup);
    const cancel = { type: 'cancel', bookingId: mine.bookingId };
    setup.cancelHooks.push(async () => {
      throw new Error('connection reset');
    });
    const lost = await call(setup, REQUESTS, { body: cancel, capability: mine.capability });
    assert.ok(lost.status >= 500);
    const again = await call(setup, REQUESTS, { body: cancel, capability: mine.capability });
    assert.equal(again.status, 201);
    assert.equal(setup.cancelsUpstream(), 2);
  });

  test('with the claims’ store gone (Redis down), a cancel is still sent', async () => {
    const lost = await startRedis();
    const connection = await connectRedis(lost.url);
    try {
      const setup = await probe(connection);
      const mine = await book(setup);
      await lost.stop();
      const answer = await call(setup, REQUESTS, {
        body: { type: 'cancel', bookingId: mine.bookingId },
        capability: mine.capability,
      });
      assert.equal(answer.status, 201);
      assert.equal(setup.cancelsUpstream(), 1);
    } finally {
      connection.disconnect();
    }
  });
});

describe('A2: a cancel sent again while its cancel request is pending upstream', () => {
  const redis = redisForTests(1);
  for (const store of ['memory', 'Redis'] as const) {
    test(`(${store}) answers that cancel request again and sends none; once it is approved, 422 not-cancellable`, async () => {
      const setup = await probe(store === 'Redis' ? redis.connections[0] : null);
      const mine = await book(setup);
      const cancel = { type: 'cancel', bookingId: mine.bookingId };
      const first = await call(setup, REQUESTS, { body: cancel, capability: mine.capability });
      assert.equal(first.status, 201);
      const pending = first.body['data'] as { id: number; status: string };
      assert.equal(pending.status, 'pending');

      const again = await call(setup, REQUESTS, { body: cancel, capability: mine.capability });
      assert.equal(again.status, 201);
      assert.deepEqual(again.body['data'], first.body['data']);
      const capability = (again.body['meta'] as { capability: string }).capability;
      const polled = await call(setup, `${REQUESTS}/${pending.id}`, { capability });
      assert.equal(polled.status, 200, 'its capability polls the first cancel request');
      assert.equal(setup.cancelsUpstream(), 1);

      setup.advance(2_000);
      const decided = await call(setup, `${REQUESTS}/${pending.id}`, { capability });
      assert.equal((decided.body['data'] as { status: string }).status, 'approved');
      const late = await call(setup, REQUESTS, { body: cancel, capability: mine.capability });
      assert.equal(late.status, 422);
      assert.equal(late.body['reason'], 'not-cancellable');
      assert.equal(setup.cancelsUpstream(), 1);
    });
  }
});
