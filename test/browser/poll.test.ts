import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { createClient, type ApiClient, type Sleep } from '../../src/api/client.js';
import { ApiError, isAbortError } from '../../src/api/errors.js';
import type { BookingRequest } from '../../src/api/schemas.js';
import { pollBookingRequest } from '../../src/booking/poll.js';
import { visibleSleep } from '../../src/controllers/visibility.js';
import {
  after,
  afterEach,
  before,
  beforeEach,
  describe,
  it,
  recordRequests,
  useMsw,
  worker,
  type RequestLog,
} from '../support/msw.js';

const API = '/api/ampeco';
const URL_31 = `${API}/resources/booking-requests/v1.0/31`;
const CAPABILITY = 'cap-31';

const request = (status: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 31,
  type: 'create',
  status,
  userId: 42,
  locationId: 7,
  startAt: '2026-03-01T10:00:00Z',
  endAt: '2026-03-01T11:00:00Z',
  ...extra,
});

/** Answers the polled request with `statuses` in turn, repeating the last. */
function serve(...statuses: (string | Response)[]): void {
  let n = 0;
  worker.use(
    http.get(URL_31, () => {
      const next = statuses[Math.min(n++, statuses.length - 1)]!;
      return typeof next === 'string'
        ? HttpResponse.json({
            data: request(next, next === 'rejected' ? { rejectionReason: 'Overlaps <b>another</b> booking' } : {}),
          })
        : next;
    }),
  );
}

describe('pollBookingRequest', () => {
  useMsw();
  let log: RequestLog;
  let client: ApiClient;
  let sleeps: number[];
  /** Records the pauses and waits only a moment. */
  const sleep: Sleep = async (ms) => {
    sleeps.push(ms);
    await delay(1);
  };
  beforeEach(() => {
    log = recordRequests(API);
    sleeps = [];
    client = createClient({ apiBase: API, sleep: async () => {} });
  });
  afterEach(() => {
    log.stop();
  });
  /** `client`, calling `onRead` with every read it answers. */
  const reporting = (onRead: (r: BookingRequest) => void): Pick<ApiClient, 'getBookingRequest'> => ({
    getBookingRequest: async (id, capability, options) => {
      const r = await client.getBookingRequest(id, capability, options);
      onRead(r);
      return r;
    },
  });

  it('reads until approved, with growing pauses, reporting every read', async () => {
    serve('pending', 'pending', 'pending', 'approved');
    const updates: BookingRequest[] = [];
    const result = await pollBookingRequest(
      reporting((r) => updates.push(r)),
      31,
      CAPABILITY,
      { sleep },
    );
    expect(result.status).to.equal('approved');
    expect(updates.map((r) => r.status)).to.deep.equal(['pending', 'pending', 'pending', 'approved']);
    expect(sleeps).to.deep.equal([1000, 1500, 2250, 3375]);
    expect(log.requests.map((r) => [r.method, r.url])).to.deep.equal(
      Array(4).fill(['GET', `${location.origin}${URL_31}`]),
    );
  });

  it('caps the pause at 5 s', async () => {
    serve('pending', 'pending', 'pending', 'pending', 'pending', 'approved');
    await pollBookingRequest(client, 31, CAPABILITY, { sleep });
    expect(sleeps).to.deep.equal([1000, 1500, 2250, 3375, 5000, 5000]);
  });

  it('resolves with a rejected request and its reason', async () => {
    serve('pending', 'rejected');
    const result = await pollBookingRequest(client, 31, CAPABILITY, { sleep });
    expect(result.status).to.equal('rejected');
    expect(result.rejectionReason).to.equal('Overlaps <b>another</b> booking');
    expect(log.requests.length).to.equal(2);
  });

  it('rides over a transient failure (retried by the client)', async () => {
    serve('pending', new HttpResponse(null, { status: 503 }), 'approved');
    const result = await pollBookingRequest(client, 31, CAPABILITY, { sleep });
    expect(result.status).to.equal('approved');
    expect(log.requests.length).to.equal(3);
  });

  it('rejects with a lasting failure', async () => {
    serve('pending', HttpResponse.json({ message: 'gone' }, { status: 404 }));
    try {
      await pollBookingRequest(client, 31, CAPABILITY, { sleep });
      expect.fail('should reject');
    } catch (error) {
      expect((error as ApiError).code).to.equal('not-found');
    }
  });

  it('rejects with timeout while still pending after timeoutMs, and stops', async () => {
    serve('pending');
    const started = Date.now();
    try {
      await pollBookingRequest(client, 31, CAPABILITY, {
        timeoutMs: 150,
        sleep: (ms, signal) => realSleep(Math.min(ms, 20), signal),
      });
      expect.fail('should time out');
    } catch (error) {
      expect(error).to.be.instanceOf(ApiError);
      expect((error as ApiError).code).to.equal('timeout');
    }
    expect(Date.now() - started).to.be.below(1000);
    // The worker reports a request asynchronously: let the one cut by the deadline arrive, then none more.
    await delay(50);
    const count = log.requests.length;
    expect(count).to.be.greaterThan(1);
    await delay(150);
    expect(log.requests.length).to.equal(count);
  });

  it('times out even while a read hangs', async () => {
    worker.use(
      http.get(URL_31, async () => {
        await delay('infinite');
        return HttpResponse.json({ data: request('approved') });
      }),
    );
    try {
      await pollBookingRequest(client, 31, CAPABILITY, { timeoutMs: 100, sleep });
      expect.fail('should time out');
    } catch (error) {
      expect((error as ApiError).code).to.equal('timeout');
    }
  });

  it('stops at once when the signal aborts, with the AbortError and no more requests', async () => {
    serve('pending');
    const controller = new AbortController();
    const polling = pollBookingRequest(
      reporting(() => {
        if (log.requests.length === 2) controller.abort();
      }),
      31,
      CAPABILITY,
      {
        signal: controller.signal,
        sleep: (ms, signal) => realSleep(Math.min(ms, 20), signal),
      },
    );
    const error = await rejectionOf(polling);
    expect(isAbortError(error)).to.equal(true);
    expect(error).to.not.be.instanceOf(ApiError);
    expect(log.requests.length).to.equal(2);
    await delay(100);
    expect(log.requests.length).to.equal(2);
  });

  it('aborts a read in flight', async () => {
    worker.use(
      http.get(URL_31, async () => {
        await delay(500);
        return HttpResponse.json({ data: request('approved') });
      }),
    );
    const controller = new AbortController();
    const polling = pollBookingRequest(client, 31, CAPABILITY, { signal: controller.signal, sleep });
    setTimeout(() => controller.abort(), 50);
    const error = await rejectionOf(polling);
    expect(isAbortError(error)).to.equal(true);
    expect(log.requests.length).to.equal(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    serve('approved');
    const controller = new AbortController();
    controller.abort();
    const error = await rejectionOf(pollBookingRequest(client, 31, CAPABILITY, { signal: controller.signal, sleep }));
    expect(isAbortError(error)).to.equal(true);
    expect(log.requests.length).to.equal(0);
  });
});

describe('visibleSleep', () => {
  let hidden = false;
  before(() => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  });
  after(() => {
    delete (document as { hidden?: boolean }).hidden;
  });
  afterEach(() => {
    hidden = false;
  });
  const settled = async (promise: Promise<void>): Promise<string> => {
    const state = await Promise.race([
      promise.then(
        () => 'resolved',
        (e: unknown) => e,
      ),
      delay(30).then(() => 'waiting'),
    ]);
    return isAbortError(state) ? 'aborted' : String(state);
  };

  it('ends after the pause while the page is shown', async () => {
    expect(await settled(visibleSleep(1, new AbortController().signal))).to.equal('resolved');
  });

  it('waits while the page is hidden, and ends when it is shown', async () => {
    hidden = true;
    const pause = visibleSleep(1, new AbortController().signal);
    expect(await settled(pause)).to.equal('waiting');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(pause), 'still hidden').to.equal('waiting');
    hidden = false;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(await settled(pause)).to.equal('resolved');
  });

  it('rejects with the signal reason when it aborts while the page is hidden', async () => {
    hidden = true;
    const controller = new AbortController();
    const pause = visibleSleep(1, controller.signal);
    expect(await settled(pause)).to.equal('waiting');
    controller.abort();
    expect(await settled(pause)).to.equal('aborted');
  });
});

/** What `promise` rejects with; undefined when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

/** A real, abortable pause. */
function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}
