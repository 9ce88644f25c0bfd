/**
 * A request header by its lower-case name. On Node, read from the parsed `IncomingMessage`
 * (`c.env.incoming`) rather than from the Fetch `Request`, whose `Headers` object @hono/node-server
 * builds on first use (a measurable share of a request's time). Only for headers that Node joins
 * like Fetch does (repeated values joined with `, `): not for the few it keeps the first of
 * (`content-type`, `content-length`, `authorization`, `host`…), which go through `c.req.header`.
 */
import type { Context } from 'hono';
import type { GatewayEnv } from './types.js';

export type JoinedHeader = 'origin' | 'sec-fetch-site' | 'accept-encoding' | 'x-booking-capability';

export function requestHeader(c: Context<GatewayEnv>, name: JoinedHeader): string | undefined {
  const incoming = c.env?.incoming;
  if (incoming === undefined) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
