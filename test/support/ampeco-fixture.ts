/**
 * An Ampeco Public API behind the proxy path, as msw handlers, for the widget's browser tests.
 * Small fixed data: location 7 in Europe/Sofia and location 8 without a timezone, two charge points
 * over two pages, four EVSEs. Record what the widget sent with `recordRequests` from `./msw.js`.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export const API = '/api/ampeco';
const HOUR = 3_600_000;

export interface FixtureOptions {
  /** Emails with a driver account and their user ids (the gateway looks the driver up itself). */
  users?: Record<string, number>;
  /** What the polled request becomes after `pendingPolls` reads. */
  outcome?: 'approved' | 'rejected';
  rejectionReason?: string;
  /** How many reads of the request still answer `pending`. */
  pendingPolls?: number;
  /** Whether the approved request carries `bookingId` (the v2 gateway makes sure it does). */
  withBookingId?: boolean;
  /** The first create POST is stored but its answer is lost (a dropped connection). */
  loseCreateResponse?: boolean;
  /** A request that already exists (pending), e.g. from before a page reload; its capability is `cap-<id>`. */
  existingRequest?: Record<string, unknown>;
  /** Overrides of location 7's fields. */
  location?: Record<string, unknown>;
  /** The EVSE the booking holds (its `bookedEvses`); default: the requested one. */
  bookedEvseId?: number;
}

/** The capability the fixture's gateway gives the booking request `id` (and reads its booking with). */
/**
 * The look-up by `externalId` answers 500 until `recover()`: a create whose fate stays unknown for a
 * while. Put `handler` before the fixture's own (`worker.use(lookups.handler)`).
 */
export function failingLookups(): { handler: HttpHandler; recover(): void } {
  let failing = true;
  return {
    handler: http.get(`${API}/resources/booking-requests/v1.0`, () =>
      failing ? HttpResponse.json({ message: 'Server Error' }, { status: 500 }) : undefined,
    ),
    recover: () => void (failing = false),
  };
}

/** A create as the widget sends it (SPEC §4 step 6): the driver's email, a port, an hour, its externalId. */
export const CREATE_BODY = {
  type: 'create' as const,
  email: 'driver@example.com',
  locationId: 7,
  evseId: 15,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
  externalId: '0d6f7a52-2f7c-4c1e-9a53-1a0c7c1f7f10',
};

export const capabilityOf = (id: number): string => `cap-${id}`;
export const CAPABILITY_HEADER = 'X-Booking-Capability';

/** A 404 as the gateway answers a read without the right capability: it never confirms an id exists. */
const notFound = (): Response => HttpResponse.json({ message: 'The record is not found' }, { status: 404 });

const LOCATIONS: Record<number, Record<string, unknown>> = {
  7: {
    name: [
      { locale: 'en', translation: 'Tech Park Garage' },
      { locale: 'bg', translation: 'Гараж Тех Парк' },
    ],
    timezone: 'Europe/Sofia',
    address: [
      { locale: 'en', translation: '111B Tsarigradsko Shose Blvd' },
      { locale: 'bg', translation: 'бул. Цариградско шосе 111Б' },
    ],
    city: 'Sofia',
  },
  8: { name: [{ locale: 'en', translation: 'Harbour Hotel' }], timezone: null },
};

const evse = (id: number, label: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id,
  physicalReference: `PR-${id}`,
  label,
  currentType: 'ac',
  networkId: String(id),
  status: 'enabled',
  bookingEnabled: true,
  powerOptions: { maxPower: 22000 },
  connectors: [{ id: id * 10, type: 'type2' }],
  ...extra,
});

export const EVSES: Record<number, Record<string, unknown>[]> = {
  101: [
    evse(1001, 'Port A'),
    evse(1002, 'Port B', { status: 'out of order' }),
    evse(1003, 'Port X', { bookingEnabled: false }),
  ],
  102: [
    evse(1004, 'Port C', {
      currentType: 'dc',
      powerOptions: { maxPower: 150000 },
      connectors: [{ id: 1, type: 'ccs2' }],
    }),
  ],
};

/** The first whole hour at least two hours from now: the first slot tests pick. */
export function firstSlotStart(now = Date.now()): number {
  return Math.ceil(now / HOUR) * HOUR + 2 * HOUR;
}

export function createAmpecoFixture(options: FixtureOptions = {}): HttpHandler[] {
  const users = options.users ?? { 'driver@example.com': 42 };
  let polls = 0;
  let created: Record<string, unknown> | null = options.existingRequest ?? null;
  let cancelRequest: Record<string, unknown> | null = null;
  let cancelled = false;
  let lose = options.loseCreateResponse ?? false;
  const opens = (request: Request, id: unknown): boolean =>
    request.headers.get(CAPABILITY_HEADER) === capabilityOf(Number(id));

  return [
    http.get(`${API}/resources/locations/v2.0/:id`, ({ params }) => {
      const id = Number(params.id);
      const location = LOCATIONS[id];
      return location
        ? HttpResponse.json({ data: { id, ...location, ...(id === 7 ? options.location : {}) } })
        : notFound();
    }),
    http.get(`${API}/resources/charge-points/v2.0`, ({ request }) => {
      const query = new URL(request.url).searchParams;
      const locationId = Number(query.get('filter[locationId]'));
      const cursor = query.get('cursor');
      return cursor === 'p2'
        ? HttpResponse.json({ data: [{ id: 102, name: 'CP 2', locationId }], links: { next: null } })
        : HttpResponse.json({
            data: [{ id: 101, name: 'CP 1', locationId }],
            links: {
              next: `${location.origin}${API}/resources/charge-points/v2.0?filter[locationId]=${locationId}&cursor=p2`,
            },
          });
    }),
    http.get(`${API}/resources/charge-points/v2.0/:cp/evses`, ({ params }) =>
      HttpResponse.json({ data: EVSES[Number(params.cp)] ?? [], links: { next: null } }),
    ),
    http.post(`${API}/actions/locations/v2.0/:id/check-booking-availability`, async ({ request }) => {
      const body = (await request.json()) as { startAfter: string; endBefore: string };
      const from = firstSlotStart();
      const window = { startAt: new Date(from).toISOString(), endAt: new Date(from + 6 * HOUR).toISOString() };
      const windows = Date.parse(body.startAfter) < from + 6 * HOUR ? [window] : [];
      return HttpResponse.json({
        data: [1001, 1002, 1004].map((evseId) => ({ evseId, availableSlots: windows })),
      });
    }),
    http.post(`${API}/resources/booking-requests/v1.0`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      if (body.type === 'cancel') {
        if (!created || !opens(request, created.id)) return notFound();
        cancelRequest = { id: 556, type: 'cancel', status: 'pending', bookingId: body.bookingId };
        return HttpResponse.json({ data: cancelRequest, meta: { capability: capabilityOf(556) } }, { status: 201 });
      }
      const { email, ...rest } = body;
      const userId = users[String(email)];
      if (userId === undefined) {
        return HttpResponse.json(
          {
            message: 'No driver account uses this email.',
            errors: { email: ['No driver account uses this email.'] },
            reason: 'no-account',
          },
          { status: 422 },
        );
      }
      created = { ...rest, userId, id: 555, status: 'pending', createdAt: new Date().toISOString() };
      if (lose) {
        lose = false;
        return HttpResponse.error();
      }
      return HttpResponse.json({ data: created, meta: { capability: capabilityOf(555) } }, { status: 201 });
    }),
    http.get(`${API}/resources/booking-requests/v1.0`, ({ request }) => {
      const externalId = new URL(request.url).searchParams.get('filter[externalId]');
      return created && externalId && created.externalId === externalId
        ? HttpResponse.json({ data: [created], meta: { capability: capabilityOf(Number(created.id)) } })
        : HttpResponse.json({ data: [] });
    }),
    http.get(`${API}/resources/booking-requests/v1.0/:id`, ({ params, request }) => {
      if (!opens(request, params.id)) return notFound();
      if (cancelRequest && Number(params.id) === cancelRequest.id) {
        cancelled = true;
        return HttpResponse.json({ data: { ...cancelRequest, status: 'approved' } });
      }
      if (!created || Number(params.id) !== created.id) return notFound();
      polls += 1;
      if (polls <= (options.pendingPolls ?? 1)) return HttpResponse.json({ data: created });
      const outcome = options.outcome ?? 'approved';
      const data =
        outcome === 'approved'
          ? { ...created, status: 'approved', ...(options.withBookingId === false ? {} : { bookingId: 900 }) }
          : { ...created, status: 'rejected', rejectionReason: options.rejectionReason ?? 'The slot was taken' };
      return HttpResponse.json({ data });
    }),
    // The booking opens with its request's capability.
    // As Ampeco: `bookedEvses` only when asked for (`include[]=bookedEvses`).
    http.get(`${API}/resources/bookings/v1.0/:id`, ({ request }) => {
      if (!created || !opens(request, created.id)) return notFound();
      const booking: Record<string, unknown> = { ...bookingFrom(created), ...(cancelled && { status: 'cancelled' }) };
      if (new URL(request.url).searchParams.getAll('include[]').includes('bookedEvses')) {
        booking.bookedEvses = [{ id: options.bookedEvseId ?? created.evseId }];
      }
      return HttpResponse.json({ data: booking });
    }),
  ];
}

function bookingFrom(created: Record<string, unknown> | null): Record<string, unknown> {
  return {
    id: 900,
    userId: created?.userId,
    locationId: created?.locationId,
    startAt: created?.startAt,
    endAt: created?.endAt,
    status: 'accepted',
    createdAt: new Date().toISOString(),
    lastUpdatedAt: new Date().toISOString(),
  };
}
