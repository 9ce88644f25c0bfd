/**
 * The booking gateway (SPEC §9, v2) as a Hono app: a Web-standard `fetch(Request) → Response`
 * built from the route table (server/routes.ts) and one middleware per concern, in this order:
 *
 *   log → path guard → CORS → [route: name → limits slot (reads | creates) → query → body → validation → handler]
 *
 * The abuse limits (server/limits/gateway-limits.ts) fill the limits slot (rates: a read, or a
 * create attempt counted before its body is checked; the location guard; portal sign-in), the
 * bounds checks of a create (`checkCreate` before the driver look-up, `checkDriver` before the
 * create) and wrap the one function every upstream call goes through (pause, then budget).
 */
import { Hono, type MiddlewareHandler } from 'hono';
import { TtlCache } from './cache.js';
import { createCapabilities, randomSecret, type Mac } from './capability.js';
import { webCompress } from './compress.js';
import { cors, preflight } from './cors.js';
import { closeWhenBodyUnread, readJsonBody, refuseUnreadableBody } from './body.js';
import { redactedLog, requestLog } from './log.js';
import { HEALTH_PATH, pathGuard, pathProblem } from './path-guard.js';
import { isCacheable, publicCacheControl } from './public-reads.js';
import { createExternalIdClaims } from './limits/external-ids.js';
import { gatewayLimits } from './limits/gateway-limits.js';
import { limitsOver, parseLimitsConfig, type Limits } from './limits/index.js';
import type { PortalAuth } from './portal-auth.js';
import { portalSignIn } from './portal-sign-in.js';
import { createRedactor } from './redact.js';
import { jsonResponse, MESSAGES, notFound, type Compressor, type Encoding } from './respond.js';
import { honoPattern, ROUTES, type RouteDefinition } from './routes.js';
import { validateQuery } from './routes-query.js';
import type { CreateCheck, GatewayRuntime } from './runtime.js';
import { isObject, type GatewayBindings, type GatewayEnv, type ProxyLogEntry } from './types.js';
import { fetchUpstream, warnOnTrouble, type UpstreamCall, type UpstreamFetch } from './upstream.js';

export interface GatewayOptions {
  /** Upstream Public API base, e.g. `https://tenant.eu.charge.ampeco.tech/public-api`. */
  readonly upstreamUrl: string;
  /** Ampeco API token, sent upstream as `Authorization: Bearer <token>` and nowhere else. */
  readonly token: string;
  /** How upstream requests are made, Fetch-style (tests, the simulator, edge runtimes). Default: global `fetch`. */
  readonly upstreamFetch?: UpstreamFetch;
  /** A ready upstream call (the Node server's node:http forwarder); wins over `upstreamFetch`. */
  readonly upstream?: UpstreamCall;
  /** Wraps the one upstream door (a global budget, the pause after upstream's 429). */
  readonly wrapUpstream?: (call: UpstreamCall) => UpstreamCall;
  /** HMAC secret of capabilities, ≥ 32 characters. Default: random per instance (capabilities die with it). */
  readonly capabilitySecret?: string;
  /** The HMAC-SHA-256 of capabilities. Default: WebCrypto (every runtime); the Node server uses node:crypto. */
  readonly capabilityMac?: (secret: string) => Mac;
  /** Path prefix the widget's `api-base` points at. Default `/api/ampeco`. */
  readonly basePath?: string;
  /** Exact origins allowed by CORS. Default none (same origin only). */
  readonly allowedOrigins?: readonly string[];
  /** Upstream time-out (request and body), in ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** How long location, charge point and EVSE answers are cached, in ms. Default 60 000. */
  readonly cacheTtlMs?: number;
  /** Longest booking a request may ask for, in minutes. Default 1440 (24 hours). */
  readonly maxBookingMinutes?: number;
  /** Largest request body accepted, in bytes. Default 16 KiB. */
  readonly maxBodyBytes?: number;
  /** Largest upstream body read, in bytes. Default 4 MiB. */
  readonly maxUpstreamBodyBytes?: number;
  /** Origin used in rewritten pagination links. Default: `originOf`, else the request's own origin. */
  readonly publicOrigin?: string;
  /** The origin a client used, when something in front says so (a trusted reverse proxy's `X-Forwarded-Proto`). */
  readonly originOf?: (request: Request, env: GatewayBindings | undefined) => string | undefined;
  /**
   * The abuse limits (server/limits/): rates, bounds, active bookings per driver and the upstream
   * budget. Default: SPEC §9's defaults, per process. `false`: none (tests, benchmarks).
   */
  readonly limits?: Limits | false;
  /** Portal mode: creates need a JWT verified by this (server/portal-auth.ts). */
  readonly portal?: PortalAuth;
  /** The limits' key of a request (the client's address; `env` holds Node's request). Default: one key for everyone. */
  readonly clientKey?: (request: Request, env: GatewayBindings | undefined) => string;
  /** Middleware slots of the route table, after the limits': every read, every create attempt. */
  readonly middleware?: {
    readonly reads?: readonly MiddlewareHandler<GatewayEnv>[];
    readonly creates?: readonly MiddlewareHandler<GatewayEnv>[];
  };
  /** Further bounds checks of a create, after the limits' own (before the driver look-up; before the create). */
  readonly checkCreate?: CreateCheck;
  readonly checkDriver?: CreateCheck;
  /** Compression of JSON answers. Default: the Web `CompressionStream` (gzip). */
  readonly compress?: Compressor;
  readonly encodings?: readonly Encoding[];
  readonly now?: () => number;
  readonly log?: (entry: ProxyLogEntry) => void;
}

export interface Gateway {
  readonly app: Hono<GatewayEnv>;
  /** The Web-standard handler: `fetch(request, env?)`. */
  readonly fetch: (request: Request, env?: unknown) => Promise<Response>;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Whether `url` may be an upstream: https, or http to a loopback host. */
export function isSafeUpstream(url: URL): boolean {
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
}

/** Builds the gateway. Throws `TypeError` on an unusable upstream URL, token, secret or limit. */
export function createGateway(options: GatewayOptions): Gateway {
  const upstreamBase = new URL(options.upstreamUrl);
  if (upstreamBase.protocol !== 'https:' && upstreamBase.protocol !== 'http:') {
    throw new TypeError('upstreamUrl must be an http(s) URL');
  }
  if (options.upstreamFetch === undefined && options.upstream === undefined && !isSafeUpstream(upstreamBase)) {
    throw new TypeError('upstreamUrl must use https (plain http only to a loopback host)');
  }
  const token = options.token;
  if (token === '' || /[\x00-\x20\x7f]/.test(token)) throw new TypeError('token is empty or malformed');
  const basePath = (options.basePath ?? '/api/ampeco').replace(/\/+$/, '');
  if (basePath !== '' && pathProblem(basePath) !== null) throw new TypeError('basePath must be a plain path');
  // The limits answer a booking longer than MAX_BOOKING_MINUTES with their `reason`; validation
  // itself only refuses the absurd.
  const maxBookingMinutes = options.maxBookingMinutes ?? 366 * 24 * 60;
  if (!(maxBookingMinutes > 0 && maxBookingMinutes <= 366 * 24 * 60)) {
    throw new TypeError('maxBookingMinutes must be positive');
  }
  const now = options.now ?? Date.now;
  const redactor = createRedactor(token);
  const log = redactedLog(options.log, redactor);
  const target = {
    baseUrl: options.upstreamUrl,
    token,
    timeoutMs: options.timeoutMs ?? 10_000,
    maxBodyBytes: options.maxUpstreamBodyBytes ?? 4 * 1024 * 1024,
  };
  const door = options.upstream ?? fetchUpstream(target, options.upstreamFetch);
  const limits = options.limits ?? limitsOver(parseLimitsConfig({}), null, now);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024;
  const wired =
    limits === false
      ? null
      : gatewayLimits(limits, {
          clientKey: options.clientKey ?? ((): string => 'all'),
          maxBodyBytes,
        });
  const outerDoor = warnOnTrouble(options.wrapUpstream === undefined ? door : options.wrapUpstream(door), log);
  const cacheTtlMs = options.cacheTtlMs ?? 60_000;
  const runtime: GatewayRuntime = {
    upstream: wired === null ? outerDoor : wired.wrapUpstream(outerDoor),
    capabilities: createCapabilities(options.capabilitySecret ?? randomSecret(), options.capabilityMac),
    redactor,
    compress: options.compress ?? webCompress,
    encodings: options.encodings ?? ['gzip'],
    cache: new TtlCache({
      ttlMs: cacheTtlMs,
      maxEntries: 1000,
      now,
      shouldStore: isCacheable,
    }),
    publicCacheControl: publicCacheControl(cacheTtlMs),
    basePath,
    linkOrigin: (c) => options.publicOrigin ?? options.originOf?.(c.req.raw, c.env) ?? new URL(c.req.url).origin,
    upstreamBase,
    maxBookingMs: maxBookingMinutes * 60_000,
    allowedLocationIds: limits === false ? null : limits.config.allowedLocationIds,
    checkCreate: chainChecks(wired?.checkCreate, options.checkCreate),
    checkDriver: chainChecks(wired?.checkDriver, options.checkDriver),
    onCreated: wired?.onCreated,
    externalIds: limits === false ? createExternalIdClaims(null, now) : limits.externalIds,
    now,
    log,
  };

  const refusedOrigins = new Set<string>();
  const allowedNow =
    options.allowedOrigins === undefined || options.allowedOrigins.length === 0
      ? 'unset (same origin only)'
      : JSON.stringify(options.allowedOrigins.join(','));
  const corsOptions = {
    allowedOrigins: new Set(options.allowedOrigins ?? []),
    onRefused: (origin: string, reason: string): void => {
      // Once per origin: a refusal is a configuration hint, not a flood. The 100 last are remembered,
      // so that made-up origins can push out the ones logged but never silence a new one.
      if (refusedOrigins.has(origin)) return;
      if (refusedOrigins.size >= 100) refusedOrigins.delete(refusedOrigins.values().next().value ?? '');
      refusedOrigins.add(origin);
      log({
        level: 'warn',
        message: 'CORS refused',
        detail: `${reason}: ${JSON.stringify(origin.slice(0, 200))}; add it to ALLOWED_ORIGINS to allow it (now ${allowedNow})`,
      });
    },
  };

  const app = new Hono<GatewayEnv>({ strict: true });
  app.use('*', async (c, next) => {
    c.set('gateway', runtime);
    await next();
  });
  // One log entry per request, when there is a sink to write it to: the refused paths too.
  if (options.log !== undefined) app.use('*', requestLog);
  app.use('*', pathGuard);
  app.use('*', closeWhenBodyUnread);
  app.use('*', cors(corsOptions));
  // HEAD too: Hono answers it with this route and no body (the path guard lets it through here only).
  app.get(HEALTH_PATH, (c) => {
    void c;
    return jsonResponse(200, { status: 'ok' });
  });

  const reads = inSequence([...(wired?.middleware.reads ?? []), ...(options.middleware?.reads ?? [])]);
  const creates = inSequence([
    ...(wired?.middleware.creates ?? []),
    ...(options.portal === undefined ? [] : [portalSignIn(options.portal)]),
    ...(options.middleware?.creates ?? []),
  ]);
  const createOrCancel: MiddlewareHandler<GatewayEnv> = (c, next) => {
    const body = c.get('body');
    return (isObject(body) && body['type'] === 'cancel' ? reads : creates)(c, next);
  };
  const preflightHandler = preflight(corsOptions);
  const preflighted = new Set<string>();
  for (const route of ROUTES) {
    const pattern = honoPattern(basePath, route);
    // The limits slot comes before the query and body checks, so that refused attempts count too;
    // a body is read (capped) before it only to tell a cancel from a create.
    const chain: MiddlewareHandler<GatewayEnv>[] = [named(route)];
    if (route.validate !== undefined) chain.push(readJsonBody(maxBodyBytes));
    // Without any limits middleware (limits off, none configured) the slot is left out of the chain.
    const slotIsEmpty = reads === PASS_THROUGH && creates === PASS_THROUGH;
    if (!slotIsEmpty) chain.push(route.access === 'read' ? reads : createOrCancel);
    chain.push(checkedQuery(route));
    if (route.validate !== undefined) {
      chain.push(refuseUnreadableBody, route.validate({ maxBookingMs: runtime.maxBookingMs }));
    }
    app.on(route.method, [pattern], ...chain, route.handler);
    if (!preflighted.has(pattern)) {
      preflighted.add(pattern);
      app.options(pattern, preflightHandler);
    }
  }
  app.notFound((c) => notFound(c));
  app.onError((error, c) => {
    void c;
    log({ level: 'error', message: 'gateway error', detail: error.stack ?? error.message });
    return jsonResponse(500, { message: MESSAGES.internal });
  });

  return { app, fetch: (request, env) => Promise.resolve(app.fetch(request, env as GatewayBindings | undefined)) };
}

/** Both checks in turn: the first refusal answers. */
function chainChecks(first: CreateCheck | undefined, second: CreateCheck | undefined): CreateCheck | undefined {
  if (first === undefined || second === undefined) return first ?? second;
  return async (c, attempt) => (await first(c, attempt)) ?? second(c, attempt);
}

/** Middleware run one after the other as one (a limits slot). */
const PASS_THROUGH: MiddlewareHandler<GatewayEnv> = (_c, next) => next();

function inSequence(middleware: readonly MiddlewareHandler<GatewayEnv>[]): MiddlewareHandler<GatewayEnv> {
  if (middleware.length === 0) return PASS_THROUGH; // no limits: no closures per request
  return (c, next) => {
    const run = async (index: number): Promise<Response | void> => {
      const current = middleware[index];
      if (current === undefined) return next();
      return current(c, async () => {
        const answer = await run(index + 1);
        if (answer instanceof Response) c.res = answer;
      });
    };
    return run(0);
  };
}

/** The first middleware of a route: names it (for the log and the limits). */
function named(route: RouteDefinition): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    c.set('route', route.name);
    await next();
  };
}

/** Checks the route's query and rebuilds its upstream path from constants and the validated id. */
function checkedQuery(route: RouteDefinition): MiddlewareHandler<GatewayEnv> {
  return async (c, next) => {
    // The query of the serialized URL, read from the string (no second URL parse), without a fragment.
    const url = c.req.url.split('#', 1)[0] ?? '';
    const queryAt = url.indexOf('?');
    const search = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));
    const query = validateQuery(route.query, route.required, search);
    if (typeof query === 'string') return notFound(c, query);
    c.set('query', query);
    c.set('upstreamPath', route.path.replace(':id', c.req.param('id') ?? ''));
    await next();
  };
}
