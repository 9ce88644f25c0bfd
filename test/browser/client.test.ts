import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { createClient, parseRetryAfter, sleep, type ApiClient, type ClientOptions } from '../../src/api/client.js';
import { ApiError, isAbortError } from '../../src/api/errors.js';
import {
  afterEach,
  beforeEach,
  describe,
  it,
  recordRequests,
  useMsw,
  worker,
  type RequestLog,
} from '../support/msw.js';
import { CREATE_BODY } from '../support/ampeco-fixture.js';

const API = '/api/ampeco';
const ORIGIN = location.origin;

/** A client that does not really wait between retries; the waits are kept in `sleeps`. */
function fastClient(options: Partial<ClientOptions> = {}): { client: ApiClient; sleeps: number[] } {
  const sleeps: number[] = [];
  const client = createClient({
    apiBase: API,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...options,
  });
  return { client, sleeps };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

async function apiError(promise: Promise<unknown>): Promise<ApiError> {
  const error = await rejection(promise);
  expect(error).to.be.instanceOf(ApiError);
  return error as ApiError;
}

const bookingRequest = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 31,
  type: 'create',
  status: 'pending',
  userId: 42,
  locationId: 7,
  evseId: 15,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
  ...extra,
});

describe('API client', () => {
  useMsw();
  let log: RequestLog;
  beforeEach(() => {
    log = recordRequests(API);
  });
  afterEach(() => {
    log.stop();
  });

  describe('requests', () => {
    it('reads a location with Accept: application/json', async () => {
      let accept: string | null = null;
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, ({ request }) => {
          accept = request.headers.get('Accept');
          return HttpResponse.json({
            data: { id: 7, name: [{ locale: 'en', translation: 'Depot' }], timezone: null, extra: 1 },
          });
        }),
      );
      const location = await fastClient().client.getLocation(7);
      expect(location).to.deep.equal({ id: 7, name: [{ locale: 'en', translation: 'Depot' }], timezone: null });
      expect(accept).to.equal('application/json');
      expect(log.requests.map((r) => [r.method, r.url])).to.deep.equal([
        ['GET', `${ORIGIN}${API}/resources/locations/v2.0/7`],
      ]);
    });

    it('accepts an absolute api-base with a trailing slash', async () => {
      worker.use(http.get(`${API}/resources/locations/v2.0/8`, () => HttpResponse.json({ data: { id: 8 } })));
      const client = createClient({ apiBase: `${ORIGIN}${API}/` });
      expect((await client.getLocation(8)).id).to.equal(8);
      expect(log.requests[0]!.url).to.equal(`${ORIGIN}${API}/resources/locations/v2.0/8`);
    });

    it('posts the availability range as JSON', async () => {
      let contentType: string | null = null;
      worker.use(
        http.post(`${API}/actions/locations/v2.0/7/check-booking-availability`, ({ request }) => {
          contentType = request.headers.get('Content-Type');
          return HttpResponse.json({
            data: [
              { evseId: 15, availableSlots: [{ startAt: '2026-03-01T08:00:00Z', endAt: '2026-03-01T10:00:00Z' }] },
            ],
          });
        }),
      );
      const range = { startAfter: '2026-03-01T08:00:00Z', endBefore: '2026-03-08T08:00:00Z' };
      const data = await fastClient().client.checkAvailability(7, range);
      expect(data[0]!.evseId).to.equal(15);
      expect(contentType).to.equal('application/json');
      const [request] = await log.settled();
      expect(request!.method).to.equal('POST');
      expect(request!.body).to.deep.equal(range);
    });

    it('reads a booking request and a booking with the capability header', async () => {
      const booking = {
        id: 100,
        userId: 42,
        locationId: 7,
        startAt: '2026-03-01T10:00:00Z',
        endAt: '2026-03-01T11:00:00Z',
        status: 'accepted',
      };
      worker.use(
        http.get(`${API}/resources/booking-requests/v1.0/31`, () => HttpResponse.json({ data: bookingRequest() })),
        http.get(`${API}/resources/bookings/v1.0/100`, () => HttpResponse.json({ data: booking })),
      );
      const { client } = fastClient();
      expect((await client.getBookingRequest(31, 'cap-31')).status).to.equal('pending');
      expect((await client.getBooking(100, 'cap-31')).id).to.equal(100);
      const sent = await log.settled();
      expect(
        sent.map((r) => [r.url.slice(ORIGIN.length + API.length), r.headers['x-booking-capability']]),
      ).to.deep.equal([
        ['/resources/booking-requests/v1.0/31', 'cap-31'],
        ['/resources/bookings/v1.0/100?include[]=bookedEvses', 'cap-31'],
      ]);
    });

    it('sends authToken as a Bearer token on every request, and no capability where none belongs', async () => {
      worker.use(http.get(`${API}/resources/locations/v2.0/7`, () => HttpResponse.json({ data: { id: 7 } })));
      await fastClient({ authToken: 'portal.jwt.token' }).client.getLocation(7);
      const [request] = await log.settled();
      expect(request!.headers['authorization']).to.equal('Bearer portal.jwt.token');
      expect(request!.headers['x-booking-capability']).to.equal(undefined);
    });

    it('uses a custom fetch and sends no credentials of its own', async () => {
      const inits: RequestInit[] = [];
      worker.use(http.get(`${API}/resources/locations/v2.0/7`, () => HttpResponse.json({ data: { id: 7 } })));
      const client = createClient({
        apiBase: API,
        fetch: (input, init) => {
          inits.push(init ?? {});
          return fetch(input, init);
        },
      });
      await client.getLocation(7);
      expect(inits.length).to.equal(1);
      expect(inits[0]!.credentials).to.equal('omit');
      expect(inits[0]!.headers).to.deep.equal({ Accept: 'application/json' });
    });

    it('rejects with config for an api-base that is not a URL, without a request', async () => {
      const error = await apiError(createClient({ apiBase: 'http://[' }).getLocation(7));
      expect(error.code).to.equal('config');
      expect(log.requests.length).to.equal(0);
    });
  });

  describe('pagination', () => {
    it('follows links.next across three pages of charge points', async () => {
      worker.use(
        http.get(`${API}/resources/charge-points/v2.0`, ({ request }) => {
          const cursor = new URL(request.url).searchParams.get('cursor');
          if (!cursor)
            return HttpResponse.json({
              data: [{ id: 1 }],
              links: { next: `${ORIGIN}${API}/resources/charge-points/v2.0?filter[locationId]=7&cursor=b` },
            });
          if (cursor === 'b')
            return HttpResponse.json({
              data: [{ id: 2 }],
              links: { next: `${API}/resources/charge-points/v2.0?filter[locationId]=7&cursor=c` },
            });
          return HttpResponse.json({ data: [{ id: 3 }], links: { next: null } });
        }),
      );
      const points = await fastClient().client.listChargePoints(7);
      expect(points.map((p) => p.id)).to.deep.equal([1, 2, 3]);
      expect(log.requests.map((r) => r.url.slice(ORIGIN.length + API.length))).to.deep.equal([
        '/resources/charge-points/v2.0?filter[locationId]=7',
        '/resources/charge-points/v2.0?filter[locationId]=7&cursor=b',
        '/resources/charge-points/v2.0?filter[locationId]=7&cursor=c',
      ]);
    });

    it('lists EVSEs with their connectors over two pages', async () => {
      worker.use(
        http.get(`${API}/resources/charge-points/v2.0/3/evses`, ({ request }) => {
          const url = new URL(request.url);
          expect(url.searchParams.getAll('include[]')).to.deep.equal(['connectors']);
          return url.searchParams.get('cursor')
            ? HttpResponse.json({ data: [{ id: 16, connectors: [{ id: 2, type: 'ccs2' }] }] })
            : HttpResponse.json({
                data: [{ id: 15, bookingEnabled: true, connectors: [{ id: 1, type: 'type2' }] }],
                links: { next: `${API}/resources/charge-points/v2.0/3/evses?include[]=connectors&cursor=x` },
              });
        }),
      );
      const evses = await fastClient().client.listEvses(3);
      expect(evses.map((e) => [e.id, e.connectors?.[0]?.type])).to.deep.equal([
        [15, 'type2'],
        [16, 'ccs2'],
      ]);
      expect(log.requests[0]!.url).to.equal(
        `${ORIGIN}${API}/resources/charge-points/v2.0/3/evses?include[]=connectors`,
      );
    });

    it('does not follow links.next to another origin', async () => {
      const errors = silenceConsoleError();
      worker.use(
        http.get(`${API}/resources/charge-points/v2.0`, () =>
          HttpResponse.json({
            data: [{ id: 1 }],
            links: { next: 'https://evil.example/resources/charge-points/v2.0?cursor=b' },
          }),
        ),
      );
      const error = await apiError(fastClient().client.listChargePoints(7));
      errors.restore();
      expect(error.code).to.equal('bad-response');
      expect(log.requests.length).to.equal(1);
    });

    it('stops a pagination loop', async () => {
      const errors = silenceConsoleError();
      worker.use(
        http.get(`${API}/resources/charge-points/v2.0`, ({ request }) =>
          HttpResponse.json({
            data: [{ id: 1 }],
            links: { next: new URL(request.url).search.includes('cursor') ? request.url : `${request.url}&cursor=a` },
          }),
        ),
      );
      const error = await apiError(fastClient().client.listChargePoints(7));
      errors.restore();
      expect(error.code).to.equal('bad-response');
      expect(log.requests.length).to.equal(2);
    });
  });

  describe('errors', () => {
    it('rejects a response that does not match the schema with bad-response, logging it once', async () => {
      const errors = silenceConsoleError();
      worker.use(http.get(`${API}/resources/locations/v2.0/7`, () => HttpResponse.json({ data: { id: 'seven' } })));
      const error = await apiError(fastClient().client.getLocation(7));
      errors.restore();
      expect(error.code).to.equal('bad-response');
      expect(error.cause).to.not.equal(undefined);
      expect(errors.calls).to.equal(1);
      expect(log.requests.length).to.equal(1);
    });

    it('rejects a body that is not JSON with bad-response', async () => {
      const errors = silenceConsoleError();
      worker.use(http.get(`${API}/resources/locations/v2.0/7`, () => HttpResponse.text('<html>')));
      const error = await apiError(fastClient().client.getLocation(7));
      errors.restore();
      expect(error.code).to.equal('bad-response');
    });

    for (const [status, code] of [
      [401, 'unauthorized'],
      [403, 'forbidden'],
      [404, 'not-found'],
    ] as const) {
      it(`maps ${status} to ${code} without retrying`, async () => {
        worker.use(
          http.get(`${API}/resources/locations/v2.0/7`, () =>
            HttpResponse.json({ message: `no ${status}` }, { status }),
          ),
        );
        const { client, sleeps } = fastClient();
        const error = await apiError(client.getLocation(7));
        expect([error.code, error.status, error.message]).to.deep.equal([code, status, `no ${status}`]);
        expect(log.requests.length).to.equal(1);
        expect(sleeps).to.deep.equal([]);
      });
    }

    it('maps 422 to validation with the field messages', async () => {
      worker.use(
        http.post(`${API}/actions/locations/v2.0/7/check-booking-availability`, () =>
          HttpResponse.json(
            { message: 'The given data was invalid.', errors: { endBefore: ['Too far.'] } },
            { status: 422 },
          ),
        ),
      );
      const error = await apiError(
        fastClient().client.checkAvailability(7, {
          startAfter: '2026-03-01T08:00:00Z',
          endBefore: '2026-03-20T08:00:00Z',
        }),
      );
      expect(error.code).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal({ endBefore: ['Too far.'] });
      expect(log.requests.length).to.equal(1);
    });

    it('waits Retry-After on 429 and then succeeds', async () => {
      let calls = 0;
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, () =>
          ++calls === 1
            ? HttpResponse.json({ message: 'Too many requests.' }, { status: 429, headers: { 'Retry-After': '1' } })
            : HttpResponse.json({ data: { id: 7 } }),
        ),
      );
      const { client, sleeps } = fastClient();
      expect((await client.getLocation(7)).id).to.equal(7);
      expect(sleeps).to.deep.equal([1000]);
      expect(log.requests.length).to.equal(2);
    });

    it('gives up on 429 after the retries with rate-limited and retryAfter', async () => {
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, () =>
          HttpResponse.json({ message: 'Too many requests.' }, { status: 429, headers: { 'Retry-After': '0' } }),
        ),
      );
      const { client, sleeps } = fastClient();
      const error = await apiError(client.getLocation(7));
      expect([error.code, error.status, error.retryAfter]).to.deep.equal(['rate-limited', 429, 0]);
      expect(sleeps).to.deep.equal([0, 0, 0]);
      expect(log.requests.length).to.equal(4);
    });

    it('retries 5xx with capped, jittered exponential backoff, then fails', async () => {
      worker.use(http.get(`${API}/resources/locations/v2.0/7`, () => new HttpResponse('Bad gateway', { status: 502 })));
      const { client, sleeps } = fastClient();
      const error = await apiError(client.getLocation(7));
      expect([error.code, error.status]).to.deep.equal(['network', 502]);
      expect(log.requests.length).to.equal(4);
      expect(sleeps.length).to.equal(3);
      [500, 1000, 2000].forEach((cap, i) => expect(sleeps[i]).to.be.within(cap / 2, cap));
    });

    it('backs off twice as long on a 429 without Retry-After, and never retries at once', async () => {
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, () =>
          HttpResponse.json({ message: 'Too many requests.' }, { status: 429 }),
        ),
      );
      const { client, sleeps } = fastClient();
      const error = await apiError(client.getLocation(7));
      expect([error.code, error.status, error.retryAfter]).to.deep.equal(['rate-limited', 429, undefined]);
      expect(log.requests.length).to.equal(4);
      expect(sleeps.length).to.equal(3);
      [1000, 2000, 4000].forEach((cap, i) => expect(sleeps[i]).to.be.within(cap / 2, cap));
    });

    it('retries a 503 until it passes', async () => {
      let calls = 0;
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, () =>
          ++calls < 3 ? new HttpResponse(null, { status: 503 }) : HttpResponse.json({ data: { id: 7 } }),
        ),
      );
      expect((await fastClient().client.getLocation(7)).id).to.equal(7);
      expect(log.requests.length).to.equal(3);
    });

    it('retries a network error, then rejects with network', async () => {
      worker.use(http.get(`${API}/resources/locations/v2.0/7`, () => HttpResponse.error()));
      const { client, sleeps } = fastClient();
      const error = await apiError(client.getLocation(7));
      expect(error.code).to.equal('network');
      expect(error.status).to.equal(undefined);
      expect(sleeps.length).to.equal(3);
      expect(log.requests.length).to.equal(4);
    });

    it('rejects with timeout when an answer takes longer than timeoutMs', async () => {
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, async () => {
          await delay(2000);
          return HttpResponse.json({ data: { id: 7 } });
        }),
      );
      const { client } = fastClient({ timeoutMs: 50 });
      const error = await apiError(client.getLocation(7));
      expect(error.code).to.equal('timeout');
    });

    it('reads Retry-After as seconds or an HTTP date', () => {
      expect(parseRetryAfter('3')).to.equal(3);
      expect(parseRetryAfter(null)).to.equal(undefined);
      expect(parseRetryAfter('soon')).to.equal(undefined);
      expect(parseRetryAfter(new Date(Date.now() - 5000).toUTCString())).to.equal(0);
      expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).to.be.within(8, 10);
    });

    it('caps a long Retry-After', async () => {
      let calls = 0;
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, () =>
          ++calls === 1
            ? HttpResponse.json({}, { status: 429, headers: { 'Retry-After': '3600' } })
            : HttpResponse.json({ data: { id: 7 } }),
        ),
      );
      const { client, sleeps } = fastClient();
      await client.getLocation(7);
      expect(sleeps).to.deep.equal([30_000]);
    });
  });

  describe('abort', () => {
    it('rejects with the AbortError and sends nothing more when the call is aborted mid-request', async () => {
      worker.use(
        http.get(`${API}/resources/locations/v2.0/7`, async () => {
          await delay(1000);
          return new HttpResponse(null, { status: 503 });
        }),
      );
      const controller = new AbortController();
      const { client } = fastClient();
      const pending = client.getLocation(7, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(pending);
      expect(error).to.not.be.instanceOf(ApiError);
      expect(isAbortError(error)).to.equal(true);
      await delay(1200);
      expect(log.requests.length).to.equal(1);
    });

    it('stops waiting to retry when the element signal aborts', async () => {
      worker.use(http.get(`${API}/resources/locations/v2.0/7`, () => new HttpResponse(null, { status: 503 })));
      const controller = new AbortController();
      // A real pause, long enough to abort in (the client's own wait is jittered).
      const client = createClient({
        apiBase: API,
        signal: controller.signal,
        sleep: (_ms, signal) => sleep(400, signal),
      });
      const pending = client.getLocation(7);
      setTimeout(() => controller.abort(new DOMException('The element was removed', 'AbortError')), 30);
      const error = await rejection(pending);
      expect(isAbortError(error)).to.equal(true);
      expect((error as DOMException).message).to.equal('The element was removed');
      await delay(500);
      expect(log.requests.length).to.equal(1);
    });

    it('sends nothing when already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const error = await rejection(fastClient({ signal: controller.signal }).client.getLocation(7));
      expect(isAbortError(error)).to.equal(true);
      expect(log.requests.length).to.equal(0);
    });
  });

  describe('createBookingRequest (v2)', () => {
    const created = (extra: Record<string, unknown> = {}) =>
      http.post(`${API}/resources/booking-requests/v1.0`, async ({ request }) =>
        HttpResponse.json(
          {
            data: bookingRequest({ ...((await request.json()) as Record<string, unknown>), ...extra }),
            meta: { capability: 'cap-31' },
          },
          { status: 201 },
        ),
      );

    it('posts the create body once and returns the request with its capability', async () => {
      worker.use(created());
      const { request, capability } = await fastClient().client.createBookingRequest(CREATE_BODY);
      expect(request.status).to.equal('pending');
      expect(capability).to.equal('cap-31');
      const requests = await log.settled();
      expect(requests.map((r) => [r.method, r.url])).to.deep.equal([
        ['POST', `${ORIGIN}${API}/resources/booking-requests/v1.0`],
      ]);
      expect(requests[0]!.body).to.deep.equal(CREATE_BODY);
    });

    it('a create answer without its capability is a bad response', async () => {
      worker.use(
        http.post(`${API}/resources/booking-requests/v1.0`, () =>
          HttpResponse.json({ data: bookingRequest() }, { status: 201 }),
        ),
      );
      const quiet = silenceConsoleError();
      try {
        expect((await apiError(fastClient().client.createBookingRequest(CREATE_BODY))).code).to.equal('bad-response');
      } finally {
        quiet.restore();
      }
    });

    it('never repeats the POST itself: a lost answer is the flow’s to look up', async () => {
      worker.use(http.post(`${API}/resources/booking-requests/v1.0`, () => HttpResponse.error()));
      const error = await apiError(fastClient().client.createBookingRequest(CREATE_BODY));
      expect(error.code).to.equal('network');
      expect(log.requests.map((r) => r.method)).to.deep.equal(['POST']);
    });

    it('no driver account: 422 validation with reason no-account and the email message', async () => {
      worker.use(
        http.post(`${API}/resources/booking-requests/v1.0`, () =>
          HttpResponse.json(
            { message: 'No account.', errors: { email: ['No account.'] }, reason: 'no-account' },
            { status: 422 },
          ),
        ),
      );
      const error = await apiError(fastClient().client.createBookingRequest(CREATE_BODY));
      expect([error.code, error.status, error.reason]).to.deep.equal(['validation', 422, 'no-account']);
      expect(error.fieldErrors).to.deep.equal({ email: ['No account.'] });
    });

    it('maps 422 to validation with field errors, without retry', async () => {
      worker.use(
        http.post(`${API}/resources/booking-requests/v1.0`, () =>
          HttpResponse.json(
            {
              message: 'The given data was invalid.',
              errors: { startAt: ['The start at field is required.'], endAt: ['Bad.'] },
            },
            { status: 422 },
          ),
        ),
      );
      const error = await apiError(fastClient().client.createBookingRequest(CREATE_BODY));
      expect(error.code).to.equal('validation');
      expect(error.status).to.equal(422);
      expect(error.fieldErrors).to.deep.equal({ startAt: ['The start at field is required.'], endAt: ['Bad.'] });
      expect(log.requests.length).to.equal(1);
    });

    it('does not retry the POST on 429', async () => {
      worker.use(
        http.post(`${API}/resources/booking-requests/v1.0`, () =>
          HttpResponse.json({ message: 'Too many requests.' }, { status: 429, headers: { 'Retry-After': '1' } }),
        ),
      );
      const error = await apiError(fastClient().client.createBookingRequest(CREATE_BODY));
      expect([error.code, error.retryAfter]).to.deep.equal(['rate-limited', 1]);
      expect(log.requests.length).to.equal(1);
    });
  });

  describe('findBookingRequestByExternalId (v2)', () => {
    it('answers the request with the capability the look-up carries', async () => {
      worker.use(
        http.get(`${API}/resources/booking-requests/v1.0`, () =>
          HttpResponse.json({
            data: [bookingRequest({ externalId: CREATE_BODY.externalId })],
            meta: { capability: 'cap-31' },
          }),
        ),
      );
      const found = await fastClient().client.findBookingRequestByExternalId(CREATE_BODY.externalId);
      expect(found?.request.id).to.equal(31);
      expect(found?.capability).to.equal('cap-31');
      expect(log.requests[0]!.url).to.equal(
        `${ORIGIN}${API}/resources/booking-requests/v1.0?filter[externalId]=${CREATE_BODY.externalId}`,
      );
    });

    it('returns null for an unknown externalId', async () => {
      worker.use(http.get(`${API}/resources/booking-requests/v1.0`, () => HttpResponse.json({ data: [] })));
      expect(await fastClient().client.findBookingRequestByExternalId('nope')).to.equal(null);
    });
  });

  describe('cancelBooking (v2)', () => {
    it("posts {type: cancel, bookingId} once with the booking's capability; answers the cancel request and its own", async () => {
      worker.use(
        http.post(`${API}/resources/booking-requests/v1.0`, () =>
          HttpResponse.json(
            { data: { id: 32, type: 'cancel', status: 'pending', bookingId: 100 }, meta: { capability: 'cap-32' } },
            { status: 201 },
          ),
        ),
      );
      const { request, capability } = await fastClient().client.cancelBooking(100, 'cap-31');
      expect([request.id, capability]).to.deep.equal([32, 'cap-32']);
      const [sent] = await log.settled();
      expect(sent!.body).to.deep.equal({ type: 'cancel', bookingId: 100 });
      expect(sent!.headers['x-booking-capability']).to.equal('cap-31');
    });
  });
});

/** Replaces console.error while a test provokes an expected error; counts its calls. */
function silenceConsoleError(): { calls: number; restore(): void } {
  const original = console.error;
  const state = {
    calls: 0,
    restore: (): void => {
      console.error = original;
    },
  };
  console.error = (): void => {
    state.calls++;
  };
  return state;
}
