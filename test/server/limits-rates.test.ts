/**
 * The rates (server/limits/rates.ts), in memory and on a real Redis shared by two instances.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import { parseLimitsConfig } from '../../server/limits/config.js';
import { createRates, type RateDecision, type Rates } from '../../server/limits/rates.js';
import { connectRedis } from '../../server/limits/redis.js';
import { startRedis, type RedisProcess } from './redis.js';

async function repeat(times: number, call: () => Promise<RateDecision>): Promise<RateDecision[]> {
  const decisions: RateDecision[] = [];
  for (let i = 0; i < times; i += 1) decisions.push(await call());
  return decisions;
}

function allowedCount(decisions: readonly RateDecision[]): number {
  return decisions.filter((decision) => decision.allowed).length;
}

describe('rates in memory (one process)', () => {
  test('10 create attempts an hour per address, then 429 with Retry-After up to an hour', async () => {
    const rates = createRates(parseLimitsConfig({}), null);
    const decisions = await repeat(12, () => rates.create('203.0.113.7'));
    assert.equal(allowedCount(decisions), 10);
    const refused = decisions.at(-1);
    assert.ok(refused !== undefined && !refused.allowed);
    assert.ok(refused.retryAfterSeconds > 3_500 && refused.retryAfterSeconds <= 3_600);
  });

  test('one address using up its creates leaves another address its own', async () => {
    const rates = createRates(parseLimitsConfig({ CREATES_PER_HOUR: '2' }), null);
    await repeat(5, () => rates.create('203.0.113.7'));
    assert.deepEqual(await rates.create('198.51.100.1'), { allowed: true });
  });

  test('reads and creates are separate buckets: reading does not use up creates', async () => {
    const rates = createRates(parseLimitsConfig({ READS_PER_MINUTE: '3', CREATES_PER_HOUR: '1' }), null);
    const reads = await repeat(4, () => rates.read('203.0.113.7'));
    assert.equal(allowedCount(reads), 3);
    const refused = reads.at(-1);
    assert.ok(refused !== undefined && !refused.allowed && refused.retryAfterSeconds <= 60);
    assert.deepEqual(await rates.create('203.0.113.7'), { allowed: true });
  });

  test('the upstream budget is one for all clients', async () => {
    const rates = createRates(parseLimitsConfig({ UPSTREAM_PER_SECOND: '5' }), null);
    const decisions = await repeat(7, () => rates.upstream());
    assert.equal(allowedCount(decisions), 5);
    assert.deepEqual(decisions.at(-1), { allowed: false, retryAfterSeconds: 1 });
  });

  test('a rate set off always allows', async () => {
    const rates = createRates(parseLimitsConfig({ READS_PER_MINUTE: 'off' }), null);
    assert.equal(allowedCount(await repeat(500, () => rates.read('203.0.113.7'))), 500);
  });
});

describe('rates on Redis: two instances hold one limit between them', () => {
  let redis: RedisProcess;
  const clients: Redis[] = [];
  let first: Rates;
  let second: Rates;

  before(async () => {
    redis = await startRedis();
    const config = parseLimitsConfig({ CREATES_PER_HOUR: '4', READS_PER_MINUTE: '6', UPSTREAM_PER_SECOND: '1000' });
    for (let i = 0; i < 2; i += 1) clients.push(await connectRedis(redis.url));
    first = createRates(config, clients[0] ?? null);
    second = createRates(config, clients[1] ?? null);
  });

  after(async () => {
    for (const client of clients) client.disconnect();
    await redis.stop();
  });

  test('creates from one address alternating between instances: 4 in all, not 4 each', async () => {
    const decisions: RateDecision[] = [];
    for (let i = 0; i < 5; i += 1) {
      decisions.push(await first.create('203.0.113.9'));
      decisions.push(await second.create('203.0.113.9'));
    }
    assert.equal(allowedCount(decisions), 4);
    const refused = decisions.at(-1);
    assert.ok(refused !== undefined && !refused.allowed && refused.retryAfterSeconds > 3_500);
  });

  test('reads: 6 a minute across both instances', async () => {
    const decisions = [
      ...(await repeat(4, () => first.read('198.51.100.4'))),
      ...(await repeat(4, () => second.read('198.51.100.4'))),
    ];
    assert.equal(allowedCount(decisions), 6);
  });
});
