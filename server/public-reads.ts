/**
 * The public reads of SPEC §4 steps 1–4: location, charge points, EVSEs (cached) and the
 * availability check, each answer reduced to the widget's schema and its `links.next` rewritten
 * onto the gateway.
 */
import type { Context, Handler } from 'hono';
import type * as z from 'zod/mini';
import { PAGE_POSITION, rewriteLinks, type LinkContext } from './pagination.js';
import { reduceToSchema } from './reduce.js';
import { badUpstream, retryAfterHeader, sendJson, upstreamProblem } from './respond.js';
import { isObject, type GatewayEnv, type JsonObject } from './types.js';
import type { UpstreamOutcome, UpstreamRequest } from './upstream.js';

export interface ReadOptions {
  /** Kept in the gateway's cache (location, charge points, EVSEs). */
  readonly cached?: boolean;
  /** Upstream's 404 answered as the gateway's one 404 (server/respond.ts `notFound`). */
  readonly hideNotFound?: boolean;
}

function linkContext(c: Context<GatewayEnv>): LinkContext {
  const gateway = c.get('gateway');
  const query = new URLSearchParams(c.get('query'));
  for (const key of PAGE_POSITION) query.delete(key);
  const origin = gateway.linkOrigin(c);
  return {
    resourceUrl: `${origin}${gateway.basePath}${c.get('upstreamPath')}`,
    query,
    upstreamBase: gateway.upstreamBase,
  };
}

/** Browsers and shared caches may keep a public read as long as the gateway does (none: `no-store`). */
export function publicCacheControl(ttlMs: number): string {
  const seconds = Math.floor(ttlMs / 1000);
  return seconds > 0 ? `public, max-age=${seconds}` : 'no-store';
}

/** Whether an outcome is a success worth caching: 200 with data. */
export function isCacheable(outcome: UpstreamOutcome): boolean {
  return (
    outcome.kind === 'response' &&
    outcome.status === 200 &&
    isObject(outcome.body) &&
    (isObject(outcome.body['data']) || Array.isArray(outcome.body['data']))
  );
}

/** Forwards the matched route upstream and answers with the body reduced to `schema`. */
export function forwardTo(schema: z.ZodMiniType, options: ReadOptions = {}): Handler<GatewayEnv> {
  return async (c) => {
    const gateway = c.get('gateway');
    const body = c.req.method === 'POST' ? c.get('body') : undefined;
    const request: UpstreamRequest = {
      route: c.get('route'),
      method: c.req.method === 'POST' ? 'POST' : 'GET',
      path: c.get('upstreamPath'),
      query: c.get('query').toString(),
      ...(body === undefined ? {} : { body }),
    };
    const outcome =
      options.cached === true
        ? await gateway.cache.get(`${request.path}?${request.query}`, () => gateway.upstream(request))
        : await gateway.upstream(request);
    if (outcome.kind !== 'response' || outcome.status < 200 || outcome.status > 299) {
      return upstreamProblem(c, outcome, { hideNotFound: options.hideNotFound === true });
    }
    if (!isObject(outcome.body)) return badUpstream(c, `status ${outcome.status} without a JSON object`);
    const reduced = reduceToSchema(schema, outcome.body) as JsonObject;
    // Public and the same for everyone (SPEC §9 "public, cached"): browsers and CDNs may keep it too.
    const headers =
      options.cached === true
        ? { ...retryAfterHeader(outcome), 'cache-control': gateway.publicCacheControl }
        : retryAfterHeader(outcome);
    return sendJson(c, outcome.status, rewriteLinks(reduced, linkContext(c)), headers);
  };
}
