/**
 * Shared by the proxy tests in test/server: the proxy's origin and API base as the tests address
 * them, valid request bodies, the upstream allowlist of SPEC §4 and a seeded PRNG.
 */

/** The origin tests send requests to (the handler does not care which). */
export const PROXY = 'http://proxy.test';
/** Where the proxy serves the Ampeco Public API paths. */
export const BASE = `${PROXY}/api/ampeco`;

/** A GET of `path` below BASE. */
export function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${BASE}${path}`, { headers });
}

/** A POST of `body` (a string as it is, anything else as JSON) to `path` below BASE. */
export function post(
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Request {
  return new Request(`${BASE}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** A valid body for check-booking-availability. */
export const validAvailability = { startAfter: '2026-03-01T08:00:00Z', endBefore: '2026-03-02T08:00:00Z' };

/** The smallest valid body for creating a booking request (v2: the driver's email): the required fields only. */
export const minimalBooking = {
  type: 'create',
  email: 'driver@example.com',
  locationId: 7,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
};

/** A valid body for creating a booking request, as the widget sends it. */
export const validBooking = {
  ...minimalBooking,
  evseId: 15,
  externalId: '1b4e28ba-2fa1-11d2-883f-0016d3cca427',
};

/** What upstream may receive: method, path and the query parameters of each route (SPEC §4). */
export const ALLOWED_UPSTREAM: ReadonlyArray<readonly [string, RegExp, readonly string[]]> = [
  ['GET', /^\/public-api\/resources\/locations\/v2\.0\/[1-9]\d*$/, []],
  ['GET', /^\/public-api\/resources\/charge-points\/v2\.0$/, ['filter[locationId]', 'per_page', 'cursor']],
  ['GET', /^\/public-api\/resources\/charge-points\/v2\.0\/[1-9]\d*\/evses$/, ['include[]', 'per_page', 'cursor']],
  // Where a charge point or an EVSE is, under ALLOWED_LOCATION_IDS (server/charge-point-location.ts).
  ['GET', /^\/public-api\/resources\/charge-points\/v2\.0\/[1-9]\d*$/, []],
  ['GET', /^\/public-api\/resources\/evses\/v2\.1\/[1-9]\d*$/, []],
  ['POST', /^\/public-api\/actions\/locations\/v2\.0\/[1-9]\d*\/check-booking-availability$/, []],
  ['GET', /^\/public-api\/resources\/users\/v1\.0$/, ['filter[email]']],
  ['POST', /^\/public-api\/resources\/booking-requests\/v1\.0$/, []],
  ['GET', /^\/public-api\/resources\/booking-requests\/v1\.0$/, ['filter[externalId]']],
  ['GET', /^\/public-api\/resources\/booking-requests\/v1\.0\/[1-9]\d*$/, []],
  ['GET', /^\/public-api\/resources\/bookings\/v1\.0\/[1-9]\d*$/, []],
  [
    'GET',
    /^\/public-api\/resources\/bookings\/v1\.0$/,
    ['filter[userId]', 'filter[locationId]', 'filter[startAfter]', 'filter[startBefore]', 'per_page', 'cursor'],
  ],
];

/** mulberry32: a small seeded PRNG, so that a failure can be replayed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The words the proxy's routes are made of: the fuzz tests build paths from them and from junk. */
export const ROUTE_WORDS: readonly string[] = [
  'api',
  'ampeco',
  'resources',
  'actions',
  'locations',
  'charge-points',
  'evses',
  'users',
  'booking-requests',
  'bookings',
  'v1.0',
  'v2.0',
  'v2.1',
  'check-booking-availability',
];

/** Query parameter names the proxy knows (allowed on some route or refused on purpose). */
export const QUERY_KEYS: readonly string[] = [
  'filter[locationId]',
  'filter[email]',
  'filter[userId]',
  'filter[externalId]',
  'filter[startAfter]',
  'include[]',
  'include',
  'per_page',
  'cursor',
  'page',
  'url',
  'filter[status]',
];

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * A tiny Ampeco for handler tests: the user look-up finds `driver@example.com` (id "42"), a
 * create answers 201 with request 1 (pending), anything else `{"data": []}`.
 */
export function fakeAmpeco(call: { readonly url: URL; readonly method: string; readonly body: string }): Response {
  if (call.url.pathname.endsWith('/resources/users/v1.0')) {
    const email = call.url.searchParams.get('filter[email]')?.toLowerCase();
    return json({
      data: email === 'driver@example.com' ? [{ id: '42', email: 'driver@example.com', phone: '+359888' }] : [],
    });
  }
  if (call.method === 'POST' && call.url.pathname.endsWith('/resources/booking-requests/v1.0')) {
    const body = JSON.parse(call.body) as Record<string, unknown>;
    return json({ data: { id: 1, status: 'pending', ...body } }, 201);
  }
  return json({ data: [] });
}
