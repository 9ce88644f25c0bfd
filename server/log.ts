/**
 * The request log: one entry per request with method, path (never the query, which carries an
 * email or an externalId), status, route and duration. Written through the configured sink,
 * which the CLI batches (server/line-writer.ts) so that no request waits on stdout.
 */
import type { MiddlewareHandler } from 'hono';
import { rawPathOf } from './path-guard.js';
import type { GatewayEnv } from './types.js';

export const requestLog: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  const gateway = c.get('gateway');
  const started = gateway.now();
  await next();
  const route = c.get('route');
  gateway.log({
    level: 'info',
    message: 'request',
    method: c.req.method,
    // Still percent-encoded: a refused path's `%0A` must not become a line of its own.
    path: rawPathOf(c.req.url),
    status: c.res.status,
    durationMs: Math.max(0, gateway.now() - started),
    ...(route === undefined ? {} : { route }),
  });
};
