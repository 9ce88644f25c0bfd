/**
 * What the gateway asks upstream on the client's behalf, and never lets the client ask itself:
 * the driver behind an email (SPEC §4 step 5, Ampeco's user look-up) and the booking an approved
 * request made when upstream leaves `bookingId` out.
 */
import type { Context } from 'hono';
import { isObject, isPositiveInteger, type GatewayEnv, type JsonObject } from './types.js';
import type { UpstreamOutcome } from './upstream.js';

export type DriverLookup =
  | { readonly kind: 'found'; readonly userId: number }
  | { readonly kind: 'none' }
  | { readonly kind: 'problem'; readonly outcome: UpstreamOutcome };

const USER_ID = /^[1-9]\d{0,15}$/;

/** The one account whose email is exactly `email`, compared case-insensitively. */
export async function findDriver(c: Context<GatewayEnv>, email: string): Promise<DriverLookup> {
  const outcome = await c.get('gateway').upstream({
    route: 'driver-lookup',
    method: 'GET',
    path: '/resources/users/v1.0',
    query: new URLSearchParams({ 'filter[email]': email }).toString(),
  });
  if (outcome.kind !== 'response' || outcome.status !== 200) return { kind: 'problem', outcome };
  const data = isObject(outcome.body) ? outcome.body['data'] : undefined;
  if (!Array.isArray(data)) return { kind: 'problem', outcome: { kind: 'failed', detail: 'users: no data list' } };
  const wanted = email.toLowerCase();
  const matches = data.filter(
    (user) => isObject(user) && typeof user['email'] === 'string' && user['email'].toLowerCase() === wanted,
  );
  if (matches.length !== 1) return { kind: 'none' };
  const id = (matches[0] as JsonObject)['id'];
  const text = typeof id === 'number' || typeof id === 'string' ? String(id) : '';
  if (!USER_ID.test(text) || !Number.isSafeInteger(Number(text))) return { kind: 'none' };
  return { kind: 'found', userId: Number(text) };
}

const createdAtOf = (record: JsonObject): number =>
  typeof record['createdAt'] === 'string' ? Date.parse(record['createdAt']) : Number.NaN;

/** Of the bookings of a request's slot, the one it made (see `withBookingId`), or `undefined`. */
function madeBy(request: JsonObject, sameSlot: readonly JsonObject[]): JsonObject | undefined {
  const requested = createdAtOf(request);
  if (Number.isNaN(requested)) return sameSlot.find((booking) => booking['status'] !== 'cancelled');
  let first: JsonObject | undefined;
  for (const booking of sameSlot) {
    const created = createdAtOf(booking);
    if (created >= requested && (first === undefined || created < createdAtOf(first))) first = booking;
  }
  return first;
}

/**
 * `request` with its `bookingId` when it is an approved create whose `bookingId` upstream left
 * out: the booking of the same driver, location, EVSE and time, looked up upstream. When the
 * request names its `createdAt`, the first booking created at or after it, whatever its status
 * (an old request's capability never follows a newer booking of the same slot, even once its own
 * is cancelled); otherwise one not cancelled. Unchanged when no such booking is found.
 */
export async function withBookingId(c: Context<GatewayEnv>, request: JsonObject): Promise<JsonObject> {
  if (request['status'] !== 'approved' || isPositiveInteger(request['bookingId'])) return request;
  if (request['type'] !== undefined && request['type'] !== null && request['type'] !== 'create') return request;
  const { userId, locationId, startAt, endAt, evseId } = request;
  if (
    !isPositiveInteger(userId) ||
    !isPositiveInteger(locationId) ||
    typeof startAt !== 'string' ||
    typeof endAt !== 'string'
  ) {
    return request;
  }
  const start = Date.parse(startAt);
  const end = Date.parse(endAt);
  if (Number.isNaN(start) || Number.isNaN(end)) return request;
  const instant = new Date(start).toISOString().replace('.000Z', 'Z');
  const outcome = await c.get('gateway').upstream({
    route: 'booking-id-lookup',
    method: 'GET',
    path: '/resources/bookings/v1.0',
    query: new URLSearchParams({
      'filter[userId]': String(userId),
      'filter[locationId]': String(locationId),
      'filter[startAfter]': instant,
      'filter[startBefore]': instant,
    }).toString(),
  });
  if (outcome.kind !== 'response' || outcome.status !== 200 || !isObject(outcome.body)) return request;
  const bookings = outcome.body['data'];
  if (!Array.isArray(bookings)) return request;
  const sameSlot = bookings.filter((item): item is JsonObject => {
    if (!isObject(item)) return false;
    const bookedEvse = isObject(item['evse']) ? item['evse']['id'] : item['evseId'];
    return (
      Date.parse(String(item['startAt'])) === start &&
      Date.parse(String(item['endAt'])) === end &&
      (!isPositiveInteger(evseId) || bookedEvse === undefined || bookedEvse === evseId)
    );
  });
  const bookingId = madeBy(request, sameSlot)?.['id'];
  return isPositiveInteger(bookingId) ? { ...request, bookingId } : request;
}

export type ExternalIdLookup =
  | { readonly kind: 'found'; readonly request: JsonObject }
  | { readonly kind: 'none' }
  | { readonly kind: 'problem'; readonly outcome: UpstreamOutcome }
  | { readonly kind: 'bad'; readonly detail: string };

/** The booking request upstream holds with exactly this `externalId` (a validated UUID), if any. */
export async function findByExternalIdUpstream(
  c: Context<GatewayEnv>,
  externalId: string,
  route: string,
): Promise<ExternalIdLookup> {
  const outcome = await c.get('gateway').upstream({
    route,
    method: 'GET',
    path: '/resources/booking-requests/v1.0',
    query: new URLSearchParams({ 'filter[externalId]': externalId }).toString(),
  });
  if (outcome.kind !== 'response' || outcome.status !== 200) return { kind: 'problem', outcome };
  const list = isObject(outcome.body) ? outcome.body['data'] : undefined;
  if (!Array.isArray(list)) return { kind: 'bad', detail: 'booking requests without a data list' };
  const match = list.find((item) => isObject(item) && item['externalId'] === externalId);
  return isObject(match) ? { kind: 'found', request: match } : { kind: 'none' };
}
