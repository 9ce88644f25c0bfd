/**
 * Configuration of the reference proxy, read from the environment (SPEC §9).
 *
 * `parseConfig` never echoes the token: error messages name the variable, not its value.
 */
import { parseTrustProxy, type TrustProxy } from './client-address.js';
import { ConfigError, type Env } from './config-error.js';
import { parseLimitsConfig, type LimitsConfig } from './limits/config.js';
import { parsePortalAuthConfig, type PortalAuthConfig } from './portal-auth.js';

/** Where the gateway sends requests: the tenant's Public API base, its Bearer token, the capability secret. */
export interface UpstreamConfig {
  /** e.g. `https://tenant.eu.charge.ampeco.tech/public-api`, without a trailing slash. */
  readonly url: string;
  readonly token: string;
  /** `CAPABILITY_SECRET`: at least 32 characters, the same on every instance. */
  readonly capabilitySecret: string;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  /** Path prefix of the API, e.g. `/api/ampeco`; `''` when the API is served at the root. */
  readonly basePath: string;
  /** Exact origins (`scheme://host[:port]`) allowed by CORS; empty: same origin only. */
  readonly allowedOrigins: readonly string[];
  /** `null`: `AMPECO_SIMULATOR=1`, run against the embedded simulator. */
  readonly upstream: UpstreamConfig | null;
  /**
   * `CAPABILITY_SECRET` in simulator mode, when set (a tenant's is `upstream.capabilitySecret`);
   * `null`: a random one per process.
   */
  readonly simulatorCapabilitySecret: string | null;
  /** `TRUST_PROXY`: which `X-Forwarded-For` entries give the client's address (server/client-address.ts). */
  readonly trustProxy: TrustProxy;
  /** The abuse limits and `REDIS_URL` (server/limits/config.ts). */
  readonly limits: LimitsConfig;
  /** Portal mode (`AUTH_JWKS_URL`, `AUTH_ISSUER`, `AUTH_AUDIENCE`), or `null`. */
  readonly portal: PortalAuthConfig | null;
  /** `WORKERS`: processes serving the one port (node:cluster), e.g. one per core. Default 1. */
  readonly workers: number;
}

export { ConfigError, type Env } from './config-error.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8787;
export const DEFAULT_BASE_PATH = '/api/ampeco';

const SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[?[0-9A-Fa-f:.]+\]?)$/;
/** Visible ASCII only: a token with spaces or control characters would corrupt the header. */
const TOKEN = /^[\x21-\x7e]+$/;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Parses `BASE_PATH`-style prefixes: `/a/b` (trailing slash dropped); `/` gives `''`. */
export function parseBasePath(raw: string): string {
  if (!raw.startsWith('/')) throw new ConfigError(`BASE_PATH must start with "/" (got "${raw}")`);
  const trimmed = raw.replace(/\/+$/, '');
  if (trimmed === '') return '';
  const segments = trimmed.slice(1).split('/');
  for (const segment of segments) {
    if (!SEGMENT.test(segment)) {
      throw new ConfigError(`BASE_PATH must be made of plain path segments (got "${raw}")`);
    }
  }
  return trimmed;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** Parses and checks `AMPECO_API_URL`: https (http to loopback only), no credentials, query or fragment. */
export function parseUpstreamUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('AMPECO_API_URL is not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`AMPECO_API_URL must use https or http (got ${url.protocol.slice(0, -1)})`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new ConfigError('AMPECO_API_URL must not contain credentials; put the token in AMPECO_API_TOKEN');
  }
  if (url.search !== '' || url.hash !== '' || raw.includes('?') || raw.includes('#')) {
    throw new ConfigError('AMPECO_API_URL must not contain a query or a fragment');
  }
  if (url.hostname === '') throw new ConfigError('AMPECO_API_URL has no host');
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    throw new ConfigError(
      'AMPECO_API_URL must use https: plain http would send the token in clear (only localhost, 127.0.0.0/8 and ::1 may use http)',
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function parseOrigin(raw: string): string {
  if (raw === '*') {
    throw new ConfigError('ALLOWED_ORIGINS does not accept "*"; list the origins that embed the widget');
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`ALLOWED_ORIGINS contains "${raw}", which is not an origin like https://example.com`);
  }
  const bare = url.pathname === '/' && url.search === '' && url.hash === '' && !raw.endsWith('/');
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || !bare) {
    throw new ConfigError(`ALLOWED_ORIGINS contains "${raw}", which is not an origin like https://example.com`);
  }
  return url.origin;
}

function parsePort(raw: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(`PORT must be an integer from 0 to 65535 (got "${raw}")`);
  }
  return Number(raw);
}

function parseHost(raw: string): string {
  // Digits and dots only is meant as IPv4: four numbers of at most 255 (`999.1.1.1` is no host name).
  const ipv4 = /^[\d.]+$/.test(raw);
  if (!HOST.test(raw) || (ipv4 && !/^((25[0-5]|2[0-4]\d|1?\d?\d)(\.|$)){4}$/.test(raw))) {
    throw new ConfigError(`HOST must be a host name or an IP address (got "${raw}")`);
  }
  return raw.replace(/^\[(.*)\]$/, '$1');
}

function parseFlag(name: string, raw: string | undefined): boolean {
  if (raw === undefined) return false;
  const normalized = raw.toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(normalized)) return true;
  if (['0', 'false', 'no', 'off'].includes(normalized)) return false;
  throw new ConfigError(`${name} must be true or false (got "${raw}")`);
}

export const MIN_SECRET_LENGTH = 32;

function parseUpstream(env: Env): UpstreamConfig | null {
  const url = value(env, 'AMPECO_API_URL');
  const token = value(env, 'AMPECO_API_TOKEN');
  const simulator = parseFlag('AMPECO_SIMULATOR', value(env, 'AMPECO_SIMULATOR'));
  if (simulator) {
    if (url !== undefined || token !== undefined) {
      throw new ConfigError(
        'AMPECO_SIMULATOR=1 is set together with AMPECO_API_URL or AMPECO_API_TOKEN; unset one or the other',
      );
    }
    return null;
  }
  if (url === undefined && token === undefined) {
    throw new ConfigError(
      'no upstream: set AMPECO_API_URL and AMPECO_API_TOKEN for a tenant, or AMPECO_SIMULATOR=1 for the built-in simulator',
    );
  }
  if (token === undefined) {
    throw new ConfigError('AMPECO_API_URL is set but AMPECO_API_TOKEN is not; set both');
  }
  if (url === undefined) {
    throw new ConfigError('AMPECO_API_TOKEN is set but AMPECO_API_URL is not; set both');
  }
  if (!TOKEN.test(token)) throw new ConfigError('AMPECO_API_TOKEN must not contain spaces or control characters');
  const upstreamUrl = parseUpstreamUrl(url);
  const capabilitySecret = parseCapabilitySecret(env);
  if (capabilitySecret === null) {
    throw new ConfigError(
      `CAPABILITY_SECRET must be set to at least ${MIN_SECRET_LENGTH} random characters with a real tenant (the same on every instance), e.g. openssl rand -base64 48`,
    );
  }
  return { url: upstreamUrl, token, capabilitySecret };
}

/** `CAPABILITY_SECRET` when set (at least 32 characters, in simulator mode too), else `null`. */
function parseCapabilitySecret(env: Env): string | null {
  const secret = value(env, 'CAPABILITY_SECRET');
  if (secret === undefined) return null;
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(
      `CAPABILITY_SECRET must be at least ${MIN_SECRET_LENGTH} characters (the same on every instance), e.g. openssl rand -base64 48`,
    );
  }
  return secret;
}

export const MAX_WORKERS = 64;

/**
 * `WORKERS`: 1 to 64. More than one process shares nothing in memory, so each would keep its own
 * limits (N times the limits) and, with the simulator, its own bookings and capability secret: more
 * than one needs `REDIS_URL` and a real tenant, as N instances behind a load balancer do.
 */
function parseWorkers(raw: string | undefined, upstream: UpstreamConfig | null, limits: LimitsConfig): number {
  if (raw === undefined) return 1;
  if (!/^\d{1,2}$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_WORKERS) {
    throw new ConfigError(`WORKERS must be an integer from 1 to ${MAX_WORKERS} (got "${raw.slice(0, 20)}")`);
  }
  const workers = Number(raw);
  if (workers > 1 && upstream === null) {
    throw new ConfigError('WORKERS above 1 needs a real tenant: the simulator keeps its bookings in one process');
  }
  if (workers > 1 && limits.redisUrl === null) {
    throw new ConfigError('WORKERS above 1 needs REDIS_URL: without it each worker would keep its own limits');
  }
  return workers;
}

/** Reads the gateway's configuration from `env`; throws `ConfigError` with a one-line reason. */
export function parseConfig(env: Env): Config {
  const upstream = parseUpstream(env);

  const originsRaw = value(env, 'ALLOWED_ORIGINS') ?? '';
  const allowedOrigins = [
    ...new Set(
      originsRaw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map(parseOrigin),
    ),
  ];

  const limits = parseLimitsConfig(env);
  return {
    host: parseHost(value(env, 'HOST') ?? DEFAULT_HOST),
    port: parsePort(value(env, 'PORT') ?? String(DEFAULT_PORT)),
    basePath: parseBasePath(value(env, 'BASE_PATH') ?? DEFAULT_BASE_PATH),
    allowedOrigins,
    upstream,
    simulatorCapabilitySecret: upstream === null ? parseCapabilitySecret(env) : null,
    trustProxy: parseTrustProxy(value(env, 'TRUST_PROXY')),
    limits,
    portal: parsePortalAuthConfig(env),
    workers: parseWorkers(value(env, 'WORKERS'), upstream, limits),
  };
}
