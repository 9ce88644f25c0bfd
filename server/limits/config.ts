/**
 * The abuse limits' configuration (SPEC §9): one variable per rate and bound, `ALLOWED_LOCATION_IDS`
 * and `REDIS_URL`. A malformed value throws `ConfigError` with a one-line reason that names the
 * variable (the CLI prints it and exits 2); `REDIS_URL` is never echoed, since it may hold a password.
 */
import { ConfigError, type Env } from '../config-error.js';

/** Every key the gateway writes in Redis starts with this (one database may serve other programs). */
export const REDIS_KEY_PREFIX = 'ev-booking-gateway:';

/** `null` stands for a limit the operator turned `off`. */
export interface LimitsConfig {
  /** `CREATES_PER_HOUR`: create attempts per client address, refused ones included. */
  readonly createsPerHour: number | null;
  /** `READS_PER_MINUTE`: every other call of SPEC §4, per client address. */
  readonly readsPerMinute: number | null;
  /** `UPSTREAM_PER_SECOND`: upstream calls per second, for the whole deployment. */
  readonly upstreamPerSecond: number | null;
  /** `ACTIVE_BOOKINGS_PER_DRIVER`: pending or upcoming bookings made through the proxy. */
  readonly activeBookingsPerDriver: number | null;
  /** `BOOKING_HORIZON_DAYS`: how far ahead a booking may start. */
  readonly bookingHorizonDays: number | null;
  /** `MAX_BOOKING_MINUTES`: the longest booking. */
  readonly maxBookingMinutes: number | null;
  /** `ALLOWED_LOCATION_IDS`: the locations that may be read and booked; `null`: any. */
  readonly allowedLocationIds: ReadonlySet<number> | null;
  /** `REDIS_URL`: share every limit across instances; `null`: per process. */
  readonly redisUrl: string | null;
}

interface LimitVariable {
  readonly name: string;
  readonly key: Exclude<keyof LimitsConfig, 'allowedLocationIds' | 'redisUrl'>;
  readonly fallback: number;
  readonly max: number;
}

/**
 * The upstream budget's default. Ampeco does not publish a tenant quota; 20 calls a second is
 * well above what real widgets need (a page load costs a handful of calls, most of them cached)
 * and well below what a distributed client could otherwise push through to the tenant.
 */
export const DEFAULT_UPSTREAM_PER_SECOND = 20;

/** Every numeric limit: its variable, default (SPEC §9) and largest accepted value. */
export const LIMIT_VARIABLES: readonly LimitVariable[] = [
  { name: 'CREATES_PER_HOUR', key: 'createsPerHour', fallback: 10, max: 1_000_000 },
  { name: 'READS_PER_MINUTE', key: 'readsPerMinute', fallback: 120, max: 10_000_000 },
  { name: 'UPSTREAM_PER_SECOND', key: 'upstreamPerSecond', fallback: DEFAULT_UPSTREAM_PER_SECOND, max: 100_000 },
  { name: 'ACTIVE_BOOKINGS_PER_DRIVER', key: 'activeBookingsPerDriver', fallback: 2, max: 1_000 },
  { name: 'BOOKING_HORIZON_DAYS', key: 'bookingHorizonDays', fallback: 28, max: 3_660 },
  { name: 'MAX_BOOKING_MINUTES', key: 'maxBookingMinutes', fallback: 24 * 60, max: 366 * 24 * 60 },
];

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** A positive integer up to `max`, or `off`. */
function parseLimit(variable: LimitVariable, raw: string | undefined): number | null {
  if (raw === undefined) return variable.fallback;
  if (raw.toLowerCase() === 'off') return null;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > variable.max) {
    throw new ConfigError(
      `${variable.name} must be an integer from 1 to ${variable.max}, or "off" (got "${raw.slice(0, 40)}")`,
    );
  }
  return Number(raw);
}

function parseLocationIds(raw: string | undefined): ReadonlySet<number> | null {
  if (raw === undefined) return null;
  const items = raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  const ids = new Set<number>();
  for (const item of items) {
    if (!/^[1-9]\d{0,14}$/.test(item)) {
      throw new ConfigError(`ALLOWED_LOCATION_IDS must be a comma list of location ids (got "${item.slice(0, 40)}")`);
    }
    ids.add(Number(item));
  }
  if (ids.size === 0) throw new ConfigError('ALLOWED_LOCATION_IDS is set but lists no location id');
  return ids;
}

/** Checks `REDIS_URL`'s form (reaching it is `connectRedis`'s job); the message never holds the URL. */
export function parseRedisUrl(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('REDIS_URL is not a valid URL; expected redis://[user:password@]host[:port][/db]');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`REDIS_URL must use redis:// or rediss:// (got ${url.protocol.slice(0, 10)})`);
  }
  if (url.hostname === '') throw new ConfigError('REDIS_URL has no host');
  if (url.pathname !== '' && url.pathname !== '/' && !/^\/\d{1,2}$/.test(url.pathname)) {
    throw new ConfigError('REDIS_URL may only name a database number as its path, e.g. redis://host:6379/1');
  }
  return raw;
}

/** Reads the limits from `env`; throws `ConfigError` with a one-line reason. */
export function parseLimitsConfig(env: Env): LimitsConfig {
  const limits: Partial<Record<LimitVariable['key'], number | null>> = {};
  for (const variable of LIMIT_VARIABLES) limits[variable.key] = parseLimit(variable, value(env, variable.name));
  return {
    createsPerHour: limits.createsPerHour ?? null,
    readsPerMinute: limits.readsPerMinute ?? null,
    upstreamPerSecond: limits.upstreamPerSecond ?? null,
    activeBookingsPerDriver: limits.activeBookingsPerDriver ?? null,
    bookingHorizonDays: limits.bookingHorizonDays ?? null,
    maxBookingMinutes: limits.maxBookingMinutes ?? null,
    allowedLocationIds: parseLocationIds(value(env, 'ALLOWED_LOCATION_IDS')),
    redisUrl: parseRedisUrl(value(env, 'REDIS_URL')),
  };
}
