/**
 * The booking requests and bookings of SPEC §4 steps 5–8 and §9: create by email, the look-up by
 * `externalId`, reads and cancel under a capability (forwarded only while the booking is active,
 * and only under the capability of the create). Every refusal to read is the same 404,
 * whether the capability is missing, forged, expired, another booking's or the id unknown.
 */
import type { Context, Handler } from 'hono';
import { BookingRequest, BookingRequestResponse, BookingResponse } from '../src/api/booking-schemas.js';
import { findByExternalIdUpstream, findDriver, withBookingId } from './booking-lookups.js';
import { madeAnother, rememberBooking } from './bookings-made.js';
import { asOnlyCancel, claimExternalId, sentUnderClaim } from './external-id-claim.js';
import { CAPABILITY_GRACE_MS, type CapabilityClaims } from './capability.js';
import { notePendingCancel, pendingCancelOf } from './pending-cancels.js';
import { reduceToSchema } from './reduce.js';
import { requestHeader } from './request-header.js';
import { badUpstream, notFound, sendJson, upstreamProblem } from './respond.js';
import { attemptOf } from './runtime.js';
import { isObject, isPositiveInteger, type GatewayEnv, type Json, type JsonObject } from './types.js';
import type { UpstreamOutcome } from './upstream.js';
import { INVALID_DATA, type CancelBookingBody, type CreateBookingBody } from './validation.js';

export const CAPABILITY_HEADER = 'x-booking-capability' as const;
const REQUESTS = '/resources/booking-requests/v1.0';
const BOOKINGS = '/resources/bookings/v1.0';

/** The `data` object of a 2xx upstream answer, or `null`. */
function dataOf(outcome: UpstreamOutcome): JsonObject | null {
  if (outcome.kind !== 'response' || outcome.status < 200 || outcome.status > 299) return null;
  const data = isObject(outcome.body) ? outcome.body['data'] : undefined;
  return isObject(data) ? data : null;
}

/** Whether a record upstream belongs to the capability's driver and location (where it says). */
function belongsTo(record: JsonObject, claims: CapabilityClaims): boolean {
  const sameOrUnset = (value: Json | undefined, expected: number): boolean =>
    value === undefined || value === null || value === expected;
  return sameOrUnset(record['userId'], claims.userId) && sameOrUnset(record['locationId'], claims.locationId);
}

async function verifiedClaims(c: Context<GatewayEnv>): Promise<CapabilityClaims | null> {
  const gateway = c.get('gateway');
  return gateway.capabilities.verify(requestHeader(c, CAPABILITY_HEADER), gateway.now());
}

/** Until a day after the booking's end (a day from now when the request has no readable end). */
function expiryOf(request: JsonObject, now: number): number {
  const end = typeof request['endAt'] === 'string' ? Date.parse(request['endAt']) : Number.NaN;
  return (Number.isNaN(end) ? now : end) + CAPABILITY_GRACE_MS;
}

/** `{data: request, meta: {capability}}` for a request the capability `claims` stand for. */
async function withCapability(
  c: Context<GatewayEnv>,
  request: JsonObject,
  claims: Omit<CapabilityClaims, 'requestId'>,
): Promise<JsonObject> {
  const requestId = request['id'];
  if (!isPositiveInteger(requestId)) throw new TypeError('a booking request without an id');
  const capability = await c.get('gateway').capabilities.issue({ ...claims, requestId });
  return { data: reduceToSchema(BookingRequest, request), meta: { capability } };
}

/** The request a capability names, as upstream has it now (with its `bookingId` ensured), or why not. */
async function requestOf(
  c: Context<GatewayEnv>,
  claims: CapabilityClaims,
): Promise<{ request: JsonObject } | { problem: UpstreamOutcome | null }> {
  const outcome = await c.get('gateway').upstream({
    route: c.get('route'),
    method: 'GET',
    path: `${REQUESTS}/${claims.requestId}`,
    query: '',
  });
  const request = dataOf(outcome);
  if (request === null) return { problem: outcome.kind === 'response' && outcome.status === 200 ? null : outcome };
  if (!belongsTo(request, claims)) return { problem: null };
  const withBooking = await withBookingId(c, request);
  rememberBooking(c, claims.requestId, withBooking['bookingId']);
  return { request: withBooking };
}

/** GET booking-requests/{id} with the request's capability (SPEC §4 step 6). */
export const readBookingRequest: Handler<GatewayEnv> = async (c) => {
  const claims = await verifiedClaims(c);
  if (claims === null || String(claims.requestId) !== c.req.param('id')) return notFound(c);
  const found = await requestOf(c, claims);
  if ('problem' in found) {
    return found.problem === null ? notFound(c) : upstreamProblem(c, found.problem, { hideNotFound: true });
  }
  return sendJson(c, 200, reduceToSchema(BookingRequestResponse, { data: found.request }) as JsonObject);
};

/** GET bookings/{id} with the capability of the request that made (or cancelled) it (SPEC §4 step 7). */
export const readBooking: Handler<GatewayEnv> = async (c) => {
  const claims = await verifiedClaims(c);
  if (claims === null || madeAnother(c, claims, c.req.param('id'))) return notFound(c);
  const found = await requestOf(c, claims);
  if ('problem' in found) {
    return found.problem === null ? notFound(c) : upstreamProblem(c, found.problem, { hideNotFound: true });
  }
  if (String(found.request['bookingId']) !== c.req.param('id')) return notFound(c);
  const outcome = await c.get('gateway').upstream({
    route: c.get('route'),
    method: 'GET',
    path: `${BOOKINGS}/${c.req.param('id')}`,
    query: c.get('query').toString(),
  });
  const booking = dataOf(outcome);
  if (booking === null) {
    return outcome.kind === 'response' && outcome.status === 200
      ? badUpstream(c, 'booking without data')
      : upstreamProblem(c, outcome, { hideNotFound: true });
  }
  if (!belongsTo(booking, claims)) return notFound(c);
  return sendJson(c, 200, reduceToSchema(BookingResponse, { data: booking }) as JsonObject);
};

/** GET booking-requests?filter[externalId]=<uuid>: the client's own lost answer, found again. */
export const findByExternalId: Handler<GatewayEnv> = async (c) => {
  const gateway = c.get('gateway');
  const externalId = c.get('query').get('filter[externalId]') ?? '';
  const found = await findByExternalIdUpstream(c, externalId, c.get('route'));
  if (found.kind === 'problem') return upstreamProblem(c, found.outcome);
  if (found.kind === 'bad') return badUpstream(c, found.detail);
  if (found.kind === 'none') return sendJson(c, 200, { data: [] });
  const { userId, locationId } = found.request;
  if (!isPositiveInteger(userId) || !isPositiveInteger(locationId))
    return badUpstream(c, 'booking request without driver or location');
  const request = await withBookingId(c, found.request);
  const answer = await withCapability(c, request, {
    userId,
    locationId,
    expiresAt: expiryOf(request, gateway.now()),
  });
  return sendJson(c, 200, { data: [answer['data'] ?? null], meta: answer['meta'] ?? null });
};

const noAccount = (email: string): JsonObject => ({
  message: INVALID_DATA,
  errors: { email: [`No driver account matches ${email}. Sign up in the driver app first.`] },
  reason: 'no-account',
});

async function create(c: Context<GatewayEnv>, body: CreateBookingBody): Promise<Response> {
  const gateway = c.get('gateway');
  const email = c.get('driverEmail') ?? body.email;
  const attempt = attemptOf(body, email);
  const refusal = (await gateway.checkCreate?.(c, attempt)) ?? null;
  if (refusal !== null) return refusal;
  const driver = await findDriver(c, email);
  if (driver.kind === 'problem') return upstreamProblem(c, driver.outcome);
  if (driver.kind === 'none') return sendJson(c, 422, noAccount(email));
  const driverRefusal = (await gateway.checkDriver?.(c, { ...attempt, userId: driver.userId })) ?? null;
  if (driverRefusal !== null) return driverRefusal;
  const claim = body.externalId === undefined ? null : await claimExternalId(c, body.externalId);
  if (claim instanceof Response) return claim;
  const send = (): Promise<UpstreamOutcome> =>
    gateway.upstream({
      route: c.get('route'),
      method: 'POST',
      path: REQUESTS,
      query: '',
      body: {
        type: 'create',
        userId: driver.userId,
        locationId: body.locationId,
        startAt: body.startAt,
        endAt: body.endAt,
        ...(body.evseId === undefined ? {} : { evseId: body.evseId }),
        ...(body.externalId === undefined ? {} : { externalId: body.externalId }),
      },
    });
  const outcome = claim === null ? await send() : await sentUnderClaim(c, claim, send);
  const request = dataOf(outcome);
  if (request === null) {
    return outcome.kind === 'response' && outcome.status < 300
      ? badUpstream(c, 'created request without data')
      : upstreamProblem(c, outcome);
  }
  if (!isPositiveInteger(request['id'])) return badUpstream(c, 'created request without an id');
  await gateway.onCreated?.(c, request['id'], body.endAt);
  const answer = await withCapability(c, request, {
    userId: driver.userId,
    locationId: body.locationId,
    expiresAt: Date.parse(body.endAt) + CAPABILITY_GRACE_MS,
  });
  return sendJson(c, 201, answer);
}

/** Bookings a cancel may still end (the OpenAPI's booking statuses): not cancelled, completed, … */
const CANCELLABLE = new Set<Json>(['accepted', 'reserved']);

const notCancellable = (why: string): JsonObject => ({
  message: INVALID_DATA,
  errors: { bookingId: [why] },
  reason: 'not-cancellable',
});

async function cancel(c: Context<GatewayEnv>, body: CancelBookingBody): Promise<Response> {
  const claims = await verifiedClaims(c);
  if (claims === null || madeAnother(c, claims, body.bookingId)) return notFound(c);
  const found = await requestOf(c, claims);
  if ('problem' in found) {
    return found.problem === null ? notFound(c) : upstreamProblem(c, found.problem, { hideNotFound: true });
  }
  if (found.request['bookingId'] !== body.bookingId) return notFound(c);
  // A cancel request's capability polls that cancel; only the create's may ask for one.
  if (found.request['type'] === 'cancel') {
    return sendJson(c, 422, notCancellable('Cancel with the capability of the request that made the booking.'));
  }
  const answer = await asOnlyCancel(c, body.bookingId, () => pendingOrNewCancel(c, body, claims));
  return answer ?? sendJson(c, 422, notCancellable('A cancel of this booking is already on its way.'));
}

/** The cancel of this booking still pending upstream, answered again (server/pending-cancels.ts); else a new one. */
async function pendingOrNewCancel(
  c: Context<GatewayEnv>,
  body: CancelBookingBody,
  claims: CapabilityClaims,
): Promise<Response> {
  const pending = await pendingCancelOf(c, body.bookingId, (requestId) => requestOf(c, { ...claims, requestId }));
  if (pending.kind === 'problem') return upstreamProblem(c, pending.outcome, { hideNotFound: true });
  return pending.kind === 'pending' ? cancelAnswer(c, pending.request, claims) : sendCancel(c, body, claims);
}

/** `201 {data, meta: {capability}}` for a cancel request, its capability bound like the booking's. */
async function cancelAnswer(c: Context<GatewayEnv>, request: JsonObject, claims: CapabilityClaims): Promise<Response> {
  const { userId, locationId, expiresAt } = claims;
  return sendJson(c, 201, await withCapability(c, request, { userId, locationId, expiresAt }));
}

/** The cancel of a booking the capability `claims` may cancel, sent only while the booking is active. */
async function sendCancel(
  c: Context<GatewayEnv>,
  body: CancelBookingBody,
  claims: CapabilityClaims,
): Promise<Response> {
  // Only a booking still active is cancelled: a repeated cancel must not reach upstream again.
  const current = await c.get('gateway').upstream({
    route: c.get('route'),
    method: 'GET',
    path: `${BOOKINGS}/${body.bookingId}`,
    query: '',
  });
  const booking = dataOf(current);
  if (booking === null) {
    return current.kind === 'response' && current.status === 200
      ? badUpstream(c, 'booking without data')
      : upstreamProblem(c, current, { hideNotFound: true });
  }
  if (!belongsTo(booking, claims)) return notFound(c);
  if (!CANCELLABLE.has(booking['status'] ?? null)) {
    return sendJson(c, 422, notCancellable('This booking is no longer active.'));
  }
  const outcome = await c.get('gateway').upstream({
    route: c.get('route'),
    method: 'POST',
    path: REQUESTS,
    query: '',
    body: { type: 'cancel', bookingId: body.bookingId },
  });
  const request = dataOf(outcome);
  if (request === null) {
    return outcome.kind === 'response' && outcome.status < 300
      ? badUpstream(c, 'cancel request without data')
      : upstreamProblem(c, outcome, { hideNotFound: true });
  }
  if (!isPositiveInteger(request['id'])) return badUpstream(c, 'cancel request without an id');
  if (request['status'] === 'pending') await notePendingCancel(c, body.bookingId, request['id']);
  return cancelAnswer(c, request, claims);
}

/** POST booking-requests: `type: "create"` (by email) or `"cancel"` (under the booking's capability). */
export const postBookingRequest: Handler<GatewayEnv> = async (c) => {
  const body = c.get('body');
  return isObject(body) && body['type'] === 'cancel'
    ? cancel(c, body as unknown as CancelBookingBody)
    : create(c, body as unknown as CreateBookingBody);
};
