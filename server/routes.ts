/**
 * The gateway's whole public surface (SPEC §4, v2), as one table: method, path below the base
 * path (`:id` is a positive integer), allowed query, which limits slot applies (`read` or
 * `create`), the body it takes and the handler. Anything not in this table answers 404.
 *
 * Not in it on purpose (SPEC §9): user look-ups, lists of a driver's bookings, reads by id
 * without a capability (the handlers ask for it), `type: "update"` (refused by validation).
 */
import type { Handler, MiddlewareHandler } from 'hono';
import { ChargePointList, EvseList, LocationResponse, AvailabilityResponse } from '../src/api/schemas.js';
import { atAllowedLocation } from './charge-point-location.js';
import { findByExternalId, postBookingRequest, readBooking, readBookingRequest } from './bookings.js';
import { forwardTo } from './public-reads.js';
import type { QuerySpec } from './routes-query.js';
import type { GatewayEnv } from './types.js';
import { validAvailability, validBookingRequest } from './validation.js';

/**
 * Which limits slot a route is in: every call of §4 is a read (SPEC §9), except a create. The POST
 * of booking requests is either: a cancel (by its body's `type`) is a read, anything else there is
 * a create attempt, malformed, oversized or unknown ones included.
 */
export type RouteAccess = 'read' | 'create-or-cancel';

export interface RouteDefinition {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** Below the base path; the same path upstream (below its base), `:id` replaced by the id. */
  readonly path: string;
  readonly query: QuerySpec;
  readonly required: readonly string[];
  readonly access: RouteAccess;
  /** Validation of the JSON body (read by the body middleware first); POST routes only. */
  readonly validate?: (options: { readonly maxBookingMs: number }) => MiddlewareHandler<GatewayEnv>;
  readonly handler: Handler<GatewayEnv>;
}

/** Upstream's cursor, or page number for an upstream that numbers pages (kept in rewritten links). */
const PAGE: QuerySpec = { per_page: 'perPage', cursor: 'cursor', page: 'page' };

export const ROUTES: readonly RouteDefinition[] = [
  {
    name: 'location',
    method: 'GET',
    path: '/resources/locations/v2.0/:id',
    query: {},
    required: [],
    access: 'read',
    handler: forwardTo(LocationResponse, { cached: true }),
  },
  {
    name: 'charge-points',
    method: 'GET',
    path: '/resources/charge-points/v2.0',
    query: { 'filter[locationId]': 'id', ...PAGE },
    required: ['filter[locationId]'],
    access: 'read',
    handler: forwardTo(ChargePointList, { cached: true }),
  },
  {
    name: 'evses',
    method: 'GET',
    path: '/resources/charge-points/v2.0/:id/evses',
    query: { 'include[]': 'connectors', ...PAGE },
    required: [],
    access: 'read',
    // Its charge point's location is checked against ALLOWED_LOCATION_IDS first: one 404 for both.
    handler: atAllowedLocation(forwardTo(EvseList, { cached: true, hideNotFound: true })),
  },
  {
    name: 'availability',
    method: 'POST',
    path: '/actions/locations/v2.0/:id/check-booking-availability',
    query: {},
    required: [],
    access: 'read',
    validate: () => validAvailability,
    handler: forwardTo(AvailabilityResponse),
  },
  {
    name: 'booking-request-post',
    method: 'POST',
    path: '/resources/booking-requests/v1.0',
    query: {},
    required: [],
    access: 'create-or-cancel',
    validate: ({ maxBookingMs }) => validBookingRequest(maxBookingMs),
    handler: postBookingRequest,
  },
  {
    name: 'booking-request-by-external-id',
    method: 'GET',
    path: '/resources/booking-requests/v1.0',
    query: { 'filter[externalId]': 'uuid' },
    required: ['filter[externalId]'],
    access: 'read',
    handler: findByExternalId,
  },
  {
    name: 'booking-request',
    method: 'GET',
    path: '/resources/booking-requests/v1.0/:id',
    query: {},
    required: [],
    access: 'read',
    handler: readBookingRequest,
  },
  {
    name: 'booking',
    method: 'GET',
    path: '/resources/bookings/v1.0/:id',
    query: { 'include[]': 'bookedEvses' },
    required: [],
    access: 'read',
    handler: readBooking,
  },
];

/** The route's path as a Hono pattern: `:id` only matches a positive integer without leading zeros. */
export function honoPattern(basePath: string, route: RouteDefinition): string {
  return `${basePath}${route.path.replace(':id', ':id{[1-9][0-9]{0,15}}')}`;
}
