/**
 * The reference proxy (SPEC §9): a Web-standard `(Request) => Promise<Response>` handler that
 * forwards only the Ampeco Public API calls of the booking flow (SPEC §4), adds the Bearer
 * token from its own configuration and never lets it reach a client.
 *
 * Every upstream URL is built from the configured base plus constant path segments, validated
 * integer ids and validated query values; nothing a client sends is concatenated into it, and
 * pagination links from upstream are rewritten to point back at the proxy.
 */
import { AvailabilityBody, CreateBookingRequestBody, isEmail } from '../src/api/schemas.js';
import { TtlCache } from './cache.js';
import { RateLimiter, type RateLimitOptions } from './rate-limit.js';

export type UpstreamFetch = (request: Request) => Promise<Response>;

export interface ProxyLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly method?: string;
  /** The request's path, without its query (which may carry an email address). */
  readonly path?: string;
  readonly route?: string;
  readonly status?: number;
  readonly durationMs?: number;
  readonly detail?: string;
}

export interface ProxyOptions {
  /** Upstream Public API base, e.g. `https://tenant.eu.charge.ampeco.tech/public-api`. */
  readonly upstreamUrl: string;
  /** Ampeco API token, sent upstream as `Authorization: Bearer <token>` and nowhere else. */
  readonly token: string;
  /** How upstream requests are made. Default: the global `fetch`. */
  readonly upstreamFetch?: UpstreamFetch;
  /** Path prefix the widget's `api-base` points at. Default `/api/ampeco`. */
  readonly basePath?: string;
  /** Exact origins allowed by CORS. Default none (same origin only). */
  readonly allowedOrigins?: readonly string[];
  /** Upstream time-out (request and body), in ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** Per-client token bucket; `false` turns rate limiting off. Default 120 requests/min. */
  readonly rateLimit?: RateLimitOptions | false;
  /** How long location, charge point and EVSE answers are cached, in ms. Default 60 000. */
  readonly cacheTtlMs?: number;
  /** Longest booking a request may ask for, in minutes. Default 1440 (24 hours). */
  readonly maxBookingMinutes?: number;
  /** Largest request body accepted, in bytes. Default 16 KiB. */
  readonly maxBodyBytes?: number;
  /** Largest upstream body read, in bytes. Default 4 MiB. */
  readonly maxUpstreamBodyBytes?: number;
  /** The rate-limit key of a request (e.g. the client's IP). Default: one key for everyone. */
  readonly clientKey?: (request: Request) => string;
  /** Origin used in rewritten pagination links. Default: the request's own origin. */
  readonly publicOrigin?: string;
  readonly now?: () => number;
  readonly log?: (entry: ProxyLogEntry) => void;
}

export type ProxyHandler = (request: Request) => Promise<Response>;

// ---------------------------------------------------------------------------------------------
// Paths

const SAFE_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)+\/?$|^\/$/;

/**
 * Why a request path is refused, or `null` if it is a plain path. Refused: percent-encoding of
 * any kind (`%2f`, `%5c`, `%2e`, `%00`), backslashes, control characters, empty, `.` and `..`
 * segments. None of the forwarded paths needs any of them.
 */
export function pathProblem(path: string): string | null {
  if (!path.startsWith('/')) return 'the path must start with "/"';
  if (path.includes('%')) return 'percent-encoded characters are not allowed in the path';
  if (path.includes('//')) return 'empty path segments are not allowed';
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
    return 'dot segments are not allowed in the path';
  }
  if (!SAFE_PATH.test(path)) return 'the path contains characters that are not allowed';
  return null;
}

/**
 * Why a raw HTTP request target (as on the request line) is refused, or `null`. Only the
 * origin form (`/path?query`) is accepted: never absolute (`http://host/…`), authority or `*`.
 */
export function requestTargetProblem(target: string): string | null {
  if (!target.startsWith('/') || target.startsWith('//')) return 'only origin-form request targets are accepted';
  if (/[\x00-\x20\x7f\\#]/.test(target)) return 'the request target contains characters that are not allowed';
  const queryAt = target.indexOf('?');
  return pathProblem(queryAt === -1 ? target : target.slice(0, queryAt));
}

// ---------------------------------------------------------------------------------------------
// Routes

type ParamKind =
  'id' | 'perPage' | 'cursor' | 'page' | 'email' | 'externalId' | 'instant' | 'connectors' | 'bookedEvses';
type BodySchema = typeof AvailabilityBody | typeof CreateBookingRequestBody;
type Shape = 'plain' | 'users' | 'bookings';

const ID = '{id}';

interface Route {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  /** Segments below the base path; `{id}` stands for a positive integer. */
  readonly segments: readonly string[];
  /** Allowed query parameters; their order is the order upstream sees. */
  readonly query: Readonly<Record<string, ParamKind>>;
  readonly required: readonly string[];
  readonly body?: BodySchema;
  readonly cached: boolean;
  readonly shape: Shape;
}

const PAGE: Readonly<Record<string, ParamKind>> = { per_page: 'perPage', cursor: 'cursor', page: 'page' };
/** The query parameters that say which page a list link names (upstream's, kept in rewritten links). */
const PAGE_POSITION = ['cursor', 'page'] as const;

function route(
  name: string,
  method: 'GET' | 'POST',
  path: string,
  extra: Partial<Pick<Route, 'query' | 'required' | 'body' | 'cached' | 'shape'>> = {},
): Route {
  return {
    name,
    method,
    segments: path.split('/').slice(1),
    query: extra.query ?? {},
    required: extra.required ?? [],
    cached: extra.cached ?? false,
    shape: extra.shape ?? 'plain',
    ...(extra.body === undefined ? {} : { body: extra.body }),
  };
}

/** The method + path pairs of SPEC §4 and the query parameters each accepts. */
const ROUTES: readonly Route[] = [
  route('location', 'GET', `/resources/locations/v2.0/${ID}`, { cached: true }),
  route('charge-points', 'GET', '/resources/charge-points/v2.0', {
    query: { 'filter[locationId]': 'id', ...PAGE },
    required: ['filter[locationId]'],
    cached: true,
  }),
  route('evses', 'GET', `/resources/charge-points/v2.0/${ID}/evses`, {
    query: { 'include[]': 'connectors', ...PAGE },
    cached: true,
  }),
  route('availability', 'POST', `/actions/locations/v2.0/${ID}/check-booking-availability`, {
    body: AvailabilityBody,
  }),
  route('users', 'GET', '/resources/users/v1.0', {
    query: { 'filter[email]': 'email' },
    required: ['filter[email]'],
    shape: 'users',
  }),
  route('create-booking-request', 'POST', '/resources/booking-requests/v1.0', {
    body: CreateBookingRequestBody,
    shape: 'bookings',
  }),
  route('booking-requests', 'GET', '/resources/booking-requests/v1.0', {
    query: { 'filter[externalId]': 'externalId', ...PAGE },
    required: ['filter[externalId]'],
    shape: 'bookings',
  }),
  route('booking-request', 'GET', `/resources/booking-requests/v1.0/${ID}`, { shape: 'bookings' }),
  route('booking', 'GET', `/resources/bookings/v1.0/${ID}`, {
    query: { 'include[]': 'bookedEvses' },
    shape: 'bookings',
  }),
  route('bookings', 'GET', '/resources/bookings/v1.0', {
    query: {
      'filter[userId]': 'id',
      'filter[locationId]': 'id',
      'filter[startAfter]': 'instant',
      'filter[startBefore]': 'instant',
      ...PAGE,
    },
    required: ['filter[userId]'],
    shape: 'bookings',
  }),
];

const ID_VALUE = /^[1-9]\d{0,15}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

function validParam(kind: ParamKind, value: string): boolean {
  switch (kind) {
    case 'id':
      return ID_VALUE.test(value);
    case 'perPage':
      return /^\d{1,3}$/.test(value) && Number(value) >= 1 && Number(value) <= 100;
    case 'cursor':
      return /^[\x21-\x7e]{1,2048}$/.test(value);
    case 'page':
      return /^[1-9]\d{0,5}$/.test(value);
    case 'email':
      return isEmail(value);
    case 'externalId':
      return value.length <= 255 && /^[^\x00-\x1f\x7f]+$/.test(value);
    case 'instant':
      return INSTANT.test(value) && !Number.isNaN(Date.parse(value));
    case 'connectors':
      return value === 'connectors';
    case 'bookedEvses':
      return value === 'bookedEvses';
  }
}

interface Match {
  readonly route: Route;
  /** The path below the base path, rebuilt from constants and validated ids. */
  readonly path: string;
}

function matchRoute(method: string, segments: readonly string[]): Match | null {
  for (const candidate of ROUTES) {
    if (candidate.method !== method || candidate.segments.length !== segments.length) continue;
    const rebuilt: string[] = [];
    const matches = candidate.segments.every((expected, index) => {
      const actual = segments[index] ?? '';
      if (expected === ID) {
        if (!ID_VALUE.test(actual)) return false;
        // Verbatim: ID_VALUE admits no leading zero, and Number() would change ids past 2^53.
        rebuilt.push(actual);
        return true;
      }
      rebuilt.push(expected);
      return actual === expected;
    });
    if (matches) return { route: candidate, path: `/${rebuilt.join('/')}` };
  }
  return null;
}

/** The validated query in the route's own order, or the reason it is refused. */
function validateQuery(route: Route, search: URLSearchParams): URLSearchParams | string {
  const seen = new Map<string, string>();
  for (const [key, value] of search) {
    const kind = route.query[key];
    if (kind === undefined) return `Unknown query parameter "${printable(key)}".`;
    if (seen.has(key)) return `The query parameter "${key}" is given more than once.`;
    if (!validParam(kind, value)) return `The query parameter "${key}" is invalid.`;
    seen.set(key, value);
  }
  for (const key of route.required) {
    if (!seen.has(key)) return `The query parameter "${key}" is required.`;
  }
  const query = new URLSearchParams();
  for (const key of Object.keys(route.query)) {
    const value = seen.get(key);
    if (value !== undefined) query.append(key, value);
  }
  return query;
}

function printable(text: string): string {
  const cleaned = text.replace(/[^\x20-\x7e]/g, '?');
  return cleaned.length > 64 ? `${cleaned.slice(0, 64)}…` : cleaned;
}

// ---------------------------------------------------------------------------------------------
// Responses

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A fresh object without a prototype: keys that come from a client or from upstream
 * (`__proto__`, `constructor`, `toString`…) are plain own keys in it, never inherited members.
 */
function record<T = Json>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

const MESSAGES = {
  notFound: 'The record is not found',
  rateLimited: 'Too many requests. Please try again later.',
  timeout: 'The Ampeco API did not answer in time.',
  unreachable: 'The Ampeco API could not be reached.',
  badUpstream: 'The Ampeco API sent an invalid response.',
  internal: 'The proxy failed to handle the request.',
} as const;

// ---------------------------------------------------------------------------------------------
// Request bodies

type BodyOutcome =
  | { readonly ok: true; readonly value: Json }
  | { readonly ok: false; readonly status: number; readonly body: JsonObject };

function failure(status: number, message: string, errors?: Record<string, string[]>): BodyOutcome {
  return { ok: false, status, body: errors === undefined ? { message } : { message, errors } };
}

function isJsonContentType(header: string | null): boolean {
  if (header === null) return false;
  const [type = '', ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
}

/** The whole stream, or `null` (and the stream cancelled) once it exceeds `cap` bytes. */
async function readCapped(stream: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array | null> {
  if (stream === null) return new Uint8Array(0);
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > cap) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

interface ZodIssueLike {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly expected?: unknown;
  readonly values?: readonly unknown[];
}

/** Ampeco-shaped 422 field messages for the schema's issues. */
function fieldErrors(issues: readonly ZodIssueLike[], input: unknown): Record<string, string[]> {
  const errors = record<string[]>();
  const add = (field: string, message: string): void => {
    (errors[field] ??= []).push(message);
  };
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys ?? []) add(printable(key), `The ${printable(key)} field is not allowed.`);
      continue;
    }
    const field = issue.path.map(String).join('.');
    if (field === '') {
      add('body', 'The request body must be a JSON object.');
    } else if (isObject(input) && !Object.hasOwn(input, field)) {
      add(field, `The ${field} field is required.`);
    } else if (issue.code === 'invalid_value' && issue.values !== undefined) {
      add(field, `The ${field} field must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}.`);
    } else if (issue.code === 'invalid_type') {
      add(field, `The ${field} field must be of type ${String(issue.expected)}.`);
    } else if (issue.code === 'invalid_format') {
      add(field, `The ${field} field must be an ISO 8601 UTC date-time like 2026-03-01T10:00:00Z.`);
    } else if (issue.code === 'too_small' || issue.code === 'too_big') {
      add(field, `The ${field} field is out of range.`);
    } else {
      add(field, `The ${field} field is invalid.`);
    }
  }
  return errors;
}

async function parseBody(request: Request, schema: BodySchema, cap: number): Promise<BodyOutcome> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    return failure(415, 'The request body must be sent as application/json.');
  }
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    if (!/^\d{1,15}$/.test(declared)) return failure(400, 'The Content-Length header is invalid.');
    if (Number(declared) > cap) return failure(413, `The request body must not exceed ${cap} bytes.`);
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readCapped(request.body, cap);
  } catch {
    // The client aborted or sent a broken (e.g. chunked) body: its mistake, not a proxy fault.
    return failure(400, 'The request body could not be read.');
  }
  if (bytes === null) return failure(413, `The request body must not exceed ${cap} bytes.`);
  let input: Json;
  try {
    input = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Json;
  } catch {
    return failure(400, 'The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return failure(422, 'The given data was invalid.', fieldErrors(parsed.error.issues, input));
  }
  return { ok: true, value: parsed.data };
}

const AVAILABILITY_MAX_MS = 7 * 24 * 3_600_000;

/**
 * Field messages for what the schemas cannot see: time frames that end before they start, an
 * availability check over more than the 7 days Ampeco allows, a booking longer than
 * `maxBookingMs` (one anonymous request could otherwise hold an EVSE for months), and an
 * `externalId` that `filter[externalId]` could never find again (control characters).
 */
function rangeErrors(route: Route, body: Json, maxBookingMs: number): Record<string, string[]> | null {
  if (!isObject(body)) return null;
  const errors = record<string[]>();
  const span = (from: string, to: string, max: number, tooLong: string): void => {
    const length = Date.parse(String(body[to])) - Date.parse(String(body[from]));
    if (!(length > 0)) errors[to] = [`The ${to} field must be a date after ${from}.`];
    else if (length > max) errors[to] = [tooLong];
  };
  if (route.body === AvailabilityBody) {
    span(
      'startAfter',
      'endBefore',
      AVAILABILITY_MAX_MS,
      'The endBefore field must be at most 7 days after startAfter.',
    );
  } else if (route.body === CreateBookingRequestBody) {
    span('startAt', 'endAt', maxBookingMs, `A booking must not be longer than ${maxBookingMs / 60_000} minutes.`);
    const externalId = body['externalId'];
    if (typeof externalId === 'string' && !validParam('externalId', externalId)) {
      errors['externalId'] = ['The externalId field must not contain control characters.'];
    }
  }
  return Object.keys(errors).length === 0 ? null : errors;
}

// ---------------------------------------------------------------------------------------------
// Upstream

type UpstreamOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      readonly body: Json | undefined;
      readonly retryAfter: string | null;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly detail: string };

const TIMED_OUT: unique symbol = Symbol('timed out');

async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(TIMED_OUT);
    }, ms);
  });
  try {
    return await Promise.race([work(controller.signal), expired]);
  } finally {
    clearTimeout(timer);
  }
}

const RETRY_AFTER = /^\d{1,7}$/;

function retryAfterOf(headers: Headers): string | null {
  const value = headers.get('retry-after')?.trim() ?? null;
  if (value === null) return null;
  if (RETRY_AFTER.test(value)) return value;
  return /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(value) && !Number.isNaN(Date.parse(value))
    ? value
    : null;
}

async function readUpstreamBody(response: Response, cap: number): Promise<Json | undefined | 'too-large'> {
  const bytes = await readCapped(response.body, cap);
  if (bytes === null) return 'too-large';
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Json;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Response shaping

const BOOKING_SECRETS = ['authorizedTokens', 'authorizedTokenIds'];
const LINK_KEYS = ['first', 'last', 'prev', 'next'];
const META_KEYS = [
  'path',
  'per_page',
  'next_cursor',
  'prev_cursor',
  'current_page',
  'from',
  'to',
  'last_page',
  'total',
];

function withoutKeys(value: Json, keys: readonly string[]): Json {
  if (!isObject(value)) return value;
  const copy = record();
  for (const [key, item] of Object.entries(value)) if (!keys.includes(key)) copy[key] = item;
  return copy;
}

/** Users stripped to `{ id }`: no names, phone, balance. `null` if upstream's shape is wrong. */
function userIds(body: JsonObject): JsonObject | null {
  const data = body['data'];
  if (!Array.isArray(data)) return null;
  const users: Json[] = [];
  for (const user of data) {
    const id = isObject(user) ? user['id'] : undefined;
    if (typeof id !== 'string' && typeof id !== 'number') return null;
    users.push({ id });
  }
  return { data: users };
}

interface LinkContext {
  /** The proxy's URL of this resource, without a query. */
  readonly resourceUrl: string;
  /** The client's validated query, without its cursor. */
  readonly query: URLSearchParams;
  readonly upstreamBase: URL;
}

/**
 * A link of upstream's pagination rewritten onto the proxy: only its `cursor` (or page number, for
 * an upstream that numbers pages) is kept. A `next` or `prev` link with neither becomes `null`:
 * rewritten without one it would name the first page again, and a client following `links.next`
 * would never stop.
 */
function proxyLink(link: Json | undefined, context: LinkContext, needsCursor: boolean): Json {
  if (typeof link !== 'string') return null;
  let upstream: URL;
  try {
    upstream = new URL(link, context.upstreamBase);
  } catch {
    return null;
  }
  if (upstream.protocol !== 'https:' && upstream.protocol !== 'http:') return null;
  const query = new URLSearchParams(context.query);
  let kept = false;
  for (const key of PAGE_POSITION) {
    const value = upstream.searchParams.get(key);
    if (value === null) continue;
    if (!validParam(key, value)) return null;
    query.set(key, value);
    kept = true;
  }
  if (needsCursor && !kept) return null;
  const search = query.toString();
  return search === '' ? context.resourceUrl : `${context.resourceUrl}?${search}`;
}

function rewritePagination(body: JsonObject, context: LinkContext): JsonObject {
  const result: JsonObject = { ...body };
  const links = body['links'];
  if (isObject(links)) {
    const rewritten: JsonObject = {};
    for (const key of LINK_KEYS) {
      if (key in links) rewritten[key] = proxyLink(links[key], context, key === 'next' || key === 'prev');
    }
    result['links'] = rewritten;
  } else if (links !== undefined) {
    result['links'] = null;
  }
  const meta = body['meta'];
  if (isObject(meta)) {
    const rewritten: JsonObject = {};
    for (const key of META_KEYS) {
      const item = meta[key];
      if (item === undefined) continue;
      if (key === 'path') rewritten[key] = context.resourceUrl;
      else if (item === null || typeof item === 'number' || typeof item === 'string') rewritten[key] = item;
    }
    result['meta'] = rewritten;
  } else if (meta !== undefined) {
    result['meta'] = null;
  }
  return result;
}

function shapeSuccess(route: Route, body: JsonObject, context: LinkContext): JsonObject | null {
  if (route.shape === 'users') return userIds(body);
  const shaped: JsonObject = { ...body };
  if (route.shape === 'bookings' && 'data' in body) {
    const data = body['data'] ?? null;
    shaped['data'] = Array.isArray(data)
      ? data.map((item) => withoutKeys(item, BOOKING_SECRETS))
      : withoutKeys(data, BOOKING_SECRETS);
  }
  return 'links' in body || 'meta' in body ? rewritePagination(shaped, context) : shaped;
}

/** Only `message` (and `errors` of string lists) of an upstream error body reach the client. */
function errorBody(status: number, body: Json | undefined): JsonObject {
  const message =
    isObject(body) && typeof body['message'] === 'string' ? body['message'] : `The Ampeco API answered ${status}.`;
  const result: JsonObject = { message };
  const errors = isObject(body) ? body['errors'] : undefined;
  if (isObject(errors)) {
    const fields = record();
    for (const [field, list] of Object.entries(errors)) {
      if (Array.isArray(list)) fields[field] = list.filter((item): item is string => typeof item === 'string');
    }
    result['errors'] = fields;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The handler

const CORS_METHODS = 'GET, POST';
/**
 * A header name a preflight may ask for (an RFC 9110 token). Any such header is allowed: the widget's
 * `fetch` property may add the host portal's own (e.g. an auth header for a proxy that wraps this
 * handler), and nothing a client sends is forwarded upstream except the body, so no header can
 * reach Ampeco or replace the proxy's token.
 */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]{1,64}$/;
const MAX_PREFLIGHT_HEADERS = 20;

/** Creates the proxy handler. Throws `TypeError` on an unusable `upstreamUrl`, `token` or `maxBookingMinutes`. */
export function createProxy(options: ProxyOptions): ProxyHandler {
  const upstreamBase = new URL(options.upstreamUrl);
  if (upstreamBase.protocol !== 'https:' && upstreamBase.protocol !== 'http:') {
    throw new TypeError('upstreamUrl must be an http(s) URL');
  }
  if (options.token === '' || /[\x00-\x20\x7f]/.test(options.token)) throw new TypeError('token is empty or malformed');
  const upstreamPath = upstreamBase.pathname.replace(/\/+$/, '');
  const basePath = (options.basePath ?? '/api/ampeco').replace(/\/+$/, '');
  if (basePath !== '' && pathProblem(basePath) !== null) throw new TypeError('basePath must be a plain path');
  const token = options.token;
  const upstreamFetch: UpstreamFetch = options.upstreamFetch ?? ((request) => fetch(request));
  const allowedOrigins = new Set(options.allowedOrigins ?? []);
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const maxBookingMinutes = options.maxBookingMinutes ?? 24 * 60;
  if (!(maxBookingMinutes > 0 && maxBookingMinutes <= 366 * 24 * 60))
    throw new TypeError('maxBookingMinutes must be positive');
  const maxBookingMs = maxBookingMinutes * 60_000;
  const maxUpstreamBodyBytes = options.maxUpstreamBodyBytes ?? 4 * 1024 * 1024;
  const now = options.now ?? Date.now;
  const clientKey = options.clientKey ?? ((): string => 'all');
  const limiter = options.rateLimit === false ? null : new RateLimiter(options.rateLimit ?? {}, now);
  const cache = new TtlCache<UpstreamOutcome>({
    ttlMs: options.cacheTtlMs ?? 60_000,
    maxEntries: 1000,
    now,
    // Only answers with data: an upstream hiccup such as `200 {"data": null}` is not kept for a minute.
    shouldStore: (outcome) =>
      outcome.kind === 'response' &&
      outcome.status === 200 &&
      isObject(outcome.body) &&
      (isObject(outcome.body['data']) || Array.isArray(outcome.body['data'])),
  });

  /**
   * Removes the token from any text leaving the proxy, should upstream ever echo it: as it is or
   * percent-encoded (echoed in a URL).
   */
  const secrets = [...new Set([token, encodeURIComponent(token)])];
  const redact = (text: string): string =>
    token.length < 8 ? text : secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), text);

  const log = (entry: ProxyLogEntry): void => {
    if (options.log === undefined) return;
    try {
      options.log(entry.detail === undefined ? entry : { ...entry, detail: redact(entry.detail) });
    } catch {
      // A failing logger must not fail requests.
    }
  };

  const json = (status: number, body: JsonObject, headers: Record<string, string> = {}): Response =>
    new Response(redact(JSON.stringify(body)), {
      status,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        ...headers,
      },
    });

  const corsHeaders = (request: Request): Record<string, string> => {
    const origin = request.headers.get('origin');
    if (origin === null || !allowedOrigins.has(origin)) return { vary: 'Origin' };
    return {
      vary: 'Origin',
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'Retry-After',
    };
  };

  const preflight = (request: Request): Response => {
    const origin = request.headers.get('origin');
    if (origin === null) return new Response(null, { status: 204, headers: { allow: 'GET, POST, OPTIONS' } });
    const method = request.headers.get('access-control-request-method');
    if (!allowedOrigins.has(origin) || (method !== null && method !== 'GET' && method !== 'POST')) {
      return json(403, { message: 'This origin or method is not allowed.' }, { vary: 'Origin' });
    }
    const asked = (request.headers.get('access-control-request-headers') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    if (asked.length > MAX_PREFLIGHT_HEADERS || asked.some((name) => !HEADER_NAME.test(name))) {
      return json(403, { message: 'These request headers are not allowed.' }, { vary: 'Origin' });
    }
    return new Response(null, {
      status: 204,
      headers: {
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        'access-control-allow-origin': origin,
        'access-control-allow-methods': CORS_METHODS,
        'access-control-allow-headers': asked.length ? asked.join(', ') : 'content-type',
        'access-control-max-age': '600',
      },
    });
  };

  const callUpstream = async (route: Route, url: URL, body: Json | undefined): Promise<UpstreamOutcome> => {
    const headers = new Headers({ accept: 'application/json', authorization: `Bearer ${token}` });
    if (body !== undefined) headers.set('content-type', 'application/json');
    try {
      const outcome = await withTimeout(async (signal): Promise<UpstreamOutcome> => {
        const response = await upstreamFetch(
          new Request(url, {
            method: route.method,
            headers,
            redirect: 'manual',
            signal,
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          }),
        );
        const declared = Number(response.headers.get('content-length') ?? 0);
        if (declared > maxUpstreamBodyBytes) {
          await response.body?.cancel().catch(() => undefined);
          return { kind: 'failed', detail: 'upstream body too large' };
        }
        const parsed = await readUpstreamBody(response, maxUpstreamBodyBytes);
        if (parsed === 'too-large') return { kind: 'failed', detail: 'upstream body too large' };
        return { kind: 'response', status: response.status, body: parsed, retryAfter: retryAfterOf(response.headers) };
      }, timeoutMs);
      return outcome === TIMED_OUT ? { kind: 'timeout' } : outcome;
    } catch (error) {
      return { kind: 'failed', detail: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error' };
    }
  };

  const answer = (
    route: Route,
    outcome: UpstreamOutcome,
    context: LinkContext,
    cors: Record<string, string>,
  ): Response => {
    if (outcome.kind === 'timeout') {
      log({ level: 'warn', message: 'upstream timed out', route: route.name });
      return json(504, { message: MESSAGES.timeout }, cors);
    }
    if (outcome.kind === 'failed') {
      log({ level: 'warn', message: 'upstream failed', route: route.name, detail: outcome.detail });
      return json(502, { message: MESSAGES.unreachable }, cors);
    }
    const { status, body, retryAfter } = outcome;
    const headers = retryAfter === null ? cors : { ...cors, 'retry-after': retryAfter };
    if (status >= 200 && status < 300) {
      const shaped = isObject(body) ? shapeSuccess(route, body, context) : null;
      if (shaped !== null) return json(status, shaped, headers);
    } else if (status >= 400 && status <= 599) {
      return json(status, errorBody(status, body), headers);
    }
    log({ level: 'warn', message: 'upstream sent an invalid response', route: route.name, detail: `status ${status}` });
    return json(502, { message: MESSAGES.badUpstream }, cors);
  };

  const dispatch = async (request: Request, url: URL): Promise<{ response: Response; route?: string }> => {
    const problem = pathProblem(url.pathname);
    // SPEC §9: anything but the allowed method, path and query pairs is a 404, whatever the reason.
    if (problem !== null) return { response: json(404, { message: `Bad request path: ${problem}.` }) };
    if (url.pathname === '/healthz') {
      return {
        response: request.method === 'GET' ? json(200, { status: 'ok' }) : json(404, { message: MESSAGES.notFound }),
      };
    }
    if (!url.pathname.startsWith(`${basePath}/`)) return { response: json(404, { message: MESSAGES.notFound }) };
    const segments = url.pathname.slice(basePath.length + 1).split('/');
    if (request.method === 'OPTIONS') {
      // A preflight only for a path that is forwarded (by GET or by POST); anything else: 404.
      const known = matchRoute('GET', segments) ?? matchRoute('POST', segments);
      return { response: known === null ? json(404, { message: MESSAGES.notFound }) : preflight(request) };
    }

    const cors = corsHeaders(request);
    if (limiter !== null) {
      const decision = limiter.take(clientKey(request));
      if (!decision.allowed) {
        const retryAfter = String(decision.retryAfterSeconds);
        return { response: json(429, { message: MESSAGES.rateLimited }, { ...cors, 'retry-after': retryAfter }) };
      }
    }

    const match = matchRoute(request.method, segments);
    if (match === null) return { response: json(404, { message: MESSAGES.notFound }, cors) };
    const { route } = match;

    const query = validateQuery(route, url.searchParams);
    if (typeof query === 'string') return { response: json(404, { message: query }, cors), route: route.name };

    let body: Json | undefined;
    if (route.body !== undefined) {
      const parsed = await parseBody(request, route.body, maxBodyBytes);
      if (!parsed.ok) return { response: json(parsed.status, parsed.body, cors), route: route.name };
      const errors = rangeErrors(route, parsed.value, maxBookingMs);
      if (errors !== null) {
        return { response: json(422, { message: 'The given data was invalid.', errors }, cors), route: route.name };
      }
      body = parsed.value;
    }

    const upstreamUrl = new URL(upstreamBase.origin);
    upstreamUrl.pathname = `${upstreamPath}${match.path}`;
    upstreamUrl.search = query.toString();
    const linkQuery = new URLSearchParams(query);
    for (const key of PAGE_POSITION) linkQuery.delete(key);
    const context: LinkContext = {
      resourceUrl: `${options.publicOrigin ?? url.origin}${basePath}${match.path}`,
      query: linkQuery,
      upstreamBase,
    };
    const outcome = route.cached
      ? await cache.get(upstreamUrl.href, () => callUpstream(route, upstreamUrl, undefined))
      : await callUpstream(route, upstreamUrl, body);
    return { response: answer(route, outcome, context, cors), route: route.name };
  };

  return async function proxy(request: Request): Promise<Response> {
    const started = now();
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return json(400, { message: 'Bad request URL.' });
    }
    let result: { response: Response; route?: string };
    try {
      result = await dispatch(request, url);
    } catch (error) {
      log({
        level: 'error',
        message: 'proxy error',
        detail: error instanceof Error ? (error.stack ?? error.message) : 'unknown error',
      });
      result = { response: json(500, { message: MESSAGES.internal }) };
    }
    log({
      level: 'info',
      message: 'request',
      method: request.method,
      path: url.pathname,
      status: result.response.status,
      durationMs: Math.max(0, now() - started),
      ...(result.route === undefined ? {} : { route: result.route }),
    });
    return result.response;
  };
}
