/**
 * Booking capabilities (SPEC §9): an unforgeable token given with a booking request, bound to
 * that request, its driver, its location and an expiry, HMAC-SHA-256-signed with
 * `CAPABILITY_SECRET`. WebCrypto by default, so it runs on Node and on edge runtimes alike; the
 * Node server signs with node:crypto (server/node-mac.ts), to the same bytes.
 *
 * Form: `<payload>.<signature>`, both base64url; the payload is `{"v":1,"r":…,"u":…,"l":…,"e":…}`
 * (request id, driver's user id, location id, expiry in epoch seconds). It names nothing a
 * client does not already know about its own booking, and proves that the gateway issued it.
 */
import { isPositiveInteger } from './types.js';

export interface CapabilityClaims {
  /** The booking request the capability was issued for. */
  readonly requestId: number;
  /** The driver's Ampeco user id. */
  readonly userId: number;
  readonly locationId: number;
  /** Epoch milliseconds after which it is no longer accepted. */
  readonly expiresAt: number;
}

export interface Capabilities {
  issue(claims: CapabilityClaims): Promise<string>;
  /** The claims of a capability that is well-formed, signed with this secret and not expired; else `null`. */
  verify(capability: string | null | undefined, now: number): Promise<CapabilityClaims | null>;
}

/** A capability lasts until a day after the booking's end. */
export const CAPABILITY_GRACE_MS = 24 * 3_600_000;

/** Longest capability accepted as input: real ones are ~120 characters. */
const MAX_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Unpadded base64url with what every runtime has (edge runtimes). */
export function portableBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer;

/** Node's native encoder where there is one (a capability is issued per answer), else the portable one. */
const toBase64Url: (bytes: Uint8Array) => string =
  NodeBuffer === undefined
    ? portableBase64Url
    : (bytes) => NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');

/** The bytes of canonical unpadded base64url only: any other spelling of the same bytes is `null`. */
function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!BASE64URL.test(text)) return null;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  } catch {
    return null;
  }
  // atob ignores the unused low bits of the last character, so 4 spellings would decode alike.
  return toBase64Url(bytes) === text ? bytes : null;
}

/** HMAC-SHA-256 of a payload under the secret it was made for. */
export type Mac = (payload: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>;

/** The portable MAC: WebCrypto, on every runtime. */
export function webCryptoMac(secret: string): Mac {
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return async (payload) => new Uint8Array(await crypto.subtle.sign('HMAC', await key, payload));
}

/** Compares two MACs in time that does not depend on where they differ. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}

/**
 * Capabilities signed with `secret` (at least 32 characters; the caller checks where it comes
 * from). `makeMac` may give a faster MAC than WebCrypto's (the Node server uses node:crypto).
 */
export function createCapabilities(secret: string, makeMac: (secret: string) => Mac = webCryptoMac): Capabilities {
  if (secret.length < 32) throw new TypeError('the capability secret must be at least 32 characters');
  const encoder = new TextEncoder();
  const mac = makeMac(secret);

  return {
    async issue(claims: CapabilityClaims): Promise<string> {
      const payload = encoder.encode(
        JSON.stringify({
          v: 1,
          r: claims.requestId,
          u: claims.userId,
          l: claims.locationId,
          e: Math.ceil(claims.expiresAt / 1000),
        }),
      );
      const signature = mac(payload);
      // A synchronous MAC (Node's) answers without waiting for a turn of the microtask queue.
      return `${toBase64Url(payload)}.${toBase64Url(signature instanceof Uint8Array ? signature : await signature)}`;
    },

    async verify(capability: string | null | undefined, now: number): Promise<CapabilityClaims | null> {
      if (typeof capability !== 'string' || capability.length > MAX_LENGTH) return null;
      const [encodedPayload = '', encodedSignature = '', extra] = capability.trim().split('.');
      if (extra !== undefined) return null;
      const payload = fromBase64Url(encodedPayload);
      const signature = fromBase64Url(encodedSignature);
      if (payload === null || signature === null) return null;
      const expected = mac(payload);
      if (!sameBytes(expected instanceof Uint8Array ? expected : await expected, signature)) return null;
      let claims: unknown;
      try {
        claims = JSON.parse(new TextDecoder().decode(payload));
      } catch {
        return null;
      }
      const { v, r, u, l, e } = (claims ?? {}) as Record<string, unknown>;
      if (v !== 1 || !isPositiveInteger(r) || !isPositiveInteger(u) || !isPositiveInteger(l) || !isPositiveInteger(e)) {
        return null;
      }
      if (e * 1000 <= now) return null;
      return { requestId: r, userId: u, locationId: l, expiresAt: e * 1000 };
    },
  };
}

/** A random secret for simulator mode: capabilities then last as long as the process. */
export function randomSecret(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
}
