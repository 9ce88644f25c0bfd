/**
 * A fresh id for one booking attempt: a random UUID (v4), so that an attempt whose answer was lost
 * can be looked up by it (SPEC §4 step 5), and guessed by nobody else (SPEC §9).
 */
export function newExternalId(): string {
  // `randomUUID` exists only in secure contexts: a page served over plain http has
  // `getRandomValues` alone.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10xx
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join('-');
}
