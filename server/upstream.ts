/**
 * The one door to Ampeco: every upstream call of the gateway is an `UpstreamCall`, so a global
 * budget, a pause after upstream's 429 or a metric wraps exactly one function
 * (`GatewayOptions.wrapUpstream`). Two implementations: `fetchUpstream` over any Fetch-standard
 * function (edge runtimes, tests, the simulator) and `nodeUpstream` (server/node-upstream.ts)
 * over node:http with a keep-alive agent, for the Node server.
 */
import type { Json, ProxyLogEntry } from './types.js';

export type UpstreamFetch = (request: Request) => Promise<Response>;

export interface UpstreamRequest {
  /** The gateway route this call serves (for logs and budgets). */
  readonly route: string;
  readonly method: 'GET' | 'POST';
  /** Below the upstream base: constant segments and validated ids only, e.g. `/resources/users/v1.0`. */
  readonly path: string;
  /** Validated query, already serialized (`filter%5BlocationId%5D=7`), or empty. */
  readonly query: string;
  readonly body?: Json;
}

export type UpstreamOutcome =
  | {
      readonly kind: 'response';
      readonly status: number;
      /** The parsed JSON body; `undefined` when empty or not JSON. */
      readonly body: Json | undefined;
      readonly retryAfter: string | null;
    }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'failed'; readonly detail: string };

export type UpstreamCall = (request: UpstreamRequest) => Promise<UpstreamOutcome>;

export interface UpstreamTarget {
  /** Upstream Public API base, e.g. `https://tenant.eu.charge.ampeco.tech/public-api`. */
  readonly baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` and nowhere else. */
  readonly token: string;
  /** Request and body time-out, ms. */
  readonly timeoutMs: number;
  /** Largest upstream body read, bytes. */
  readonly maxBodyBytes: number;
}

const RETRY_AFTER_SECONDS = /^\d{1,7}$/;
const RETRY_AFTER_DATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** Upstream's `Retry-After` when it is a valid one (seconds or an HTTP date), else `null`. */
export function validRetryAfter(raw: string | null | undefined): string | null {
  const value = raw?.trim();
  if (value === undefined || value === '') return null;
  if (RETRY_AFTER_SECONDS.test(value)) return value;
  return RETRY_AFTER_DATE.test(value) && !Number.isNaN(Date.parse(value)) ? value : null;
}

/** One strict decoder for every answer (a decode without `stream` keeps no state between calls). */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** JSON of `bytes`, or `undefined` for an empty or unparsable body. */
export function parseJsonBytes(bytes: Uint8Array): Json | undefined {
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(UTF8.decode(bytes)) as Json;
  } catch {
    return undefined;
  }
}

/** The upstream URL of `request` below `base` (a URL without query). */
export function upstreamUrl(base: URL, request: UpstreamRequest): string {
  const path = `${base.pathname.replace(/\/+$/, '')}${request.path}`;
  return `${base.origin}${path}${request.query === '' ? '' : `?${request.query}`}`;
}

/** The whole stream, or `null` (and the stream cancelled) once it exceeds `cap` bytes. */
export async function readCapped(stream: ReadableStream<Uint8Array> | null, cap: number): Promise<Uint8Array | null> {
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

const failedWith = (error: unknown): UpstreamOutcome => ({
  kind: 'failed',
  detail: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error',
});

/** Upstream calls through a Fetch-standard function (the global `fetch` by default). */
export function fetchUpstream(target: UpstreamTarget, fetchFunction: UpstreamFetch = (r) => fetch(r)): UpstreamCall {
  const base = new URL(target.baseUrl);
  const authorization = `Bearer ${target.token}`;
  return async (request) => {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, target.timeoutMs);
    try {
      const headers: Record<string, string> = { accept: 'application/json', authorization };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const work = (async (): Promise<UpstreamOutcome> => {
        const response = await fetchFunction(
          new Request(upstreamUrl(base, request), {
            method: request.method,
            headers,
            redirect: 'manual',
            signal: controller.signal,
            ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
          }),
        );
        if (Number(response.headers.get('content-length') ?? 0) > target.maxBodyBytes) {
          await response.body?.cancel().catch(() => undefined);
          return { kind: 'failed', detail: 'upstream body too large' };
        }
        const bytes = await readCapped(response.body, target.maxBodyBytes);
        if (bytes === null) return { kind: 'failed', detail: 'upstream body too large' };
        return {
          kind: 'response',
          status: response.status,
          body: parseJsonBytes(bytes),
          retryAfter: validRetryAfter(response.headers.get('retry-after')),
        };
      })();
      // A fetch function that ignores the signal still loses the race against the time-out.
      const expired = new Promise<UpstreamOutcome>((resolve) => {
        controller.signal.addEventListener('abort', () => resolve({ kind: 'timeout' }), { once: true });
      });
      return await Promise.race([work, expired]);
    } catch (error) {
      return timedOut ? { kind: 'timeout' } : failedWith(error);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The upstream door, warning of each 5xx, 429, 401 and 403 upstream answers: route, status,
 * Retry-After (never the token, the query or the body).
 */
export function warnOnTrouble(door: UpstreamCall, log: (entry: ProxyLogEntry) => void): UpstreamCall {
  // A continuation on the call's own promise rather than an async function around it: one promise
  // and one turn of the microtask queue less per upstream call.
  return (request) => door(request).then((outcome) => warned(request, outcome, log));
}

/** The outcome, after a warning when it is a 5xx, a 429 or a refusal of the gateway's token. */
function warned(
  request: UpstreamRequest,
  outcome: UpstreamOutcome,
  log: (entry: ProxyLogEntry) => void,
): UpstreamOutcome {
  if (outcome.kind !== 'response') return outcome;
  if (outcome.status >= 500 || outcome.status === 429) {
    const retryAfter = outcome.retryAfter === null ? '' : `, Retry-After ${outcome.retryAfter}`;
    log({
      level: 'warn',
      message: 'upstream refused',
      route: request.route,
      detail: `status ${outcome.status}${retryAfter}`,
    });
  } else if (outcome.status === 401 || outcome.status === 403) {
    // The token is the gateway's own: an expired or revoked one, or one without this permission.
    log({
      level: 'warn',
      message: 'upstream refused the token',
      route: request.route,
      detail: `status ${outcome.status}; check AMPECO_API_TOKEN and its permissions`,
    });
  }
  return outcome;
}
