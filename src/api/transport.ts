/**
 * How the API client sends a request to the proxy under `apiBase`: fetch, headers, retries,
 * errors and parsing (the paths themselves are in `reads.ts`, the first load's, and
 * `bookings.ts`, the booking stage's). Every response is parsed with its zod schema; every failure
 * becomes an {@link ApiError} with a SPEC §5 code, except an abort of a signal, which rejects with
 * the signal's reason (an `AbortError` for every signal the widget aborts; see `isAbortError`).
 *
 * Retries (SPEC §8): reads (GETs and the availability POST) are retried 3 times on network errors,
 * time-outs, 5xx and 429, with exponential backoff and jitter: pauses of 0.25–0.5, 0.5–1 and 1–2 s,
 * twice as long after a 429 without `Retry-After` (0.5–1, 1–2, 2–4 s); a 429's `Retry-After` is
 * waited instead (at most 30 s). The create and cancel POSTs are sent once (`send.once`).
 *
 * Time limits: an attempt of a read is abandoned after 8 s (`timeoutMs`), and a read gives up, with
 * `timeout` or its last failure, once 20 s have passed since it began, or since the load it is part
 * of began (`readLimitMs`, `CallOptions.since`): a proxy that takes a request and never answers is
 * reported within 20 s, not after 4 × 15 s. A healthy proxy answers a read in a second or two, so 8 s
 * leaves room for a slow one and still for two more attempts after a dropped one; 20 s is about
 * as long as a driver watches a loading widget (the gateway gives upstream 10 s). A `Retry-After`
 * waited moves the limit on by as much: the server answered. The create and cancel POSTs (sent
 * once) keep 15 s and no limit: a create whose answer is lost is looked up by its `externalId`.
 *
 * Per-booking reads carry the request's capability as `X-Booking-Capability` (SPEC §4 v2), and
 * every request carries `authToken` as `Authorization: Bearer …` when one is set.
 */
import type * as z from 'zod/mini';
import { ApiError, codeOfStatus, isTransient, parseRetryAfter } from './errors.js';
import { ErrorBody } from './schemas.js';

/** Waits `ms`; rejects with the signal's reason as soon as it aborts. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ClientOptions {
  /** Where the proxy serves the Ampeco paths; relative (to the page) or absolute. */
  apiBase: string;
  /** Custom fetch, e.g. to add the host portal's own auth header. */
  fetch?: typeof fetch | undefined;
  /** A host-portal identity token (JWT), sent as `Authorization: Bearer …` on every request (SPEC §9 portal mode). */
  authToken?: string | undefined;
  /** Aborts every request of this client (the element was removed). */
  signal?: AbortSignal;
  /** Per attempt; default 8 s for a read, 15 s for a create or cancel (sent once). */
  timeoutMs?: number;
  /** How long a read may take with its retries (from `CallOptions.since`); default 20 s. */
  readLimitMs?: number;
  /** Injectable for tests. */
  sleep?: Sleep;
}

export interface CallOptions {
  /** Aborts this call only (e.g. a poll that ended). */
  signal?: AbortSignal | undefined;
  /** When the reads' time limit began (`Date.now()`): the start of the load they are part of; default the call's start. */
  since?: number | undefined;
}

/** The header that opens one booking request and its booking (SPEC §4 steps 6–8). */
export const CAPABILITY_HEADER = 'X-Booking-Capability';

/** Waits `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    const stop = (): void => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      // A long poll pauses many times on one signal: no listener is left behind.
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop);
  });

export interface Page<T> {
  data: T[];
  links?: { next?: string | null | undefined } | null | undefined;
}

/** How one request is sent: its body (a POST), its capability, and whether a failure may be retried. */
export interface Send {
  body?: object | undefined;
  capability?: string | undefined;
  /** Sent once: a create or a cancel is never repeated blindly. */
  once?: boolean;
}

/** The requests of one client (one `apiBase`, fetch, token and signal). */
export interface Transport {
  /** `apiBase` resolved, without query, fragment and trailing slashes; undefined when it is no URL. */
  root: string | undefined;
  /**
   * A request with its retries (unless `send.once`), its answer parsed with `schema`; a POST when
   * it has a body. `url` is `root` and the path, or a `links.next` of the API.
   */
  request<T>(schema: z.ZodMiniType<T>, url: string, call?: CallOptions, send?: Send): Promise<T>;
  /** The `data` of the answer to `root` + `path`. */
  read<T>(schema: z.ZodMiniType<{ data: T }>, path: string, call?: CallOptions, send?: Send): Promise<T>;
  /** Every item of a cursor-paginated list; `links.next` is followed on the API's origin only, without loops. */
  list<T>(schema: z.ZodMiniType<Page<T>>, path: string, call?: CallOptions): Promise<T[]>;
}

export function createTransport({
  apiBase,
  fetch: customFetch,
  authToken,
  signal: clientSignal,
  timeoutMs,
  readLimitMs = 20_000,
  sleep: wait = sleep,
}: ClientOptions): Transport {
  let base: URL | undefined;
  try {
    base = new URL(apiBase, globalThis.document?.baseURI);
  } catch {
    // reported by each call as a `config` error
  }
  // Without query, fragment and trailing slashes.
  const root = base?.href.replace(/\/*([?#].*)?$/, '');

  const signalOf = (call?: CallOptions): AbortSignal =>
    AbortSignal.any([clientSignal, call?.signal].filter((s) => s) as AbortSignal[]);

  /** Logs the raw problem to the console and returns the `bad-response` error for it. */
  const badResponse = (what: string, raw: unknown, cause?: unknown): ApiError => {
    console.error('ev-booking-widget:', what, cause ?? '', raw);
    return new ApiError('bad-response', what, { cause });
  };

  const headersOf = ({ body, capability }: Send): Record<string, string> => ({
    Accept: 'application/json',
    ...(body && { 'Content-Type': 'application/json' }),
    ...(authToken && { Authorization: `Bearer ${authToken}` }),
    ...(capability && { [CAPABILITY_HEADER]: capability }),
  });

  /**
   * A request with its retries (unless `send.once`), its answer parsed with `schema`; a POST when
   * it has a body. `url` is `root` and the path, or a `links.next` of the API.
   */
  const request = async <T>(schema: z.ZodMiniType<T>, url: string, call?: CallOptions, send: Send = {}): Promise<T> => {
    if (!root) throw new ApiError('config', `Invalid api-base: ${apiBase}`);
    const signal = signalOf(call);
    const { body, once = false } = send;
    const method = body ? 'POST' : 'GET';
    const what = `${method} ${url}`;
    // A read gives up at `giveUpAt`; a POST sent once has no limit but its attempt's. An attempt
    // begun past it (a later request of a load that has run out of time) is given up at once.
    let giveUpAt = once ? Infinity : (call?.since ?? Date.now()) + readLimitMs;
    for (let attempt = 0; ; attempt++) {
      signal.throwIfAborted();
      try {
        const timeout = AbortSignal.timeout(
          Math.max(0, Math.min(timeoutMs ?? (once ? 15_000 : 8_000), giveUpAt - Date.now())),
        );
        let res: Response;
        let text: string;
        try {
          res = await (customFetch ?? fetch)(url, {
            method,
            headers: headersOf(send),
            body: body && JSON.stringify(body),
            credentials: 'omit',
            signal: AbortSignal.any([signal, timeout]),
          });
          text = await res.text();
        } catch (cause) {
          signal.throwIfAborted();
          const late = timeout.aborted;
          throw new ApiError(late ? 'timeout' : 'network', what + (late ? ' timed out' : ' failed'), { cause });
        }
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (cause) {
          if (res.ok) throw badResponse(`${what}: not JSON`, text, cause);
        }
        if (!res.ok) {
          const { status } = res;
          const error = ErrorBody.safeParse(raw).data;
          const code = codeOfStatus(status);
          throw new ApiError(code, error?.message || `HTTP ${status}`, {
            status,
            fieldErrors: code === 'validation' ? (error?.errors ?? {}) : undefined,
            reason: error?.reason ?? undefined,
            retryAfter: parseRetryAfter(res.headers.get('Retry-After')),
          });
        }
        const parsed = schema.safeParse(raw);
        if (!parsed.success) throw badResponse(`${what}: schema mismatch`, raw, parsed.error);
        return parsed.data;
      } catch (error) {
        if (once || attempt > 2 || !isTransient(error)) throw error;
        const after = error.retryAfter;
        // "Equal jitter": half of each step fixed, half random, so that no retry comes at once.
        const step = (error.status === 429 ? 1000 : 500) << attempt;
        const pause = after === undefined ? (step + Math.random() * step) / 2 : Math.min(after * 1000, 30_000);
        if (after !== undefined) giveUpAt += pause;
        // No time left for another attempt: the read gives up now.
        if (Date.now() + pause >= giveUpAt) throw error;
        await wait(pause, signal);
      }
    }
  };

  /** The `data` of the answer to `path`. */
  const read = async <T>(
    schema: z.ZodMiniType<{ data: T }>,
    path: string,
    call?: CallOptions,
    send?: Send,
  ): Promise<T> => (await request(schema, root + path, call, send)).data;

  /** Every item of a cursor-paginated list; `links.next` is followed on the API's origin only, without loops. */
  const list = async <T>(schema: z.ZodMiniType<Page<T>>, path: string, call?: CallOptions): Promise<T[]> => {
    const items: T[] = [];
    const seen = new Set<string>();
    for (let href = root + path; ;) {
      seen.add(href);
      const page = await request(schema, href, call);
      items.push(...page.data);
      const next = page.links?.next;
      if (!next) return items;
      let url: URL | undefined;
      try {
        url = new URL(next, href);
      } catch {
        // not a URL: refused below
      }
      if (url?.origin !== base!.origin || seen.has(url.href) || seen.size >= 100) {
        throw badResponse(`GET ${href}: links.next refused`, next);
      }
      href = url.href;
    }
  };

  return { root, request, read, list };
}
