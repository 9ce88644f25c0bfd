/**
 * An in-memory Ampeco Public API: the operations of the booking flow (SPEC §4), answered as the
 * real API answers them (shapes checked against Ampeco's OpenAPI definitions by the tests).
 *
 * - Any host; paths under `/public-api`. Any non-empty `Authorization: Bearer` token is accepted.
 * - Seeded data (server/simulator/seed.ts): location 7 "Sofia Tech Park Garage" (Europe/Sofia) with
 *   charge points 101 and 102, location 8 (timezone null) with charge point 201, user
 *   `driver@example.com` (id "42") and `fleet@example.com` (id "43", owner of the seeded bookings).
 * - EVSEs are bookable around the clock; availability is every instant from now on that no
 *   booking of the EVSE takes.
 * - Booking requests are `pending` for `pendingMs`, then approved (a booking is made) or rejected
 *   with a `rejectionReason`; decided lazily on the next request, by the injected clock.
 */
import { Hono } from 'hono';
import { ceilToMinute, freeWindows } from './simulator/availability.js';
import {
  UNAUTHENTICATED_MESSAGE,
  errorMessage,
  json,
  notFound,
  queryList,
  readJsonObject,
  isoUtc,
  parseInstant,
  validationFailed,
} from './simulator/http.js';
import { cursorPage, numberedPage } from './simulator/pagination.js';
import { CHARGE_POINTS, EVSES, LOCATIONS, USERS, type EvseRecord } from './simulator/seed.js';
import { BookingStore } from './simulator/store.js';
import { validateAvailability, validateBookingRequest, type Records } from './simulator/validation.js';
import {
  bookingRequestView,
  bookingView,
  chargePointView,
  evseView,
  locationView,
  userView,
} from './simulator/views.js';

export interface SimulatorOptions {
  /** The clock, epoch milliseconds; `Date.now` by default. */
  now?: () => number;
  /** How long a booking request stays pending, in milliseconds (default 1500). */
  pendingMs?: number;
}

export interface Simulator {
  /** Answers one request to `…/public-api/…`, as Ampeco would. */
  fetch(request: Request): Promise<Response>;
  /** Forgets every booking and request made, and seeds the bookings again relative to now. */
  reset(): void;
}

export const DEFAULT_PENDING_MS = 1500;
export { REJECTION_REASONS } from './simulator/store.js';

const API_PREFIX = '/public-api';

interface Context {
  request: Request;
  url: URL;
  now: number;
  store: BookingStore;
  /** The id in the path, when the route has one. */
  id: number;
}

interface Route {
  method: 'GET' | 'POST';
  /** Below `/public-api`, in Hono's syntax: `:id` is a number. */
  path: string;
  handle(context: Context): Response | Promise<Response>;
}

/** The same kind of declarative table, and the same router, as the gateway's (server/routes.ts). */
const routes: readonly Route[] = [
  { method: 'GET', path: '/resources/locations/v2.0/:id', handle: readLocation },
  { method: 'GET', path: '/resources/charge-points/v2.0', handle: listChargePoints },
  { method: 'GET', path: '/resources/charge-points/v2.0/:id', handle: readChargePoint },
  { method: 'GET', path: '/resources/charge-points/v2.0/:id/evses', handle: listEvses },
  { method: 'GET', path: '/resources/evses/v2.1/:id', handle: readEvse },
  { method: 'POST', path: '/actions/locations/v2.0/:id/check-booking-availability', handle: checkAvailability },
  { method: 'GET', path: '/resources/users/v1.0', handle: listUsers },
  { method: 'GET', path: '/resources/booking-requests/v1.0', handle: listBookingRequests },
  { method: 'POST', path: '/resources/booking-requests/v1.0', handle: createBookingRequest },
  { method: 'GET', path: '/resources/booking-requests/v1.0/:id', handle: readBookingRequest },
  { method: 'GET', path: '/resources/bookings/v1.0', handle: listBookings },
  { method: 'GET', path: '/resources/bookings/v1.0/:id', handle: readBooking },
];

const honoPath = (path: string): string => `${API_PREFIX}${path.replace(':id', ':id{[0-9]+}')}`;

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const now = options.now ?? Date.now;
  const pendingMs = options.pendingMs ?? DEFAULT_PENDING_MS;
  let store = new BookingStore(now(), pendingMs);

  // Not strict: Ampeco answers `…/v2.0/7/` like `…/v2.0/7`.
  const app = new Hono({ strict: false });
  for (const route of routes) {
    app.on(route.method, honoPath(route.path), (c) => {
      if (!/^Bearer\s+\S+/i.test(c.req.header('authorization') ?? '')) {
        return errorMessage(401, UNAUTHENTICATED_MESSAGE);
      }
      const at = now();
      store.settle(at);
      const id = Number(c.req.param('id') ?? Number.NaN);
      return route.handle({ request: c.req.raw, url: new URL(c.req.url), now: at, store, id });
    });
  }
  // A known path asked with another method: 405 with the methods it has, as Laravel answers.
  for (const path of new Set(routes.map((route) => route.path))) {
    const allow = routes.filter((route) => route.path === path).map((route) => route.method);
    app.all(honoPath(path), (c) =>
      errorMessage(405, `The ${c.req.method} method is not supported for this route.`, { allow: allow.join(', ') }),
    );
  }
  app.notFound(() => notFound());

  return {
    async fetch(request: Request): Promise<Response> {
      return app.fetch(request);
    },
    reset(): void {
      store = new BookingStore(now(), pendingMs);
    },
  };
}

function findById<T extends { id: number }>(records: readonly T[], id: number): T | undefined {
  return records.find((record) => record.id === id);
}

function readLocation({ id }: Context): Response {
  const location = findById(LOCATIONS, id);
  return location === undefined ? notFound() : json(200, { data: locationView(location) });
}

function listChargePoints({ url }: Context): Response {
  const matching = CHARGE_POINTS.filter((chargePoint) => matchesFilter(url, 'locationId', chargePoint.locationId));
  const page = cursorPage(matching, url);
  return json(200, { ...page, data: page.data.map(chargePointView) });
}

/** Charge Points / Read: the charge point as the listing shows it (the gateway reads its `locationId`). */
function readChargePoint({ id }: Context): Response {
  const chargePoint = findById(CHARGE_POINTS, id);
  return chargePoint === undefined ? notFound() : json(200, { data: chargePointView(chargePoint) });
}

function listEvses({ url, id }: Context): Response {
  if (findById(CHARGE_POINTS, id) === undefined) return notFound();
  const withConnectors = queryList(url, 'include').includes('connectors');
  const page = cursorPage(
    EVSES.filter((evse) => evse.chargePointId === id),
    url,
  );
  return json(200, { ...page, data: page.data.map((evse) => evseView(evse, withConnectors)) });
}

/** EVSE / Read (v2.1): the EVSE as its charge point's list shows it, with its `chargePointId`. */
function readEvse({ url, id }: Context): Response {
  const evse = findById(EVSES, id);
  if (evse === undefined) return notFound();
  const withConnectors = queryList(url, 'include').includes('connectors');
  return json(200, { data: { chargePointId: evse.chargePointId, ...evseView(evse, withConnectors) } });
}

/**
 * For each EVSE of the location open to bookings, the windows of `[startAfter, endBefore]` that
 * are not in the past and that no booking takes. Disabled and out-of-order EVSEs have none.
 */
async function checkAvailability({ request, now, store, id }: Context): Promise<Response> {
  if (findById(LOCATIONS, id) === undefined) return notFound();
  const body = await readJsonObject(request);
  if (body === undefined) return errorMessage(400, 'The request body is not valid JSON.');
  const input = validateAvailability(body);
  if (!input.ok) return validationFailed(input.errors);
  const range = { start: Math.max(input.value.startAfter, ceilToMinute(now)), end: input.value.endBefore };
  const data = EVSES.filter((evse) => evse.locationId === id && evse.bookingEnabled).map((evse) => ({
    evseId: evse.id,
    availableSlots:
      evse.status === 'enabled'
        ? freeWindows(range, store.busy(evse.id)).map((window) => ({
            startAt: isoUtc(window.start),
            endAt: isoUtc(window.end),
          }))
        : [],
  }));
  return json(200, { data });
}

function listUsers({ url }: Context): Response {
  const email = url.searchParams.get('filter[email]');
  const matching = USERS.filter((user) => email === null || user.email.toLowerCase() === email.trim().toLowerCase());
  const page = numberedPage(matching, url);
  return json(200, { ...page, data: page.data.map(userView) });
}

function recordsOf(store: BookingStore): Records {
  return {
    hasUser: (id) => USERS.some((user) => user.id === String(id)),
    hasLocation: (id) => findById(LOCATIONS, id) !== undefined,
    evseLocation: (id) => findById(EVSES, id)?.locationId,
    hasBooking: (id) => store.booking(id) !== undefined,
    hasExternalId: (externalId) => store.allRequests().some((request) => request.input.externalId === externalId),
  };
}

async function createBookingRequest({ request, now, store }: Context): Promise<Response> {
  const body = await readJsonObject(request);
  if (body === undefined) return errorMessage(400, 'The request body is not valid JSON.');
  const input = validateBookingRequest(body, recordsOf(store), now);
  if (!input.ok) return validationFailed(input.errors);
  return json(201, { data: bookingRequestView(store.submit(input.value, now)) });
}

/** Whether a query filter is absent or equal to `value` (`filter[userId]=42`). */
function matchesFilter(url: URL, name: string, value: string | number | undefined): boolean {
  const wanted = url.searchParams.get(`filter[${name}]`);
  return wanted === null || (value !== undefined && String(value) === wanted);
}

/**
 * Whether a start is inside `filter[startAfter]` … `filter[startBefore]` where given (inclusive,
 * so that a client can ask for the bookings starting exactly at an instant). An unreadable date
 * matches nothing. The filter is read once per request, then applied to each record.
 */
function startsWithin(url: URL): (startAt: number | undefined) => boolean {
  const after = url.searchParams.get('filter[startAfter]');
  const before = url.searchParams.get('filter[startBefore]');
  if (after === null && before === null) return () => true;
  const from = after === null ? -Infinity : (parseInstant(after) ?? Number.NaN);
  const to = before === null ? Infinity : (parseInstant(before) ?? Number.NaN);
  return (startAt) => startAt !== undefined && startAt >= from && startAt <= to;
}

function listBookingRequests({ url, store }: Context): Response {
  const starts = startsWithin(url);
  const matching = store.allRequests().filter((record) => {
    const view = bookingRequestView(record);
    return (
      ['externalId', 'userId', 'locationId', 'status'].every((name) =>
        matchesFilter(url, name, view[name] as string | number | undefined),
      ) && starts('startAt' in record.input ? record.input.startAt : undefined)
    );
  });
  const page = cursorPage(matching, url);
  return json(200, { ...page, data: page.data.map(bookingRequestView) });
}

function readBookingRequest({ store, id }: Context): Response {
  const record = store.request(id);
  return record === undefined ? notFound() : json(200, { data: bookingRequestView(record) });
}

function evseOf(evseId: number): EvseRecord | undefined {
  return findById(EVSES, evseId);
}

function listBookings({ url, store }: Context): Response {
  const starts = startsWithin(url);
  const matching = store
    .allBookings()
    .filter(
      (booking) =>
        matchesFilter(url, 'userId', booking.userId) &&
        matchesFilter(url, 'locationId', booking.locationId) &&
        matchesFilter(url, 'status', booking.status) &&
        starts(booking.startAt),
    );
  const page = cursorPage(matching, url);
  return json(200, { ...page, data: page.data.map((booking) => bookingView(booking, evseOf(booking.evseId), false)) });
}

function readBooking({ url, store, id }: Context): Response {
  const booking = store.booking(id);
  if (booking === undefined) return notFound();
  const withBookedEvses = queryList(url, 'include').includes('bookedEvses');
  return json(200, { data: bookingView(booking, evseOf(booking.evseId), withBookedEvses) });
}
