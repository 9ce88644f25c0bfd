/**
 * Pagination through the gateway (SPEC §9): upstream's `links.next` is rewritten onto the
 * gateway's own URL of the resource, keeping only upstream's `cursor` (or page number, for an
 * upstream that numbers pages), validated. The gateway never follows a URL a client supplies.
 */
import { validParam } from './routes-query.js';
import { isObject, type JsonObject } from './types.js';

/** The query parameters that say which page a list link names. */
export const PAGE_POSITION = ['cursor', 'page'] as const;

export interface LinkContext {
  /** The gateway's URL of this resource, without a query. */
  readonly resourceUrl: string;
  /** The client's validated query, without its cursor or page. */
  readonly query: URLSearchParams;
  readonly upstreamBase: URL;
}

/**
 * A `next` link of upstream rewritten onto the gateway, or `null`: a link without a cursor or
 * page would name the first page again, and a client following it would never stop.
 */
export function gatewayLink(link: unknown, context: LinkContext): string | null {
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
  return kept ? `${context.resourceUrl}?${query.toString()}` : null;
}

/** `body` (already reduced to its schema) with `links.next` pointing back at the gateway. */
export function rewriteLinks(body: JsonObject, context: LinkContext): JsonObject {
  const links = body['links'];
  if (!isObject(links)) return body;
  return { ...body, links: 'next' in links ? { next: gatewayLink(links['next'], context) } : {} };
}
