/**
 * Portal mode (SPEC §9): with `AUTH_JWKS_URL`, `AUTH_ISSUER` and `AUTH_AUDIENCE` set, a create needs
 * `Authorization: Bearer <JWT>` signed by a key of that JWKS, from that issuer, for that audience
 * and not expired, and books for the token's `email` claim only. The body's `email`, when sent,
 * must be the same address (compared without case): a driver never ends up with a booking under
 * another address than the one the page showed, and a page cannot book for someone else.
 *
 * Verification is jose's `createRemoteJWKSet` + `jwtVerify` (Web Crypto: runs on edge runtimes
 * too); the key set is fetched on first use, cached, and fetched again for an unknown key id.
 */
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ConfigError, type Env } from './config-error.js';

export interface PortalAuthConfig {
  readonly jwksUrl: string;
  readonly issuer: string;
  readonly audience: string;
}

export type PortalVerdict =
  | { readonly ok: true; readonly email: string }
  | {
      readonly ok: false;
      /** 401: no token or a bad one; 503: the key set cannot be fetched now. */
      readonly status: 401 | 503;
      readonly message: string;
      /** The `WWW-Authenticate` header of a 401. */
      readonly challenge?: string;
    };

export interface PortalAuth {
  /** Checks the request's `Authorization` header value. */
  verify(authorization: string | null): Promise<PortalVerdict>;
}

/** The refusal of a body `email` other than the token's: a 422 like the gateway's bounds. */
export interface EmailMismatch {
  readonly message: string;
  readonly errors: Readonly<Record<string, readonly string[]>>;
  readonly reason: 'email-mismatch';
}

/** Signature algorithms accepted: asymmetric only (a JWKS holds public keys). */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

function value(env: Env, name: string): string | undefined {
  const raw = env[name]?.trim();
  return raw === undefined || raw === '' ? undefined : raw;
}

/** Reads portal mode's variables: all three or none; the JWKS over https (http on loopback only). */
export function parsePortalAuthConfig(env: Env): PortalAuthConfig | null {
  const jwksUrl = value(env, 'AUTH_JWKS_URL');
  const issuer = value(env, 'AUTH_ISSUER');
  const audience = value(env, 'AUTH_AUDIENCE');
  if (jwksUrl === undefined && issuer === undefined && audience === undefined) return null;
  if (jwksUrl === undefined || issuer === undefined || audience === undefined) {
    const missing = [
      ['AUTH_JWKS_URL', jwksUrl],
      ['AUTH_ISSUER', issuer],
      ['AUTH_AUDIENCE', audience],
    ]
      .filter(([, given]) => given === undefined)
      .map(([name]) => name);
    throw new ConfigError(
      `portal mode needs AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE; missing ${missing.join(', ')}`,
    );
  }
  let url: URL;
  try {
    url = new URL(jwksUrl);
  } catch {
    throw new ConfigError('AUTH_JWKS_URL is not a valid absolute URL');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
  if (!secure || url.username !== '' || url.password !== '') {
    throw new ConfigError('AUTH_JWKS_URL must be an https URL without credentials (http only on loopback)');
  }
  return { jwksUrl: url.href, issuer, audience };
}

function refused(message: string, error = 'invalid_token'): PortalVerdict {
  return { ok: false, status: 401, message, challenge: `Bearer error="${error}"` };
}

/** Whether jose failed to get the key set itself (unreachable, slow, not a JWKS), not the token. */
function keySetUnavailable(error: unknown): boolean {
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) return true;
  // jose throws its base class itself for a key set answer other than 200; its subclasses name
  // problems of the token. Anything else (a network error) is the key set's.
  return !(error instanceof errors.JOSEError) || error.constructor === errors.JOSEError;
}

/** Portal mode's verifier. `keys` replaces the remote key set (tests of other modules). */
export function createPortalAuth(config: PortalAuthConfig, keys?: JWTVerifyGetKey): PortalAuth {
  const keySet = keys ?? createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000 });
  return {
    async verify(authorization) {
      const match = /^Bearer +([A-Za-z0-9_.~+/-]+=*) *$/i.exec(authorization ?? '');
      if (match === null) return { ...refused('Sign in to book.', 'invalid_request'), challenge: 'Bearer' };
      try {
        const { payload } = await jwtVerify(match[1] ?? '', keySet, {
          issuer: config.issuer,
          audience: config.audience,
          algorithms: ALGORITHMS,
          requiredClaims: ['exp'],
          clockTolerance: 30,
        });
        const email = payload['email'];
        if (typeof email !== 'string' || !EMAIL.test(email) || email.length > 254) {
          return refused('The sign-in token carries no email address.');
        }
        if (payload['email_verified'] === false) return refused('The sign-in email address is not verified.');
        return { ok: true, email };
      } catch (error) {
        if (keySetUnavailable(error)) {
          return { ok: false, status: 503, message: 'Sign-in cannot be checked right now. Please try again.' };
        }
        if (error instanceof errors.JWTExpired) return refused('The sign-in has expired. Sign in again.');
        return refused('The sign-in token is not valid.');
      }
    },
  };
}

/**
 * The email a portal-mode create books for: the token's. A body `email` other than the token's
 * (ignoring case) is refused rather than silently replaced.
 */
export function portalBookingEmail(tokenEmail: string, bodyEmail: unknown): string | EmailMismatch {
  if (bodyEmail === undefined || bodyEmail === null || bodyEmail === '') return tokenEmail;
  if (typeof bodyEmail === 'string' && bodyEmail.trim().toLowerCase() === tokenEmail.toLowerCase()) {
    return tokenEmail;
  }
  return {
    message: 'The given data was invalid.',
    errors: { email: ['Bookings are made for the signed-in email address only.'] },
    reason: 'email-mismatch',
  };
}
