/**
 * `ALLOWED_LOCATION_IDS` (SPEC §9) on what names a charge point or an EVSE rather than a location:
 * the EVSE list of a charge point, and the `evseId` of a create. Where that charge point or EVSE is
 * comes from upstream (Charge Points / Read `data.locationId`; EVSE / Read `data.chargePointId`),
 * kept in the gateway's cache of public reads, so that it costs at most one upstream call per charge
 * point (and per EVSE) per `cacheTtlMs`; those calls pass the one upstream door like every other
 * (budget, pause). With `ALLOWED_LOCATION_IDS` unset nothing here asks upstream anything.
 */
import type { Context, Handler } from 'hono';
import { notFound, upstreamProblem } from './respond.js';
import { isObject, isPositiveInteger, type GatewayEnv } from './types.js';
import type { UpstreamOutcome } from './upstream.js';

export const CHARGE_POINTS = '/resources/charge-points/v2.0';
const EVSES = '/resources/evses/v2.1';

/** Where a charge point or an EVSE is, as upstream says: a location (`null`: none), unknown (404), or upstream's trouble. */
export type Whereabouts =
  | { readonly kind: 'at'; readonly locationId: number | null }
  | { readonly kind: 'unknown' }
  | { readonly kind: 'problem'; readonly outcome: UpstreamOutcome };

const positiveOrNull = (value: unknown): number | null => (isPositiveInteger(value) ? value : null);

/** `data[field]` of upstream's read of `path` (cached), as a positive id or `null`; or why not. */
async function readId(
  c: Context<GatewayEnv>,
  route: string,
  path: string,
  field: string,
): Promise<{ readonly kind: 'id'; readonly id: number | null } | Exclude<Whereabouts, { kind: 'at' }>> {
  const gateway = c.get('gateway');
  const outcome = await gateway.cache.get(`${path}?`, () =>
    gateway.upstream({ route, method: 'GET', path, query: '' }),
  );
  if (outcome.kind === 'response' && outcome.status === 404) return { kind: 'unknown' };
  const data = outcome.kind === 'response' && isObject(outcome.body) ? outcome.body['data'] : undefined;
  if (outcome.kind !== 'response' || outcome.status !== 200 || !isObject(data)) return { kind: 'problem', outcome };
  return { kind: 'id', id: positiveOrNull(data[field]) };
}

/** The location of charge point `chargePointId` (a validated id: the path's, as it is, or upstream's). */
export async function chargePointLocation(
  c: Context<GatewayEnv>,
  chargePointId: number | string,
): Promise<Whereabouts> {
  const read = await readId(c, 'charge-point-location', `${CHARGE_POINTS}/${chargePointId}`, 'locationId');
  return read.kind === 'id' ? { kind: 'at', locationId: read.id } : read;
}

/** The location of EVSE `evseId` (that of its charge point). */
export async function evseLocation(c: Context<GatewayEnv>, evseId: number): Promise<Whereabouts> {
  const read = await readId(c, 'evse-location', `${EVSES}/${evseId}`, 'chargePointId');
  if (read.kind !== 'id') return read;
  return read.id === null ? { kind: 'at', locationId: null } : chargePointLocation(c, read.id);
}

/** Whether `ALLOWED_LOCATION_IDS` lets `locationId` be read and booked (any, when unset). */
function isAllowedLocation(c: Context<GatewayEnv>, locationId: number | null): boolean {
  const allowed = c.get('gateway').allowedLocationIds;
  return allowed === null || (locationId !== null && allowed.has(locationId));
}

/**
 * `handler` (the EVSE list) only for a charge point at an allowed location: any other answers as a
 * charge point that does not exist does (the one 404), so that the answer says nothing of it.
 */
export function atAllowedLocation(handler: Handler<GatewayEnv>): Handler<GatewayEnv> {
  return async (c, next) => {
    if (c.get('gateway').allowedLocationIds === null) return handler(c, next);
    const chargePointId = c.req.param('id');
    if (chargePointId === undefined) return notFound(c);
    const where = await chargePointLocation(c, chargePointId);
    if (where.kind === 'problem') return upstreamProblem(c, where.outcome, { hideNotFound: true });
    if (where.kind === 'unknown' || !isAllowedLocation(c, where.locationId)) return notFound(c);
    return handler(c, next);
  };
}
