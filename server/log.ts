/**
 * The request log: one entry per request with method, path (never the query, which carries an
 * email or an externalId), status, route and duration. Written through the configured sink,
 * which the CLI batches (server/line-writer.ts) so that no request waits on stdout.
 */
import type { MiddlewareHandler } from 'hono';
import { rawPathOf } from './path-guard.js';
import type { Redactor } from './redact.js';
import type { GatewayEnv, ProxyLogEntry } from './types.js';

/**
 * The gateway's log: each entry to `sink` without the token in its detail or its path (the
 * client's, a refused one too, which may hold it as well). A failing sink never fails a request.
 */
export function redactedLog(
  sink: ((entry: ProxyLogEntry) => void) | undefined,
  redactor: Redactor,
): (entry: ProxyLogEntry) => void {
  return (entry) => {
    if (sink === undefined) return;
    try {
      sink({
        ...entry,
        ...(entry.detail === undefined ? {} : { detail: redactor.text(entry.detail) }),
        ...(entry.path === undefined ? {} : { path: redactor.text(entry.path) }),
      });
    } catch {
      // A failing logger must not fail requests.
    }
  };
}

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
