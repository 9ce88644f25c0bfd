/**
 * An Ampeco Public API behind the proxy path, as msw handlers, for the widget's browser tests.
 * Small fixed data: location 7 in Europe/Sofia and location 8 without a timezone, two charge points
 * over two pages, four EVSEs. Record what the widget sent with `recordRequests` from `./msw.js`.
 */
import { http, HttpResponse, type HttpHandler } from 'msw';

export const API = '/api/ampeco';
const HOUR = 3_600_000;

export interface FixtureOptions {
  /** Emails with a driver account and their (string) user ids. */
  users?: Record<string, string>;
  /** What the polled request becomes after `pendingPolls` reads. */
  outcome?: 'approved' | 'rejected';
  rejectionReason?: string;
  /** How many reads of the request still answer `pending`. */
  pendingPolls?: number;
  /** Whether the approved request carries `bookingId`. */
  withBookingId?: boolean;
  /** The first create POST is stored but its answer is lost (a dropped connection). */
  loseCreateResponse?: boolean;
  /** A request that already exists (pending), e.g. from before a page reload. */
  existingRequest?: Record<string, unknown>;
  /** Overrides of location 7's fields. */
  location?: Record<string, unknown>;
  /** The EVSE the booking holds (its `bookedEvses`); default: the requested one. */
  bookedEvseId?: number;
}

const LOCATIONS: Record<number, Record<string, unknown>> = {
  7: {
    name: [
      { locale: 'en', translation: 'Tech Park Garage' },
      { locale: 'bg', translation: 'Гараж Тех Парк' },
    ],
    timezone: 'Europe/Sofia',
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
  const users = options.users ?? { 'driver@example.com': '42' };
  let polls = 0;
  let created: Record<string, unknown> | null = options.existingRequest ?? null;
  let lose = options.loseCreateResponse ?? false;

  return [
    http.get(`${API}/resources/locations/v2.0/:id`, ({ params }) => {
      const id = Number(params.id);
      const location = LOCATIONS[id];
      return location
        ? HttpResponse.json({ data: { id, ...location, ...(id === 7 ? options.location : {}) } })
        : HttpResponse.json({ message: 'The record is not found' }, { status: 404 });
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
    http.get(`${API}/resources/users/v1.0`, ({ request }) => {
      const email = new URL(request.url).searchParams.get('filter[email]') ?? '';
      const id = users[email];
      return HttpResponse.json({ data: id ? [{ id }] : [] });
    }),
    http.post(`${API}/resources/booking-requests/v1.0`, async ({ request }) => {
      const body = (await request.json()) as Record<string, unknown>;
      created = { ...body, id: 555, status: 'pending', createdAt: new Date().toISOString() };
      if (lose) {
        lose = false;
        return HttpResponse.error();
      }
      return HttpResponse.json({ data: created }, { status: 201 });
    }),
    http.get(`${API}/resources/booking-requests/v1.0`, ({ request }) => {
      const externalId = new URL(request.url).searchParams.get('filter[externalId]');
      const found = created && externalId && created.externalId === externalId ? [created] : [];
      return HttpResponse.json({ data: found, links: { next: null } });
    }),
    http.get(`${API}/resources/booking-requests/v1.0/:id`, () => {
      if (!created) return HttpResponse.json({ message: 'The record is not found' }, { status: 404 });
      polls += 1;
      if (polls <= (options.pendingPolls ?? 1)) return HttpResponse.json({ data: created });
      const outcome = options.outcome ?? 'approved';
      const data =
        outcome === 'approved'
          ? { ...created, status: 'approved', ...(options.withBookingId === false ? {} : { bookingId: 900 }) }
          : { ...created, status: 'rejected', rejectionReason: options.rejectionReason ?? 'The slot was taken' };
      return HttpResponse.json({ data });
    }),
    // As Ampeco: `bookedEvses` only when asked for, and never in the list.
    http.get(`${API}/resources/bookings/v1.0/:id`, ({ request }) => {
      const booking = bookingFrom(created);
      if (new URL(request.url).searchParams.getAll('include[]').includes('bookedEvses')) {
        booking.bookedEvses = [{ id: options.bookedEvseId ?? created?.evseId }];
      }
      return HttpResponse.json({ data: booking });
    }),
    http.get(`${API}/resources/bookings/v1.0`, () =>
      HttpResponse.json({ data: [bookingFrom(created)], links: { next: null } }),
    ),
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
