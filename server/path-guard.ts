/**
 * The raw request-target guard: the first middleware, before anything decodes or normalizes the
 * path. On Node it reads the request line's target as the client sent it (`GET /a/../b`, `GET
 * http://other.host/…`, `%2e%2e`), which a `URL` would already have resolved; elsewhere it reads
 * the request's URL as the runtime hands it over. Anything refused answers 404 (SPEC §9).
 */
import type { MiddlewareHandler } from 'hono';
import { notFound } from './respond.js';
import type { GatewayEnv } from './types.js';

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

/** The path of a serialized URL as it is (still percent-encoded), read from the string itself (no second parse). */
export function rawPathOf(url: string): string {
  const afterScheme = url.indexOf('//');
  const pathAt = afterScheme === -1 ? -1 : url.indexOf('/', afterScheme + 2);
  if (pathAt === -1) return '/';
  const end = url.search(/[?#]/);
  return url.slice(pathAt, end === -1 || end < pathAt ? undefined : end);
}

/** The health check (SPEC §9): outside the base path, for load balancers (GET or HEAD). */
export const HEALTH_PATH = '/healthz';

export const pathGuard: MiddlewareHandler<GatewayEnv> = async (c, next) => {
  const rawTarget = c.env?.incoming?.url;
  const problem = rawTarget === undefined ? pathProblem(rawPathOf(c.req.url)) : requestTargetProblem(rawTarget);
  if (problem !== null) return notFound(c, `Bad request ${rawTarget === undefined ? 'path' : 'target'}: ${problem}.`);
  // Hono answers HEAD with the GET route, without its body: HEAD is no call of §4, but load
  // balancers probe the health check with it.
  if (c.req.method === 'HEAD' && c.req.path !== HEALTH_PATH) return notFound(c);
  await next();
};
