/**
 * The upstream 429 pause and budget (server/limits/upstream-pause.ts, upstream-gate.ts): in one
 * process with a controlled clock, and across two instances on a real Redis.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import { parseLimitsConfig } from '../../server/limits/config.js';
import { createRates } from '../../server/limits/rates.js';
import { connectRedis } from '../../server/limits/redis.js';
import { createUpstreamGate, type UpstreamGate } from '../../server/limits/upstream-gate.js';
import {
  DEFAULT_PAUSE_SECONDS,
  MAX_PAUSE_SECONDS,
  createUpstreamPause,
  retryAfterSeconds,
} from '../../server/limits/upstream-pause.js';
import { startRedis, type RedisProcess } from './redis.js';

const NOW = Date.parse('2026-03-01T10:00:00Z');

function upstreamAnswer(status: number, retryAfter?: string): Pick<Response, 'status' | 'headers'> {
  return { status, headers: new Headers(retryAfter === undefined ? {} : { 'retry-after': retryAfter }) };
}

describe('retryAfterSeconds', () => {
  const cases: ReadonlyArray<readonly [string | null, number]> = [
    ['30', 30],
    [' 7 ', 7],
    ['0', 1],
    [new Date(NOW + 90_000).toUTCString(), 90],
    [new Date(NOW - 90_000).toUTCString(), 1],
    ['999999999', MAX_PAUSE_SECONDS],
    [null, DEFAULT_PAUSE_SECONDS],
    ['soon', DEFAULT_PAUSE_SECONDS],
    ['-4', DEFAULT_PAUSE_SECONDS],
  ];
  for (const [header, seconds] of cases) {
    test(`Retry-After ${JSON.stringify(header)} → ${seconds} s`, () => {
      assert.equal(retryAfterSeconds(header, NOW), seconds);
    });
  }
});

describe('upstream gate in one process', () => {
  function gate(env: Record<string, string> = {}): { gate: UpstreamGate; clock: { now: number } } {
    const clock = { now: NOW };
    const now = (): number => clock.now;
    const rates = createRates(parseLimitsConfig({ UPSTREAM_PER_SECOND: '1000', ...env }), null);
    return { gate: createUpstreamGate(rates, createUpstreamPause(null, now), now), clock };
  }

  test('an upstream 429 answers its Retry-After and holds every call back until then', async () => {
    const { gate: upstream, clock } = gate();
    assert.equal(await upstream.admit(), null);
    assert.equal(await upstream.observe(upstreamAnswer(429, '30')), 30);
    assert.equal(await upstream.admit(), 30);
    clock.now += 12_000;
    assert.equal(await upstream.admit(), 18);
    clock.now += 18_000;
    assert.equal(await upstream.admit(), null);
  });

  test('other answers do not pause', async () => {
    const { gate: upstream } = gate();
    for (const status of [200, 404, 422, 500, 503]) {
      assert.equal(await upstream.observe(upstreamAnswer(status, '30')), null);
    }
    assert.equal(await upstream.admit(), null);
  });

  test('a later 429 with a shorter Retry-After does not shorten the pause', async () => {
    const { gate: upstream } = gate();
    await upstream.observe(upstreamAnswer(429, '60'));
    await upstream.observe(upstreamAnswer(429, '5'));
    assert.equal(await upstream.admit(), 60);
  });

  test('the upstream budget refuses past UPSTREAM_PER_SECOND, with Retry-After 1', async () => {
    const { gate: upstream } = gate({ UPSTREAM_PER_SECOND: '3' });
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await upstream.admit());
    assert.deepEqual(answers, [null, null, null, 1, 1]);
  });
});

describe('upstream pause on Redis: one 429 holds back every instance', () => {
  let redis: RedisProcess;
  const clients: Redis[] = [];
  let first: UpstreamGate;
  let second: UpstreamGate;

  before(async () => {
    redis = await startRedis();
    const config = parseLimitsConfig({ UPSTREAM_PER_SECOND: '1000' });
    for (let i = 0; i < 2; i += 1) {
      const client = await connectRedis(redis.url);
      clients.push(client);
      const gate = createUpstreamGate(createRates(config, client), createUpstreamPause(client));
      if (i === 0) first = gate;
      else second = gate;
    }
  });

  after(async () => {
    for (const client of clients) client.disconnect();
    await redis.stop();
  });

  test('the second instance makes no upstream call while the first one is paused', async () => {
    assert.equal(await second.admit(), null);
    assert.equal(await first.observe(upstreamAnswer(429, '120')), 120);
    const remaining = await second.admit();
    assert.ok(remaining !== null && remaining > 100 && remaining <= 120, `remaining ${remaining}`);
  });

  test('the upstream budget is shared too', async () => {
    const config = parseLimitsConfig({ UPSTREAM_PER_SECOND: '4' });
    const [one, two] = clients.map((client) => createRates(config, client));
    assert.ok(one !== undefined && two !== undefined);
    const decisions = [];
    for (let i = 0; i < 3; i += 1) decisions.push(await one.upstream(), await two.upstream());
    // The window is one second: the count may straddle two windows, but never reach 4 per instance.
    assert.ok(decisions.filter((decision) => decision.allowed).length <= 5);
    assert.ok(decisions.some((decision) => !decision.allowed));
  });
});
