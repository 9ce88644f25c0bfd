/**
 * The gateway's rates (SPEC §9), on rate-limiter-flexible: create attempts per client address,
 * reads per client address, and one upstream budget for the whole deployment. In memory by
 * default (per process); on Redis with `REDIS_URL` (shared by every instance), with a per-process
 * memory limiter as insurance while Redis is unreachable, so an outage loosens the limits to
 * per-instance ones instead of refusing every request or letting all through.
 *
 * Each rate is a fixed window: `points` per `duration` seconds from the first call counted. A
 * refused call still counts (an attacker who keeps knocking stays refused), and the answer says
 * how long until the window ends: the `Retry-After` of the 429.
 */
import type { Redis } from 'ioredis';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
// Each class from its own file: the package's index also loads its cluster limiter, which requires
// Node's `cluster` and `crypto`, and so would keep the gateway off edge runtimes (server/web.ts).
import RateLimiterMemory from 'rate-limiter-flexible/lib/RateLimiterMemory.js';
import RateLimiterRedis from 'rate-limiter-flexible/lib/RateLimiterRedis.js';
import RateLimiterRes from 'rate-limiter-flexible/lib/RateLimiterRes.js';
import { REDIS_KEY_PREFIX, type LimitsConfig } from './config.js';

export type RateDecision = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export type RateName = 'create' | 'read' | 'upstream';

export interface Rates {
  /** Counts one create attempt by `client` (its address key). */
  create(client: string): Promise<RateDecision>;
  /** Counts one read (every other call of SPEC §4) by `client`. */
  read(client: string): Promise<RateDecision>;
  /** Counts one upstream call against the deployment's budget. */
  upstream(): Promise<RateDecision>;
}

const ALLOWED: RateDecision = { allowed: true };

interface Window {
  readonly points: number | null;
  readonly seconds: number;
}

function windows(config: LimitsConfig): Record<RateName, Window> {
  return {
    create: { points: config.createsPerHour, seconds: 3_600 },
    read: { points: config.readsPerMinute, seconds: 60 },
    upstream: { points: config.upstreamPerSecond, seconds: 1 },
  };
}

function limiter(name: RateName, window: Window & { points: number }, redis: Redis | null): RateLimiterAbstract {
  const options = { points: window.points, duration: window.seconds, keyPrefix: `${REDIS_KEY_PREFIX}rate:${name}` };
  if (redis === null) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

async function consume(rate: RateLimiterAbstract | null, key: string): Promise<RateDecision> {
  if (rate === null) return ALLOWED;
  try {
    await rate.consume(key);
    return ALLOWED;
  } catch (refusal) {
    // A store error reaches here only if the insurance limiter failed too: let the call through
    // rather than lock every client out because of the limiter's own fault.
    if (!(refusal instanceof RateLimiterRes)) return ALLOWED;
    return { allowed: false, retryAfterSeconds: retryAfterSeconds(refusal.msBeforeNext) };
  }
}

/** The three rates of `config`; a rate set `off` always allows. */
export function createRates(config: LimitsConfig, redis: Redis | null): Rates {
  const byName = windows(config);
  const make = (name: RateName): RateLimiterAbstract | null => {
    const window = byName[name];
    return window.points === null ? null : limiter(name, { ...window, points: window.points }, redis);
  };
  const create = make('create');
  const read = make('read');
  const upstream = make('upstream');
  return {
    create: (client) => consume(create, client),
    read: (client) => consume(read, client),
    upstream: () => consume(upstream, 'all'),
  };
}
