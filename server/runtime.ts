/**
 * What every part of the gateway shares for its lifetime, built once from `GatewayOptions`: the
 * upstream door, capabilities, redaction, compression, cache, clock and log. Handlers read it
 * from `c.get('gateway')`.
 */
import type { Context } from 'hono';
import { TtlCache } from './cache.js';
import type { Capabilities } from './capability.js';
import type { ExternalIdClaims } from './limits/external-ids.js';
import type { Compressor, Encoding } from './respond.js';
import type { Redactor } from './redact.js';
import type { GatewayEnv, ProxyLogEntry } from './types.js';
import type { UpstreamCall, UpstreamOutcome } from './upstream.js';
import type { CreateBookingBody } from './validation.js';

/** What a create asks for, once validated, as the bounds checks see it. */
export interface CreateAttempt {
  readonly email: string;
  readonly locationId: number;
  readonly startAt: string;
  readonly endAt: string;
  readonly evseId?: number | undefined;
  /** The driver's Ampeco user id, once looked up (`checkDriver` only). */
  readonly userId?: number;
}

/**
 * A bounds check on a create (SPEC §9 "bounds"): resolves with the refusal to answer (a 422
 * with `reason`, typically) or `null` to go on. `checkCreate` runs before anything is asked
 * upstream; `checkDriver` once the driver is known, before the booking request is sent.
 */
export type CreateCheck = (c: Context<GatewayEnv>, attempt: CreateAttempt) => Promise<Response | null>;

export interface GatewayRuntime {
  readonly upstream: UpstreamCall;
  readonly capabilities: Capabilities;
  readonly redactor: Redactor;
  readonly compress: Compressor;
  readonly encodings: readonly Encoding[];
  /** Location, charge points, EVSEs (and micro-cached availability). */
  readonly cache: TtlCache<UpstreamOutcome>;
  /** `Cache-Control` of the public reads the gateway caches: `public, max-age=<its TTL>` (SPEC §9). */
  readonly publicCacheControl: string;
  readonly basePath: string;
  /** The origin of rewritten links for this request (configured, behind a trusted proxy, or its own). */
  linkOrigin(c: Context<GatewayEnv>): string;
  readonly upstreamBase: URL;
  readonly maxBookingMs: number;
  /** `ALLOWED_LOCATION_IDS` (server/charge-point-location.ts); `null`: any location. */
  readonly allowedLocationIds: ReadonlySet<number> | null;
  readonly checkCreate: CreateCheck | undefined;
  readonly checkDriver: CreateCheck | undefined;
  /** Told of each booking request created upstream (the active bookings per driver remember it). */
  readonly onCreated: ((c: Context<GatewayEnv>, requestId: number, endAt: string) => Promise<void>) | undefined;
  /** One create per `externalId` (server/external-id-claim.ts): the limits' store, else one per gateway. */
  readonly externalIds: ExternalIdClaims;
  readonly now: () => number;
  log(entry: ProxyLogEntry): void;
}

export function attemptOf(body: CreateBookingBody, email: string): CreateAttempt {
  return {
    email,
    locationId: body.locationId,
    startAt: body.startAt,
    endAt: body.endAt,
    ...(body.evseId === undefined ? {} : { evseId: body.evseId }),
  };
}

export { TtlCache };
