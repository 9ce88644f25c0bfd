/**
 * The API client: the one module that knows the Ampeco Public API paths (SPEC §4) as the proxy
 * serves them under `apiBase`. Every response is parsed with its zod schema; every failure becomes
 * an {@link ApiError} with a SPEC §5 code, except an abort of the caller's signal, which rejects
 * with the `AbortError` so that callers can ignore it (see `isAbortError`).
 *
 * Retries (SPEC §8): reads (GETs and the availability POST) are retried on network errors, time-outs,
 * 5xx and 429, with capped exponential backoff and full jitter, waiting `Retry-After` when the server
 * sends one. The create POST is never repeated blindly: see {@link ApiClient.createBookingRequest}.
 */
import type * as z from 'zod/mini';
import { ApiError, codeForStatus, isAbortError } from './errors.js';
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

export interface RetryOptions {
  /** Attempts after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Waits `ms`; rejects with the signal's abort error as soon as it aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ClientOptions {
  /** Where the proxy serves the Ampeco paths; relative (to the page) or absolute. */
  apiBase: string;
  /** Custom fetch, e.g. to add the host portal's own auth header. */
  fetch?: typeof fetch;
  /** Aborts every request of this client (the element was removed). */
  signal?: AbortSignal;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  retry?: Partial<RetryOptions>;
  /** Injectable for tests. */
  sleep?: Sleep;
}

export interface CallOptions {
  /** Aborts this call only (e.g. a `@lit/task` run that became stale). */
  signal?: AbortSignal;
}

export interface BookingFilter {
  userId: number;
  locationId?: number;
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
  getBooking(id: number, options?: CallOptions): Promise<Booking>;
  /** The user's bookings (at the location, when given), following `links.next`. */
  listBookings(filter: BookingFilter, options?: CallOptions): Promise<Booking[]>;
}

export const DEFAULT_RETRY: RetryOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 8000 };
const DEFAULT_TIMEOUT_MS = 15_000;
const MAX_RETRY_AFTER_MS = 30_000;
const MAX_PAGES = 100;

/** The rejection for an aborted signal: its reason when that is an `AbortError`, else a new one. */
export function abortError(signal: AbortSignal): unknown {
  return isAbortError(signal.reason) ? signal.reason : new DOMException('The operation was aborted', 'AbortError');
}

/** `AbortSignal.any`, with a fallback for browsers that lack it. */
export function anySignal(signals: (AbortSignal | undefined)[]): AbortSignal {
  const list = signals.filter((s): s is AbortSignal => s !== undefined);
  if ('any' in AbortSignal) return AbortSignal.any(list);
  const controller = new AbortController();
  for (const s of list) {
    if (s.aborted) controller.abort(s.reason);
    else s.addEventListener('abort', () => controller.abort(s.reason), { once: true });
  }
  return controller.signal;
}

/** Waits `ms`, or rejects with the abort error as soon as `signal` aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) return reject(abortError(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/** A fresh id for one booking attempt (UUID v4), also where `crypto.randomUUID` is unavailable (http pages). */
export function newExternalId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value?.trim()) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** A failure that may pass: network error, time-out, 408, 429 or 5xx. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const { status } = error;
  return status === undefined
    ? error.code === 'network' || error.code === 'timeout'
    : status >= 500 || status === 429 || status === 408;
}

/** The field messages of a zod failure, keyed by the top-level field. */
function fieldErrorsOf(error: z.core.$ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[String(issue.path[0] ?? '')] ??= []).push(issue.message);
  return out;
}

interface Req {
  method: 'GET' | 'POST';
  url: string;
  body?: unknown;
  /** Whether transient failures are retried (never for the create POST). */
  retry: boolean;
}

interface Page<T> {
  data: T[];
  links?: { next?: string | null | undefined } | null | undefined;
}

export function createClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const wait = options.sleep ?? sleep;
  let base: URL | undefined;
  try {
    base = new URL(options.apiBase, typeof document === 'undefined' ? undefined : document.baseURI);
  } catch {
    // reported by each call as a `config` error
  }
  const root = base ? base.href.replace(/[?#].*$/, '').replace(/\/+$/, '') : '';

  const signalFor = (call?: CallOptions): AbortSignal => anySignal([options.signal, call?.signal]);

  const url = (path: string, query: Record<string, string | number | undefined> = {}): string => {
    const q = Object.entries(query)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    return root + path + (q ? `?${q}` : '');
  };

  const badResponse = (req: Req, message: string, raw: unknown, cause?: unknown): ApiError => {
    console.error(`ev-booking-widget: ${req.method} ${req.url}: ${message}`, cause ?? '', raw);
    return new ApiError('bad-response', `Unexpected response from ${req.method} ${req.url}: ${message}`, { cause });
  };

  /** One request: the parsed JSON of a 2xx answer, or a typed error. */
  const attempt = async (req: Req, signal: AbortSignal): Promise<unknown> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await doFetch(req.url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        credentials: 'omit',
        signal: anySignal([signal, timeout]),
      });
      text = await res.text();
    } catch (error) {
      if (signal.aborted) throw abortError(signal);
      const what = `${req.method} ${req.url}`;
      if (timeout.aborted) throw new ApiError('timeout', `${what} timed out`, { cause: error });
      throw new ApiError('network', `${what} failed`, { cause: error });
    }
    if (!res.ok) {
      let body: ErrorBody = {};
      try {
        const parsed = ErrorBody.safeParse(JSON.parse(text));
        if (parsed.success) body = parsed.data;
      } catch {
        // not JSON: keep the status only
      }
      const code = codeForStatus(res.status);
      throw new ApiError(code, body.message || `HTTP ${res.status}`, {
        status: res.status,
        fieldErrors: code === 'validation' ? (body.errors ?? {}) : undefined,
        retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
      });
    }
    try {
      return JSON.parse(text);
    } catch (error) {
      throw badResponse(req, 'not JSON', text, error);
    }
  };

  /** A request with its retries, parsed with `schema`. */
  const request = async <T>(schema: z.ZodMiniType<T>, req: Req, signal: AbortSignal): Promise<T> => {
    if (!root) throw new ApiError('config', `Invalid api-base: ${options.apiBase}`);
    for (let n = 0; ; n++) {
      if (signal.aborted) throw abortError(signal);
      try {
        const raw = await attempt(req, signal);
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw badResponse(req, 'does not match the schema', raw, parsed.error);
        return parsed.data;
      } catch (error) {
        if (!req.retry || n >= retry.retries || !isTransient(error)) throw error;
        const after = (error as ApiError).retryAfter;
        await wait(
          after === undefined
            ? Math.random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** n)
            : Math.min(after * 1000, MAX_RETRY_AFTER_MS),
          signal,
        );
      }
    }
  };

  const get = <T>(schema: z.ZodMiniType<T>, href: string, signal: AbortSignal): Promise<T> =>
    request(schema, { method: 'GET', url: href, retry: true }, signal);

  /** Every item of a cursor-paginated list; `links.next` is followed on the API's origin only, without loops. */
  const list = async <T>(schema: z.ZodMiniType<Page<T>>, first: string, signal: AbortSignal): Promise<T[]> => {
    const items: T[] = [];
    const seen = new Set<string>();
    for (let next: string | null | undefined = first, current = first; next;) {
      let href: string;
      try {
        href = new URL(next, current).href;
      } catch {
        href = '';
      }
      if (!href || !base || new URL(href).origin !== base.origin || seen.has(href) || seen.size >= MAX_PAGES) {
        throw badResponse({ method: 'GET', url: current, retry: true }, 'links.next is not followed', next);
      }
      seen.add(href);
      const page = await get(schema, href, signal);
      items.push(...page.data);
      next = page.links?.next;
      current = href;
    }
    return items;
  };

  const findBookingRequestByExternalId = async (
    externalId: string,
    call?: CallOptions,
  ): Promise<BookingRequest | null> => {
    const { data } = await get(
      BookingRequestList,
      url('/resources/booking-requests/v1.0', { 'filter[externalId]': externalId }),
      signalFor(call),
    );
    return (
      data.find((r) => r.externalId === externalId) ??
      (data.length === 1 && data[0]!.externalId == null ? data[0]! : null)
    );
  };

  return {
    getLocation: async (id, call) =>
      (await get(LocationResponse, url(`/resources/locations/v2.0/${id}`), signalFor(call))).data,

    listChargePoints: (locationId, call) =>
      list(
        ChargePointList,
        url('/resources/charge-points/v2.0', { 'filter[locationId]': locationId }),
        signalFor(call),
      ),

    listEvses: (chargePointId, call) =>
      list(
        EvseList,
        url(`/resources/charge-points/v2.0/${chargePointId}/evses`, { 'include[]': 'connectors' }),
        signalFor(call),
      ),

    checkAvailability: async (locationId, range, call) => {
      const body = { startAfter: range.startAfter, endBefore: range.endBefore };
      const req: Req = {
        method: 'POST',
        url: url(`/actions/locations/v2.0/${locationId}/check-booking-availability`),
        body,
        retry: true,
      };
      return (await request(AvailabilityResponse, req, signalFor(call))).data;
    },

    findUserByEmail: async (email, call) =>
      (await get(UserList, url('/resources/users/v1.0', { 'filter[email]': email.trim() }), signalFor(call))).data[0] ??
      null,

    async createBookingRequest(input, call) {
      const signal = signalFor(call);
      const checked = CreateBookingRequestBody.safeParse({ ...input, externalId: input.externalId ?? newExternalId() });
      if (!checked.success) {
        throw new ApiError('validation', 'Invalid booking request', {
          fieldErrors: fieldErrorsOf(checked.error),
          cause: checked.error,
        });
      }
      const body = checked.data;
      const externalId = body.externalId!;
      const post = async (): Promise<BookingRequest> =>
        (
          await request(
            BookingRequestResponse,
            { method: 'POST', url: url('/resources/booking-requests/v1.0'), body, retry: false },
            signal,
          )
        ).data;
      /** Outcome unknown: a 429 was certainly refused, anything else transient may have arrived. */
      const unknownOutcome = (error: unknown): boolean => isTransient(error) && (error as ApiError).status !== 429;

      try {
        return await post();
      } catch (error) {
        if (!unknownOutcome(error)) throw error;
      }
      // The answer was lost: the request may exist. Look it up, and again after a pause, since the
      // server may still be storing it.
      const found =
        (await findBookingRequestByExternalId(externalId, { signal })) ??
        (await wait(retry.baseDelayMs, signal), await findBookingRequestByExternalId(externalId, { signal }));
      if (found) return found;
      try {
        return await post();
      } catch (error) {
        if (!unknownOutcome(error)) throw error;
        const again = await findBookingRequestByExternalId(externalId, { signal });
        if (again) return again;
        throw error;
      }
    },

    findBookingRequestByExternalId,

    getBookingRequest: async (id, call) =>
      (await get(BookingRequestResponse, url(`/resources/booking-requests/v1.0/${id}`), signalFor(call))).data,

    getBooking: async (id, call) =>
      (await get(BookingResponse, url(`/resources/bookings/v1.0/${id}`), signalFor(call))).data,

    listBookings: ({ userId, locationId }, call) =>
      list(
        BookingList,
        url('/resources/bookings/v1.0', { 'filter[userId]': userId, 'filter[locationId]': locationId }),
        signalFor(call),
      ),
  };
}
