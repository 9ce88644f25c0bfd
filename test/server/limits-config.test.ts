/**
 * The abuse limits' variables (server/limits/config.ts): SPEC §9 defaults, `off`, and a one-line
 * reason naming the variable for every malformed value.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigError } from '../../server/config.js';
import { DEFAULT_UPSTREAM_PER_SECOND, parseLimitsConfig } from '../../server/limits/config.js';
import { connectRedis } from '../../server/limits/redis.js';

describe('parseLimitsConfig', () => {
  test('defaults of SPEC §9: 10 creates an hour, 120 reads a minute, 2 active bookings, 28 days, 24 h', () => {
    assert.deepEqual(parseLimitsConfig({}), {
      createsPerHour: 10,
      readsPerMinute: 120,
      upstreamPerSecond: DEFAULT_UPSTREAM_PER_SECOND,
      activeBookingsPerDriver: 2,
      bookingHorizonDays: 28,
      maxBookingMinutes: 1440,
      allowedLocationIds: null,
      redisUrl: null,
    });
  });

  test('reads every variable; "off" turns a limit off; empty counts as unset', () => {
    const config = parseLimitsConfig({
      CREATES_PER_HOUR: '3',
      READS_PER_MINUTE: ' 600 ',
      UPSTREAM_PER_SECOND: 'OFF',
      ACTIVE_BOOKINGS_PER_DRIVER: '1',
      BOOKING_HORIZON_DAYS: '',
      MAX_BOOKING_MINUTES: '90',
      ALLOWED_LOCATION_IDS: '7, 12,,7',
      REDIS_URL: 'redis://:secret@cache.internal:6380/2',
    });
    assert.equal(config.createsPerHour, 3);
    assert.equal(config.readsPerMinute, 600);
    assert.equal(config.upstreamPerSecond, null);
    assert.equal(config.activeBookingsPerDriver, 1);
    assert.equal(config.bookingHorizonDays, 28);
    assert.equal(config.maxBookingMinutes, 90);
    assert.deepEqual([...(config.allowedLocationIds ?? [])], [7, 12]);
    assert.equal(config.redisUrl, 'redis://:secret@cache.internal:6380/2');
  });

  const malformed: ReadonlyArray<readonly [Record<string, string>, RegExp]> = [
    [{ CREATES_PER_HOUR: '0' }, /^CREATES_PER_HOUR must be an integer from 1 to/],
    [{ CREATES_PER_HOUR: '-5' }, /^CREATES_PER_HOUR/],
    [{ READS_PER_MINUTE: '1.5' }, /^READS_PER_MINUTE/],
    [{ UPSTREAM_PER_SECOND: 'lots' }, /^UPSTREAM_PER_SECOND/],
    [{ ACTIVE_BOOKINGS_PER_DRIVER: '1e3' }, /^ACTIVE_BOOKINGS_PER_DRIVER/],
    [{ BOOKING_HORIZON_DAYS: '99999' }, /^BOOKING_HORIZON_DAYS must be an integer from 1 to 3660/],
    [{ MAX_BOOKING_MINUTES: '0x10' }, /^MAX_BOOKING_MINUTES/],
    [{ ALLOWED_LOCATION_IDS: '7,abc' }, /^ALLOWED_LOCATION_IDS must be a comma list of location ids \(got "abc"\)/],
    [{ ALLOWED_LOCATION_IDS: '0' }, /^ALLOWED_LOCATION_IDS/],
    [{ ALLOWED_LOCATION_IDS: ',,' }, /^ALLOWED_LOCATION_IDS is set but lists no location id/],
    [{ REDIS_URL: 'cache.internal:6379' }, /^REDIS_URL must use redis:\/\/ or rediss:\/\//],
    [{ REDIS_URL: 'not a url' }, /^REDIS_URL is not a valid URL/],
    [{ REDIS_URL: 'http://cache.internal' }, /^REDIS_URL must use redis/],
    [{ REDIS_URL: 'redis://cache.internal/keys' }, /^REDIS_URL may only name a database number/],
  ];
  for (const [env, reason] of malformed) {
    test(`refuses ${JSON.stringify(env)} with one line`, () => {
      assert.throws(
        () => parseLimitsConfig(env),
        (error: unknown) => error instanceof ConfigError && reason.test(error.message) && !error.message.includes('\n'),
      );
    });
  }

  test('a REDIS_URL with a password is never echoed in the reason', () => {
    assert.throws(
      () => parseLimitsConfig({ REDIS_URL: 'redis://:hunter2@cache internal' }),
      (error: unknown) => error instanceof ConfigError && !error.message.includes('hunter2'),
    );
  });
});

describe('connectRedis', () => {
  test('an unreachable Redis is a configuration error naming host and port, not the password', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    await assert.rejects(
      connectRedis('redis://:hunter2@127.0.0.1:1/0', { connectTimeoutMs: 1_000 }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /^REDIS_URL: cannot reach Redis at 127\.0\.0\.1:1 \(/.test(error.message) &&
        !error.message.includes('hunter2'),
    );
  });
});
