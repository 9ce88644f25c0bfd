/**
 * The gateway's abuse limits (SPEC §9), built once per process from `LimitsConfig`: the rates,
 * the gate every upstream call passes (pause after upstream's 429, then the budget), the
 * active bookings per driver and the claims of one create per `externalId`; in memory, or shared
 * by every instance through `REDIS_URL` (connected by server/limits/connect.ts, Node only). No
 * module here loads anything of Node's: the gateway runs on edge runtimes too (server/web.ts).
 */
import type { Redis } from 'ioredis';
import { createActiveBookings, type ActiveBookings } from './active-bookings.js';
import type { LimitsConfig } from './config.js';
import { createExternalIdClaims, type ExternalIdClaims } from './external-ids.js';
import { createRates, type Rates } from './rates.js';
import { createUpstreamGate, type UpstreamGate } from './upstream-gate.js';
import { createUpstreamPause } from './upstream-pause.js';

export interface Limits {
  readonly config: LimitsConfig;
  readonly rates: Rates;
  readonly upstreamGate: UpstreamGate;
  readonly activeBookings: ActiveBookings;
  /** One create per `externalId` (server/external-id-claim.ts), in the same store as the rest. */
  readonly externalIds: ExternalIdClaims;
  /** Whether the limits are shared through Redis. */
  readonly shared: boolean;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/** The limits over an already connected Redis (or `null`: per process). */
export function limitsOver(config: LimitsConfig, redis: Redis | null, now: () => number = Date.now): Limits {
  const rates = createRates(config, redis);
  return {
    config,
    rates,
    upstreamGate: createUpstreamGate(rates, createUpstreamPause(redis, now), now),
    activeBookings: createActiveBookings(config.activeBookingsPerDriver, redis, now),
    externalIds: createExternalIdClaims(redis, now),
    shared: redis !== null,
    async close() {
      if (redis !== null) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export { parseLimitsConfig, type LimitsConfig } from './config.js';
export { checkBookingBounds, locationAllowed, type BoundRefusal } from './bounds.js';
export { activeCheck, isReservation, type Reservation } from './active-bookings.js';
