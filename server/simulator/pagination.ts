/**
 * The two pagination styles of the Ampeco Public API: cursors (v2 resources, bookings, booking
 * requests) and pages (users). Links are absolute URLs on the host of the request and keep its
 * other query parameters, so that following `links.next` repeats the same filters.
 */
import { perPage, queryInteger } from './http.js';
import { portableBase64Url } from '../capability.js';

export interface Links {
  first: string | null;
  last: string | null;
  prev: string | null;
  next: string | null;
}

export interface CursorMeta {
  path: string;
  per_page: number;
  next_cursor: string | null;
  prev_cursor: string | null;
}

export interface PageLink {
  url: string | null;
  label: string;
  active: boolean;
}

export interface PageMeta {
  current_page: number;
  from: number | null;
  last_page: number;
  links: PageLink[];
  path: string;
  per_page: number;
  to: number | null;
  total: number;
}

export interface Paginated<T, M> {
  data: T[];
  links: Links;
  meta: M;
}

/** Where a cursor points: after (or before) the item with this id. Encoded like Laravel's. */
interface Cursor {
  id: number;
  _pointsToNextItems: boolean;
}

// Base64url with what every runtime has: the simulator runs on edge runtimes too (server/web.ts).
function encodeCursor(cursor: Cursor): string {
  return portableBase64Url(new TextEncoder().encode(JSON.stringify(cursor)));
}

function decodeBase64Url(value: string): string {
  const binary = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (character) => character.charCodeAt(0)));
}

function decodeCursor(value: string | null): Cursor | undefined {
  if (value === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(decodeBase64Url(value));
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const { id, _pointsToNextItems: forward } = parsed as Partial<Cursor>;
    return typeof id === 'number' && typeof forward === 'boolean' ? { id, _pointsToNextItems: forward } : undefined;
  } catch {
    return undefined;
  }
}

function withParam(url: URL, name: string, value: string): string {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next.href;
}

/**
 * One page of `items` (sorted by ascending id) after the request's `cursor`, `per_page` long.
 * An unreadable cursor reads as none: the first page.
 */
export function cursorPage<T extends { id: number }>(items: readonly T[], url: URL): Paginated<T, CursorMeta> {
  const size = perPage(url);
  const cursor = decodeCursor(url.searchParams.get('cursor'));
  let data: T[];
  let hasPrev: boolean;
  let hasNext: boolean;
  if (cursor === undefined) {
    data = items.slice(0, size);
    hasPrev = false;
    hasNext = items.length > size;
  } else if (cursor._pointsToNextItems) {
    const after = items.filter((item) => item.id > cursor.id);
    data = after.slice(0, size);
    hasPrev = after.length < items.length;
    hasNext = after.length > size;
  } else {
    const before = items.filter((item) => item.id < cursor.id);
    data = before.slice(-size);
    hasPrev = before.length > size;
    hasNext = before.length < items.length;
  }
  const first = data[0];
  const last = data[data.length - 1];
  const nextCursor = hasNext && last !== undefined ? encodeCursor({ id: last.id, _pointsToNextItems: true }) : null;
  const prevCursor = hasPrev && first !== undefined ? encodeCursor({ id: first.id, _pointsToNextItems: false }) : null;
  return {
    data,
    links: {
      first: null,
      last: null,
      prev: prevCursor === null ? null : withParam(url, 'cursor', prevCursor),
      next: nextCursor === null ? null : withParam(url, 'cursor', nextCursor),
    },
    meta: { path: url.origin + url.pathname, per_page: size, next_cursor: nextCursor, prev_cursor: prevCursor },
  };
}

/** Page `page` (from 1) of `items`, `per_page` long, with Laravel's length-aware links. */
export function numberedPage<T>(items: readonly T[], url: URL): Paginated<T, PageMeta> {
  const size = perPage(url);
  const total = items.length;
  const lastPage = Math.max(1, Math.ceil(total / size));
  const page = Math.max(1, queryInteger(url, 'page') ?? 1);
  const data = items.slice((page - 1) * size, page * size);
  const pageUrl = (n: number): string => withParam(url, 'page', String(n));
  const prev = page > 1 ? pageUrl(Math.min(page - 1, lastPage)) : null;
  const next = page < lastPage ? pageUrl(page + 1) : null;
  const numbered: PageLink[] = Array.from({ length: lastPage }, (_, index) => ({
    url: pageUrl(index + 1),
    label: String(index + 1),
    active: index + 1 === page,
  }));
  const from = data.length > 0 ? (page - 1) * size + 1 : null;
  return {
    data,
    links: { first: pageUrl(1), last: pageUrl(lastPage), prev, next },
    meta: {
      current_page: page,
      from,
      last_page: lastPage,
      links: [
        { url: prev, label: '&laquo; Previous', active: false },
        ...numbered,
        { url: next, label: 'Next &raquo;', active: false },
      ],
      path: url.origin + url.pathname,
      per_page: size,
      to: from === null ? null : from + data.length - 1,
      total,
    },
  };
}
