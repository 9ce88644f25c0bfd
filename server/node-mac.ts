/**
 * The capabilities' HMAC-SHA-256 on Node (server/capability.ts keeps WebCrypto's for every other
 * runtime; both give the same bytes, so a capability issued by one verifies on the other).
 *
 * HMAC (RFC 2104) is SHA-256(K ⊕ opad ‖ SHA-256(K ⊕ ipad ‖ message)). The padded keys are built
 * once per secret, and each MAC is two one-shot `crypto.hash` calls over scratch buffers: no
 * `Hmac` object per answer. A `createHmac` per call built a native object whose key schedule,
 * digest look-up and weak handle (freed by the garbage collector) cost more than the hashing.
 * Where `crypto.hash` is missing (Node before 20.12), or for an input longer than any capability,
 * `createHmac` is used.
 */
import * as nodeCrypto from 'node:crypto';
import type { Mac } from './capability.js';

const BLOCK = 64;
const DIGEST = 32;
/** Longest payload signed or checked through the scratch buffer: a capability is at most 512 characters. */
const MAX_PAYLOAD = 512;

type OneShotHash = (algorithm: string, data: Uint8Array, outputEncoding: 'buffer') => Buffer;

/** `crypto.hash` where this Node has it. */
const oneShotHash = (nodeCrypto as { hash?: OneShotHash }).hash;

export function nodeHmacSha256(secret: string, hash: OneShotHash | undefined = oneShotHash): Mac {
  const slow: Mac = (payload) => nodeCrypto.createHmac('sha256', secret).update(payload).digest();
  if (typeof hash !== 'function') return slow;
  const secretBytes = Buffer.from(secret, 'utf8');
  // A key longer than a block is replaced by its digest (RFC 2104 §2); a shorter one is zero-padded.
  const key = secretBytes.length > BLOCK ? hash('sha256', secretBytes, 'buffer') : secretBytes;
  const inner = Buffer.alloc(BLOCK + MAX_PAYLOAD);
  const outer = Buffer.alloc(BLOCK + DIGEST);
  for (let index = 0; index < BLOCK; index += 1) {
    const byte = key[index] ?? 0;
    inner[index] = byte ^ 0x36;
    outer[index] = byte ^ 0x5c;
  }
  return (payload) => {
    if (payload.byteLength > MAX_PAYLOAD) return slow(payload);
    // Synchronous from here to the return: no other call can use the scratch buffers meanwhile.
    inner.set(payload, BLOCK);
    outer.set(hash('sha256', inner.subarray(0, BLOCK + payload.byteLength), 'buffer'), BLOCK);
    return hash('sha256', outer, 'buffer');
  };
}
