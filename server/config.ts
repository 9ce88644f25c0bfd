/**
 * Configuration of the reference proxy, read from the environment (SPEC §9).
 *
 * `parseConfig` never echoes the token: error messages name the variable, not its value.
 */

/** Where the proxy sends requests: the tenant's Public API base and its Bearer token. */
export interface UpstreamConfig {
  /** e.g. `https://tenant.eu.charge.ampeco.tech/public-api`, without a trailing slash. */
  readonly url: string;
  readonly token: string;
}

export interface Config {
  readonly host: string;
  readonly port: number;
  /** Path prefix of the API, e.g. `/api/ampeco`; `''` when the API is served at the root. */
  readonly basePath: string;
  /** Exact origins (`scheme://host[:port]`) allowed by CORS; empty: same origin only. */
  readonly allowedOrigins: readonly string[];
  /** `null`: no upstream configured, run against the embedded simulator. */
  readonly upstream: UpstreamConfig | null;
  /**
   * `TRUST_PROXY`: the proxy runs behind a reverse proxy that sets `X-Forwarded-For` and
   * `X-Forwarded-Proto`. Default `false` (those headers are ignored: any client can forge them).
   */
  readonly trustProxy: boolean;
}

/** A configuration the proxy refuses to start with; `message` is one line meant for an operator. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export type Env = Readonly<Record<string, string | undefined>>;

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

/** Parses and checks `AMPECO_API_URL`: http(s), no credentials, query or fragment. */
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

/** Reads the proxy's configuration from `env`; throws `ConfigError` with a one-line reason. */
export function parseConfig(env: Env): Config {
  const url = value(env, 'AMPECO_API_URL');
  const token = value(env, 'AMPECO_API_TOKEN');
  if (url !== undefined && token === undefined) {
    throw new ConfigError(
      'AMPECO_API_URL is set but AMPECO_API_TOKEN is not; set both, or neither to use the simulator',
    );
  }
  if (token !== undefined && url === undefined) {
    throw new ConfigError(
      'AMPECO_API_TOKEN is set but AMPECO_API_URL is not; set both, or neither to use the simulator',
    );
  }
  if (token !== undefined && !TOKEN.test(token)) {
    throw new ConfigError('AMPECO_API_TOKEN must not contain spaces or control characters');
  }
  const upstream: UpstreamConfig | null =
    url !== undefined && token !== undefined ? { url: parseUpstreamUrl(url), token } : null;

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

  return {
    host: parseHost(value(env, 'HOST') ?? DEFAULT_HOST),
    port: parsePort(value(env, 'PORT') ?? String(DEFAULT_PORT)),
    basePath: parseBasePath(value(env, 'BASE_PATH') ?? DEFAULT_BASE_PATH),
    allowedOrigins,
    upstream,
    trustProxy: parseFlag('TRUST_PROXY', value(env, 'TRUST_PROXY')),
  };
}
