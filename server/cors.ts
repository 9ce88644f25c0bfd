/**
 * CORS for the configured origins (SPEC §9): simple requests get `Access-Control-Allow-Origin`
 * and `Retry-After` exposed; preflights for a served path are answered 204 (GET and POST, the
 * headers asked for, `X-Booking-Capability` among them) or refused 403, and a refusal is logged
 * with the origin and the variable to set.
 */
import type { MiddlewareHandler } from 'hono';
import { requestHeader } from './request-header.js';
import { jsonResponse } from './respond.js';
import type { GatewayEnv } from './types.js';

/**
 * A header name a preflight may ask for (an RFC 9110 token). Any such header is allowed: the
 * widget's `fetch` property may add the host portal's own, and nothing a client sends is
 * forwarded upstream except the validated body, so no header can reach Ampeco or replace the token.
 */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]{1,64}$/;
const MAX_PREFLIGHT_HEADERS = 20;
const DEFAULT_ALLOWED_HEADERS = 'content-type, x-booking-capability, authorization';

export interface CorsOptions {
  readonly allowedOrigins: ReadonlySet<string>;
  readonly onRefused: (origin: string, reason: string) => void;
}

/** What a browser's `Sec-Fetch-Site` says of a request from the gateway's own page. */
const sameOrigin = (site: string | undefined): boolean => site === 'same-origin';

/**
 * Adds the CORS headers of an allowed origin to its answers (every JSON answer already says
 * `Vary: Origin`, server/respond.ts, so that the answer of a same-origin request touches no header
 * here). Any other request whose `Origin` is not allowed (nor the gateway's own) is reported,
 * whatever its method.
 */
export function cors(options: CorsOptions): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    await next();
    // Preflights answer for themselves; an OPTIONS of a path not served gets no CORS headers.
    if (c.req.method === 'OPTIONS') return;
    const origin = requestHeader(c, 'origin');
    if (origin === undefined) return;
    if (options.allowedOrigins.has(origin)) {
      const headers = c.res.headers;
      headers.set('access-control-allow-origin', origin);
      headers.set('access-control-expose-headers', 'Retry-After');
    } else if (origin !== new URL(c.req.url).origin && !sameOrigin(requestHeader(c, 'sec-fetch-site'))) {
      options.onRefused(origin, `${c.req.method} from an origin that is not allowed`);
    }
  };
}

/** The handler of OPTIONS on a served path. */
export function preflight(options: CorsOptions): MiddlewareHandler<GatewayEnv> {
  return async (c) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return new Response(null, { status: 204, headers: { allow: 'GET, POST, OPTIONS' } });
    const method = c.req.header('access-control-request-method');
    if (!options.allowedOrigins.has(origin)) {
      options.onRefused(origin, 'preflight from an origin that is not allowed');
      return jsonResponse(403, { message: 'This origin is not allowed.' }, { vary: 'Origin' });
    }
    if (method !== undefined && method !== 'GET' && method !== 'POST') {
      return jsonResponse(403, { message: 'This method is not allowed.' }, { vary: 'Origin' });
    }
    const asked = (c.req.header('access-control-request-headers') ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== '');
    if (asked.length > MAX_PREFLIGHT_HEADERS || asked.some((name) => !HEADER_NAME.test(name))) {
      return jsonResponse(403, { message: 'These request headers are not allowed.' }, { vary: 'Origin' });
    }
    return new Response(null, {
      status: 204,
      headers: {
        vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': asked.length > 0 ? asked.join(', ') : DEFAULT_ALLOWED_HEADERS,
        'access-control-max-age': '600',
      },
    });
  };
}
