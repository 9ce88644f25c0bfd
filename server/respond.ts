/**
 * How the gateway answers: JSON with `no-store` and `nosniff`, token-redacted over the parsed
 * value, compressed when the client accepts it; the 404 that says nothing; upstream failures
 * mapped to 502 / 504; upstream error bodies reduced to `message` and `errors`.
 */
import type { Context } from 'hono';
import { requestHeader } from './request-header.js';
import { isObject, record, type GatewayEnv, type Json, type JsonObject } from './types.js';
import type { UpstreamOutcome } from './upstream.js';

export const MESSAGES = {
  notFound: 'The record is not found',
  timeout: 'The Ampeco API did not answer in time.',
  unreachable: 'The Ampeco API could not be reached.',
  badUpstream: 'The Ampeco API sent an invalid response.',
  upstreamRefusedToken: 'The Ampeco API refused the gateway’s credentials.',
  internal: 'The gateway failed to handle the request.',
} as const;

/**
 * Every JSON answer: `Vary: Origin` because CORS adds headers to an allowed origin's (server/cors.ts);
 * data only, never a page: no sniffing, no framing, no active content, no referrer if opened.
 * Frozen, so that an answer without further headers can take it as it is: a Response copies its
 * header init before anything changes a header.
 */
const BASE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-type': 'application/json; charset=utf-8',
  vary: 'Origin',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
});
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

export type Encoding = 'br' | 'gzip';
export type Compressor = (text: string, encoding: Encoding) => Promise<Uint8Array<ArrayBuffer>>;

/**
 * The encoding to answer in: `br` before `gzip`, neither when refused (`;q=0`) or not asked for;
 * `*` (any) is answered with `gzip`, which every client decodes, unless that one is refused.
 */
export function acceptedEncoding(header: string | undefined, offered: readonly Encoding[]): Encoding | null {
  if (header === undefined) return null;
  const accepted = new Set<string>();
  const refused = new Set<string>();
  for (const part of header.toLowerCase().split(',')) {
    const [name = '', ...params] = part.split(';').map((item) => item.trim());
    (params.some((param) => /^q=0(\.0*)?$/.test(param)) ? refused : accepted).add(name);
  }
  const named = offered.find((encoding) => accepted.has(encoding));
  if (named !== undefined || !accepted.has('*')) return named ?? null;
  return (
    (['gzip', ...offered] as const).find((encoding) => offered.includes(encoding) && !refused.has(encoding)) ?? null
  );
}

/** A plain JSON answer of constant text (nothing upstream or client-made in it). */
export function jsonResponse(status: number, body: JsonObject, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...BASE_HEADERS, ...headers } });
}

/**
 * The one 404: the same for a path never served, an id that does not exist and a missing capability.
 * A `message` that names what the client sent (a query parameter) loses the token, should it be there.
 */
export function notFound(c: Context<GatewayEnv>, message: string = MESSAGES.notFound): Response {
  return jsonResponse(404, {
    message: message === MESSAGES.notFound ? message : c.get('gateway').redactor.text(message),
  });
}

/** Every negotiated JSON answer: compressed or not, it depends on `Accept-Encoding` too. */
const NEGOTIATED_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  ...BASE_HEADERS,
  vary: 'Origin, Accept-Encoding',
});

/** Answers `body` redacted, serialized and, when the client accepts it, compressed (SPEC §9), whatever its size. */
export async function sendJson(
  c: Context<GatewayEnv>,
  status: number,
  body: JsonObject,
  headers: Readonly<Record<string, string>> = NO_HEADERS,
): Promise<Response> {
  const gateway = c.get('gateway');
  const text = JSON.stringify(gateway.redactor.json(body));
  const encoding = acceptedEncoding(requestHeader(c, 'accept-encoding'), gateway.encodings);
  if (encoding === null) {
    return new Response(text, {
      status,
      headers: headers === NO_HEADERS ? NEGOTIATED_HEADERS : { ...NEGOTIATED_HEADERS, ...headers },
    });
  }
  const compressed = await gateway.compress(text, encoding);
  return new Response(compressed, {
    status,
    headers: { ...NEGOTIATED_HEADERS, ...headers, 'content-encoding': encoding },
  });
}

/**
 * Only `message` (and `errors` of string lists) of an upstream 4xx body reach the client. A 5xx
 * body is upstream's own trouble (an exception, a database or host name): the client gets the
 * status alone, in a message of the gateway's.
 */
export function errorBody(status: number, body: Json | undefined): JsonObject {
  const generic = `The Ampeco API answered ${status}.`;
  if (status >= 500) return { message: generic };
  const message = isObject(body) && typeof body['message'] === 'string' ? body['message'] : generic;
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

/** `Retry-After` of an upstream answer, as a header to pass on. */
export function retryAfterHeader(outcome: UpstreamOutcome): Record<string, string> {
  return outcome.kind === 'response' && outcome.retryAfter !== null ? { 'retry-after': outcome.retryAfter } : {};
}

/**
 * The answer for an upstream outcome that is not the success the route expects: time-out 504,
 * unreachable 502, an error status passed on as `{message, errors}` (404 as the one 404 when
 * `hideNotFound`; 401, a refusal of the gateway's token, as 502), anything else 502.
 */
export async function upstreamProblem(
  c: Context<GatewayEnv>,
  outcome: UpstreamOutcome,
  options: { readonly hideNotFound?: boolean } = {},
): Promise<Response> {
  const gateway = c.get('gateway');
  const route = c.get('route');
  if (outcome.kind === 'timeout') {
    gateway.log({ level: 'warn', message: 'upstream timed out', route });
    return sendJson(c, 504, { message: MESSAGES.timeout });
  }
  if (outcome.kind === 'failed') {
    gateway.log({ level: 'warn', message: 'upstream failed', route, detail: outcome.detail });
    return sendJson(c, 502, { message: MESSAGES.unreachable });
  }
  if (outcome.status === 404 && options.hideNotFound === true) return notFound(c);
  // Upstream's 401 is about the gateway's token, not the client's: a 401 of the gateway means the
  // client's own sign-in (portal mode), so this one is the gateway's failure (and warned of).
  if (outcome.status === 401) return sendJson(c, 502, { message: MESSAGES.upstreamRefusedToken });
  if (outcome.status >= 400 && outcome.status <= 599) {
    return sendJson(c, outcome.status, errorBody(outcome.status, outcome.body), retryAfterHeader(outcome));
  }
  gateway.log({
    level: 'warn',
    message: 'upstream sent an invalid response',
    route,
    detail: `status ${outcome.status}`,
  });
  return sendJson(c, 502, { message: MESSAGES.badUpstream });
}

/** 502 for a success whose body is not what the route needs. */
export function badUpstream(c: Context<GatewayEnv>, detail: string): Promise<Response> {
  c.get('gateway').log({ level: 'warn', message: 'upstream sent an invalid response', route: c.get('route'), detail });
  return sendJson(c, 502, { message: MESSAGES.badUpstream });
}
