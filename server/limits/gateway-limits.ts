/**
 * The abuse limits wired into the gateway's Hono app (server/gateway.ts), in SPEC §9's order:
 *
 *   path guard → … → route matched → rates (reads | creates, refused ones counted) → location
 *   guard → portal sign-in → body validation → bounds (`checkCreate`) → driver look-up → active
 *   bookings (`checkDriver`) → upstream create → remembered (`onCreated`)
 *
 * and around the one upstream door (`wrapUpstream`): the pause after upstream's 429, then the
 * deployment's budget. Everything here answers before anything is asked upstream, but the
 * location of a create's `evseId` under `ALLOWED_LOCATION_IDS` (server/charge-point-location.ts).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { evseLocation } from '../charge-point-location.js';
import { notFound, sendJson, upstreamProblem } from '../respond.js';
import type { CreateAttempt, CreateCheck } from '../runtime.js';
import { isObject, type GatewayBindings, type GatewayEnv, type JsonObject } from '../types.js';
import type { UpstreamCall, UpstreamOutcome } from '../upstream.js';
import { activeCheck, isReservation, type Reservation } from './active-bookings.js';
import { beyondHorizon, checkBookingBounds, locationAllowed, refusal, type BoundRefusal } from './bounds.js';
import type { Limits } from './index.js';

export const TOO_MANY_REQUESTS = 'Too many requests. Please try again later.';

export interface GatewayLimitsOptions {
  /** The limits' key of a request's client (its address, `TRUST_PROXY` applied). */
  readonly clientKey: (request: Request, env: GatewayBindings | undefined) => string;
  /** Largest request body, bytes (the gateway's own cap). */
  readonly maxBodyBytes: number;
}

/** What `createGateway` takes from the limits. */
export interface GatewayLimits {
  readonly middleware: {
    readonly reads: readonly MiddlewareHandler<GatewayEnv>[];
    readonly creates: readonly MiddlewareHandler<GatewayEnv>[];
  };
  readonly checkCreate: CreateCheck;
  readonly checkDriver: CreateCheck;
  readonly onCreated: (c: Context<GatewayEnv>, requestId: number, endAt: string) => Promise<void>;
  readonly wrapUpstream: (call: UpstreamCall) => UpstreamCall;
}

function tooManyRequests(c: Context<GatewayEnv>, seconds: number): Promise<Response> {
  return sendJson(c, 429, { message: TOO_MANY_REQUESTS }, { 'retry-after': String(seconds) });
}

/** The 422 of a bound: `{message, errors, reason}`. */
function boundRefusal(c: Context<GatewayEnv>, refusal: BoundRefusal): Promise<Response> {
  const errors: JsonObject = {};
  for (const [field, messages] of Object.entries(refusal.errors)) errors[field] = [...messages];
  return sendJson(c, 422, { message: refusal.message, errors, reason: refusal.reason });
}

/**
 * The location a read names, when it names one (location, charge points, availability). The
 * limits run before the query is checked: a malformed id here is refused by that check later.
 */
function locationOfRead(c: Context<GatewayEnv>): number | null {
  const route = c.get('route');
  const raw =
    route === 'location' || route === 'availability'
      ? c.req.param('id')
      : route === 'charge-points'
        ? new URL(c.req.url).searchParams.get('filter[locationId]')
        : null;
  return raw !== null && raw !== undefined && /^[1-9]\d{0,15}$/.test(raw) ? Number(raw) : null;
}

/** An upstream refusal that stops the active-bookings count (answered as upstream answered). */
class UpstreamUnavailable extends Error {
  constructor(readonly outcome: UpstreamOutcome) {
    super('upstream cannot tell which bookings are active');
  }
}

export function gatewayLimits(limits: Limits, options: GatewayLimitsOptions): GatewayLimits {
  const reservations = new WeakMap<Request, Reservation>();
  const keyOf = (c: Context<GatewayEnv>): string => {
    const key = options.clientKey(c.req.raw, c.env);
    c.set('clientAddress', key);
    return key;
  };

  const readRate: MiddlewareHandler<GatewayEnv> = async (c, next) => {
    const decision = await limits.rates.read(keyOf(c));
    if (!decision.allowed) return tooManyRequests(c, decision.retryAfterSeconds);
    const location = locationOfRead(c);
    if (location !== null && !locationAllowed(limits.config, location)) return notFound(c);
    // An availability check beyond the horizon asks upstream about times nobody may book.
    const body = c.get('body');
    if (c.get('route') === 'availability' && isObject(body) && typeof body['startAfter'] === 'string') {
      const beyond = beyondHorizon(limits.config, Date.parse(body['startAfter']), c.get('gateway').now(), 'startAfter');
      if (beyond !== null) return boundRefusal(c, beyond);
    }
    await next();
  };

  /**
   * A create attempt (the gateway sends a cancel to the reads slot): counted whatever its body
   * holds, malformed and oversized included (the body was read, capped, just before). Portal
   * mode's sign-in follows it in the slot (server/portal-sign-in.ts).
   */
  const createRate: MiddlewareHandler<GatewayEnv> = async (c, next) => {
    const decision = await limits.rates.create(keyOf(c));
    if (!decision.allowed) return tooManyRequests(c, decision.retryAfterSeconds);
    try {
      await next();
    } finally {
      // A create that did not reach `onCreated` (refused, failed upstream) gives its place back.
      const held = reservations.get(c.req.raw);
      if (held !== undefined) {
        reservations.delete(c.req.raw);
        // Should the store fail, the place lapses on its own (PLACEHOLDER_MS).
        await held.release().catch(() => undefined);
      }
    }
  };

  const checkCreate: CreateCheck = async (c, attempt: CreateAttempt) => {
    const outOfBounds = checkBookingBounds(limits.config, attempt, c.get('gateway').now());
    if (outOfBounds !== null) return boundRefusal(c, outOfBounds);
    // With ALLOWED_LOCATION_IDS, the port too must be at the (allowed) location booked.
    if (limits.config.allowedLocationIds === null || attempt.evseId === undefined) return null;
    const where = await evseLocation(c, attempt.evseId);
    if (where.kind === 'problem') return upstreamProblem(c, where.outcome);
    if (where.kind === 'at' && where.locationId === attempt.locationId) return null;
    return boundRefusal(c, refusal('location-not-allowed', 'evseId', 'This port cannot be booked here.'));
  };

  const checkDriver: CreateCheck = async (c, attempt) => {
    if (attempt.userId === undefined) return null;
    const gateway = c.get('gateway');
    const read = async (path: string): Promise<unknown> => {
      const outcome = await gateway.upstream({ route: c.get('route'), method: 'GET', path, query: '' });
      if (outcome.kind === 'response' && outcome.status === 200) return outcome.body;
      if (outcome.kind === 'response' && outcome.status === 404) return null;
      throw new UpstreamUnavailable(outcome);
    };
    let reservation: Reservation | BoundRefusal;
    try {
      reservation = await limits.activeBookings.reserve(String(attempt.userId), activeCheck(read, gateway.now));
    } catch (error) {
      if (error instanceof UpstreamUnavailable && error.outcome.kind === 'response' && error.outcome.status === 429) {
        return tooManyRequests(c, Number(error.outcome.retryAfter ?? 1) || 1);
      }
      gateway.log({
        level: 'warn',
        message: 'active bookings not counted',
        route: c.get('route'),
        detail: String(error),
      });
      return sendJson(c, 503, { message: 'Bookings cannot be checked right now. Please try again.' });
    }
    if (!isReservation(reservation)) return boundRefusal(c, reservation);
    reservations.set(c.req.raw, reservation);
    return null;
  };

  const onCreated = async (c: Context<GatewayEnv>, requestId: number, endAt: string): Promise<void> => {
    const held = reservations.get(c.req.raw);
    if (held === undefined) return;
    reservations.delete(c.req.raw);
    try {
      await held.confirm(requestId, endAt);
    } catch (error) {
      // The booking exists upstream: the driver gets it. Only the count misses it (for a while).
      const gateway = c.get('gateway');
      gateway.log({ level: 'warn', message: 'booking not remembered', route: c.get('route'), detail: String(error) });
    }
  };

  const wrapUpstream =
    (call: UpstreamCall): UpstreamCall =>
    async (request) => {
      const wait = await limits.upstreamGate.admit();
      if (wait !== null) {
        return { kind: 'response', status: 429, body: { message: TOO_MANY_REQUESTS }, retryAfter: String(wait) };
      }
      const outcome = await call(request);
      if (outcome.kind !== 'response') return outcome;
      const headers = new Headers(outcome.retryAfter === null ? {} : { 'retry-after': outcome.retryAfter });
      const paused = await limits.upstreamGate.observe({ status: outcome.status, headers });
      return paused === null ? outcome : { ...outcome, retryAfter: String(paused) };
    };

  return {
    middleware: { reads: [readRate], creates: [createRate] },
    checkCreate,
    checkDriver,
    onCreated,
    wrapUpstream,
  };
}
