/**
 * The API client: the one module that knows the Ampeco Public API paths (SPEC §4) as the proxy
 * serves them under `apiBase`. Every response is parsed with its zod schema; every failure becomes
 * an {@link ApiError} with a SPEC §5 code, except an abort of a signal, which rejects with the
 * signal's reason (an `AbortError` for every signal the widget aborts; see `isAbortError`).
 *
 * Retries (SPEC §8): reads (GETs and the availability POST) are retried 3 times on network errors,
 * time-outs, 5xx and 429, with exponential backoff and jitter: pauses of 0.25–0.5, 0.5–1 and 1–2 s,
 * twice as long after a 429 without `Retry-After` (0.5–1, 1–2, 2–4 s); a 429's `Retry-After` is
 * waited instead (at most 30 s). The create POST is never repeated blindly: see {@link ApiClient.createBookingRequest}.
 */
import type * as z from 'zod/mini';
import { ApiError, type ErrorCode } from './errors.js';
import {
  AvailabilityResponse,
  BookingList,
  BookingRequestList,
  BookingRequestResponse,
  BookingResponse,
  ChargePointList,
  CreateBookingRequestBody,
  ErrorBody,
  EvseList,
  LocationResponse,
  UserList,
  type AvailabilityBody,
  type Booking,
  type BookingRequest,
  type ChargePoint,
  type Evse,
  type EvseAvailability,
  type Location,
  type User,
} from './schemas.js';

/** Waits `ms`; rejects with the signal's reason as soon as it aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ClientOptions {
  /** Where the proxy serves the Ampeco paths; relative (to the page) or absolute. */
  apiBase: string;
  /** Custom fetch, e.g. to add the host portal's own auth header. */
  fetch?: typeof fetch | undefined;
  /** Aborts every request of this client (the element was removed). */
  signal?: AbortSignal;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Injectable for tests. */
  sleep?: Sleep;
}

export interface CallOptions {
  /** Aborts this call only (e.g. a poll that ended). */
  signal?: AbortSignal | undefined;
}

export interface BookingFilter {
  userId: number;
  locationId: number;
}

export interface ApiClient {
  getLocation(id: number, options?: CallOptions): Promise<Location>;
  /** Every charge point of the location, following `links.next`. */
  listChargePoints(locationId: number, options?: CallOptions): Promise<ChargePoint[]>;
  /** Every EVSE of the charge point with its connectors, following `links.next`. */
  listEvses(chargePointId: number, options?: CallOptions): Promise<Evse[]>;
  /** Free windows per bookable EVSE in `range` (at most 7 days). Retried like a GET. */
  checkAvailability(locationId: number, range: AvailabilityBody, options?: CallOptions): Promise<EvseAvailability[]>;
  /** The driver account with this email, or null when there is none. */
  findUserByEmail(email: string, options?: CallOptions): Promise<User | null>;
  /**
   * Creates a booking request; resolves with it (normally `pending`).
   *
   * Never sends the POST twice for one booking unless the first is known not to have arrived:
   * - a 4xx answer is final (422 → `validation` with `fieldErrors`, 429 → `rate-limited`);
   * - when the outcome is unknown (network error, time-out, 5xx), the request is looked up by its
   *   `externalId` (a retried GET, twice with a short pause); if found, it is returned;
   * - only when both look-ups certainly find nothing is the POST sent once more, with the same
   *   `externalId`; if that one's outcome is unknown too, it is looked up once more, then the
   *   error is thrown. If a look-up itself fails, its error is thrown and nothing is re-sent.
   *
   * A body without `externalId` gets a fresh one, so that every attempt can be found again.
   */
  createBookingRequest(body: CreateBookingRequestBody, options?: CallOptions): Promise<BookingRequest>;
  /** The booking request with this `externalId`, or null. */
  findBookingRequestByExternalId(externalId: string, options?: CallOptions): Promise<BookingRequest | null>;
  getBookingRequest(id: number, options?: CallOptions): Promise<BookingRequest>;
  /** The booking with its `bookedEvses` (`include[]=bookedEvses`). */
  getBooking(id: number, options?: CallOptions): Promise<Booking>;
  /** The user's bookings at the location, following `links.next`. */
  listBookings(filter: BookingFilter, options?: CallOptions): Promise<Booking[]>;
}

/** The error codes of HTTP statuses; any other failing status is `network`. */
const CODES: Record<number, ErrorCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'timeout',
  422: 'validation',
  429: 'rate-limited',
  504: 'timeout',
};

/** Waits `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      // A long poll pauses many times on one signal: no listener is left behind.
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop);
  });

/** A fresh id for one booking attempt (UUID v4), also where `crypto.randomUUID` is unavailable (http pages). */
export const newExternalId = (): string =>
  crypto.randomUUID?.() ??
  // Each 0 and 1 becomes a random hex digit, each 8 one of 8 9 a b (the variant); the 4 stays (the version).
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value?.trim()) return;
  let seconds = +value;
  if (!Number.isFinite(seconds)) seconds = (Date.parse(value) - Date.now()) / 1000;
  return seconds > 0 ? seconds : seconds <= 0 ? 0 : undefined;
}

/**
 * A failure that may pass: network error, time-out, 408, 429 or 5xx. By code: 408 and 504 are
 * `timeout`, 429 is `rate-limited`, and a `network` error has no status or one of 5xx or not mapped.
 */
export const isTransient = (error: unknown): error is ApiError =>
  error instanceof ApiError &&
  (error.code === 'network' ? !(error.status! < 500) : error.code === 'timeout' || error.code === 'rate-limited');

interface Page<T> {
  data: T[];
  links?: { next?: string | null | undefined } | null | undefined;
}

export function createClient({
  apiBase,
  fetch: customFetch,
  signal: clientSignal,
  timeoutMs = 15_000,
  sleep: wait = sleep,
}: ClientOptions): ApiClient {
  let base: URL | undefined;
  try {
    base = new URL(apiBase, globalThis.document?.baseURI);
  } catch {
    // reported by each call as a `config` error
  }
  // Without query, fragment and trailing slashes.
  const root = base?.href.replace(/\/*([?#].*)?$/, '');

  const signalOf = (call?: CallOptions): AbortSignal =>
    AbortSignal.any([clientSignal, call?.signal].filter((s) => s) as AbortSignal[]);

  /** Logs the raw problem to the console and returns the `bad-response` error for it. */
  const badResponse = (what: string, raw: unknown, cause?: unknown): ApiError => {
    console.error('ev-booking-widget:', what, cause ?? '', raw);
    return new ApiError('bad-response', what, { cause });
  };

  /**
   * A request with its retries (unless `once`), its answer parsed with `schema`; a POST when it
   * has a body. `url` is `root` and the path, or a `links.next` of the API.
   */
  const request = async <T>(
    schema: z.ZodMiniType<T>,
    url: string,
    call?: CallOptions,
    body?: object,
    once?: boolean,
  ): Promise<T> => {
    if (!root) throw new ApiError('config', `Invalid api-base: ${apiBase}`);
    const signal = signalOf(call);
    const method = body ? 'POST' : 'GET';
    const what = `${method} ${url}`;
    for (let n = 0; ; n++) {
      signal.throwIfAborted();
      try {
        const timeout = AbortSignal.timeout(timeoutMs);
        let res: Response;
        let text: string;
        try {
          res = await (customFetch ?? fetch)(url, {
            method,
            headers: { Accept: 'application/json', ...(body && { 'Content-Type': 'application/json' }) },
            body: body && JSON.stringify(body),
            credentials: 'omit',
            signal: AbortSignal.any([signal, timeout]),
          });
          text = await res.text();
        } catch (cause) {
          signal.throwIfAborted();
          const late = timeout.aborted;
          throw new ApiError(late ? 'timeout' : 'network', what + (late ? ' timed out' : ' failed'), { cause });
        }
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (cause) {
          if (res.ok) throw badResponse(`${what}: not JSON`, text, cause);
        }
        if (!res.ok) {
          const { status } = res;
          const error = ErrorBody.safeParse(raw).data;
          const code = CODES[status] ?? 'network';
          throw new ApiError(code, error?.message || `HTTP ${status}`, {
            status,
            fieldErrors: code === 'validation' ? (error?.errors ?? {}) : undefined,
            retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
          });
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw badResponse(`${what}: schema mismatch`, raw, parsed.error);
        return parsed.data;
      } catch (error) {
        if (once || n > 2 || !isTransient(error)) throw error;
        const after = error.retryAfter;
        // "Equal jitter": half of each step fixed, half random, so that no retry comes at once.
        const step = (error.status === 429 ? 1000 : 500) << n;
        await wait(after === undefined ? (step + Math.random() * step) / 2 : Math.min(after * 1000, 30_000), signal);
      }
    }
  };

  /** The `data` of the answer to `path`. */
  const read = async <T>(
    schema: z.ZodMiniType<{ data: T }>,
    path: string,
    call?: CallOptions,
    body?: object,
    once?: boolean,
  ): Promise<T> => (await request(schema, root + path, call, body, once)).data;

  /** Every item of a cursor-paginated list; `links.next` is followed on the API's origin only, without loops. */
  const list = async <T>(schema: z.ZodMiniType<Page<T>>, path: string, call?: CallOptions): Promise<T[]> => {
    const items: T[] = [];
    const seen = new Set<string>();
    for (let href = root + path; ;) {
      seen.add(href);
      const page = await request(schema, href, call);
      items.push(...page.data);
      const next = page.links?.next;
      if (!next) return items;
      let url: URL | undefined;
      try {
        url = new URL(next, href);
      } catch {
        // not a URL: refused below
      }
      if (url?.origin !== base!.origin || seen.has(url.href) || seen.size >= 100) {
        throw badResponse(`GET ${href}: links.next refused`, next);
      }
      href = url.href;
    }
  };

  const findBookingRequestByExternalId = async (
    externalId: string,
    call?: CallOptions,
  ): Promise<BookingRequest | null> => {
    const data = await read(
      BookingRequestList,
      `/resources/booking-requests/v1.0?filter[externalId]=${encodeURIComponent(externalId)}`,
      call,
    );
    return (
      data.find((r) => r.externalId === externalId) ??
      (data.length === 1 && data[0]!.externalId == null ? data[0]! : null)
    );
  };

  return {
    getLocation: (id, call) => read(LocationResponse, `/resources/locations/v2.0/${id}`, call),

    listChargePoints: (locationId, call) =>
      list(ChargePointList, `/resources/charge-points/v2.0?filter[locationId]=${locationId}`, call),

    listEvses: (chargePointId, call) =>
      list(EvseList, `/resources/charge-points/v2.0/${chargePointId}/evses?include[]=connectors`, call),

    // The body as given: `{startAfter, endBefore}` (the proxy refuses anything else).
    checkAvailability: (locationId, range, call) =>
      read(AvailabilityResponse, `/actions/locations/v2.0/${locationId}/check-booking-availability`, call, range),

    findUserByEmail: async (email, call) =>
      (await read(UserList, `/resources/users/v1.0?filter[email]=${encodeURIComponent(email.trim())}`, call))[0] ??
      null,

    async createBookingRequest(input, call) {
      const checked = CreateBookingRequestBody.safeParse({ ...input, externalId: input.externalId ?? newExternalId() });
      if (!checked.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of checked.error.issues)
          (fieldErrors[(issue.path[0] ?? '') as string] ??= []).push(issue.message);
        throw new ApiError('validation', 'Invalid booking request', { fieldErrors, cause: checked.error });
      }
      const body = checked.data;
      const find = (): Promise<BookingRequest | null> => findBookingRequestByExternalId(body.externalId!, call);
      // The second POST, if any, is sent only after look-ups found nothing; it is looked up once.
      for (let again = false; ; again = true) {
        try {
          return await read(BookingRequestResponse, '/resources/booking-requests/v1.0', call, body, true);
        } catch (error) {
          // A 422 that the externalId is taken: a request under it exists (an earlier POST of it arrived).
          if (error instanceof ApiError && error.fieldErrors?.['externalId']) {
            const found = await find();
            if (found) return found;
          }
          // Outcome unknown: a 429 was certainly refused, anything else transient may have arrived.
          if (!isTransient(error) || error.code === 'rate-limited') throw error;
          // The answer was lost: the request may exist. Look it up, and again after a pause, since the
          // server may still be storing it.
          const found = (await find()) ?? (again ? null : (await wait(500, signalOf(call)), await find()));
          if (found) return found;
          if (again) throw error;
        }
      }
    },

    findBookingRequestByExternalId,

    getBookingRequest: (id, call) => read(BookingRequestResponse, `/resources/booking-requests/v1.0/${id}`, call),

    // Its EVSEs (`bookedEvses`) come only when asked for.
    getBooking: (id, call) => read(BookingResponse, `/resources/bookings/v1.0/${id}?include[]=bookedEvses`, call),

    listBookings: ({ userId, locationId }, call) =>
      list(BookingList, `/resources/bookings/v1.0?filter[userId]=${userId}&filter[locationId]=${locationId}`, call),
  };
}
