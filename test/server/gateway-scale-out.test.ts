/**
 * Scale-out (issue 13): two gateway instances behind one load balancer, sharing one real
 * `redis-server`, hold one limit between them. Before `REDIS_URL`, two instances gave twice the
 * limits (270 creates in 8 s against 136 for one).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import { limitsOver, parseLimitsConfig } from '../../server/limits/index.js';
import { connectRedis } from '../../server/limits/redis.js';
import { createProxy, type ProxyHandler } from '../../server/proxy.js';
import { createSimulator } from '../../server/simulator.js';
import { createRequest } from './contract-support.js';
import { redisForTests, startRedis } from './redis.js';

const BASE = 'http://localhost:8787/api/ampeco';
const START = Date.parse('2026-03-01T06:00:00Z');

const { connections } = redisForTests(2);

/** Two instances (each its own Redis connection) in front of one upstream. */
function twoInstances(
  env: Record<string, string>,
  upstreamFetch: (request: Request) => Promise<Response>,
): [ProxyHandler, ProxyHandler] {
  const make = (connection: Redis | undefined): ProxyHandler =>
    createProxy({
      upstreamUrl: 'http://simulator.invalid/public-api',
      token: 'simulator-token',
      capabilitySecret: 'one secret shared by every instance, 32+ chars',
      upstreamFetch,
      cacheTtlMs: 0,
      now: () => START,
      limits: limitsOver(parseLimitsConfig(env), connection ?? null, () => START),
      clientKey: () => '203.0.113.66',
    });
  return [make(connections[0]), make(connections[1])];
}

function throughSimulator(env: Record<string, string>): {
  instances: [ProxyHandler, ProxyHandler];
  creates: () => number;
} {
  const simulator = createSimulator({ now: () => START, pendingMs: 60_000 });
  let created = 0;
  const instances = twoInstances(env, (request) => {
    if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/booking-requests/v1.0')) created += 1;
    return simulator.fetch(request);
  });
  return { instances, creates: () => created };
}

const create = (evseId: number, day: number): Request =>
  createRequest(BASE, evseId, START + day * 86_400_000 + 4 * 3_600_000);

const malformedCreate = (): Request =>
  new Request(`${BASE}/resources/booking-requests/v1.0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"type":',
  });

describe('two instances on one Redis hold one limit between them', () => {
  test('create attempts per address: 10 an hour across both instances, not 10 each', async () => {
    const { instances } = throughSimulator({});
    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await instances[i % 2]!(malformedCreate())).status);
    assert.equal(statuses.filter((status) => status !== 429).length, 10);
    assert.deepEqual(statuses.slice(10), Array(10).fill(429));
  });

  test('active bookings per driver: one on each instance uses up both places', async () => {
    const { instances, creates } = throughSimulator({ UPSTREAM_PER_SECOND: 'off' });
    const [first, second] = instances;
    assert.equal((await first(create(11, 1))).status, 201);
    assert.equal((await second(create(12, 1))).status, 201);
    const third = await first(create(13, 1));
    assert.equal(third.status, 422);
    assert.equal(((await third.json()) as { reason: string }).reason, 'too-many-active-bookings');
    assert.equal((await second(create(21, 2))).status, 422);
    assert.equal(creates(), 2);
  });

  test('reads per address are shared too', async () => {
    const { instances } = throughSimulator({ READS_PER_MINUTE: '5' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      statuses.push((await instances[i % 2]!(new Request(`${BASE}/resources/locations/v2.0/7`))).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429, 429]);
  });

  test('upstream 429 seen by one instance holds back the other, which makes no upstream call', async () => {
    const calls: string[] = [];
    const [first, second] = twoInstances({}, async (request) => {
      calls.push(new URL(request.url).pathname);
      return Response.json({ message: 'Too many requests.' }, { status: 429, headers: { 'retry-after': '120' } });
    });
    const limited = await first(new Request(`${BASE}/resources/locations/v2.0/7`));
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '120');
    const held = await second(new Request(`${BASE}/resources/locations/v2.0/8`));
    assert.equal(held.status, 429);
    const remaining = Number(held.headers.get('retry-after'));
    assert.ok(remaining > 100 && remaining <= 120, `Retry-After ${remaining}`);
    assert.equal(calls.length, 1, 'the second instance did not call upstream');
  });
});

describe('when Redis goes away after start', () => {
  test('reads go on under per-instance limits; creates answer 503, never an unchecked booking', async () => {
    const lost = await startRedis();
    const connection = await connectRedis(lost.url);
    const simulator = createSimulator({ now: () => START, pendingMs: 60_000 });
    let created = 0;
    const proxy = createProxy({
      upstreamUrl: 'http://simulator.invalid/public-api',
      token: 'simulator-token',
      upstreamFetch: (request) => {
        if (request.method === 'POST' && new URL(request.url).pathname.endsWith('/booking-requests/v1.0')) created += 1;
        return simulator.fetch(request);
      },
      now: () => START,
      limits: limitsOver(parseLimitsConfig({ READS_PER_MINUTE: '3' }), connection, () => START),
    });
    try {
      await lost.stop();
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await proxy(new Request(`${BASE}/resources/locations/v2.0/7`))).status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429], 'the insurance limiter keeps the rate in this instance');
      const booked = await proxy(create(11, 1));
      assert.equal(booked.status, 503);
      assert.equal(created, 0);
    } finally {
      connection.disconnect();
    }
  });
});
