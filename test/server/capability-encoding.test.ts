/**
 * Capabilities are base64url-encoded by Node's `Buffer` on Node and by a portable loop on edge
 * runtimes: both must spell every byte string alike, or a capability issued on one runtime would
 * fail the canonical-spelling check (server/capability.ts) on the other. Likewise they are signed
 * by node:crypto on Node (server/node-mac.ts) and by WebCrypto elsewhere, to the same bytes.
 */
import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createCapabilities, portableBase64Url, webCryptoMac } from '../../server/capability.js';
import { nodeHmacSha256 } from '../../server/node-mac.js';

test('the portable encoder spells every length and byte like Node’s base64url', () => {
  for (let length = 0; length <= 70; length += 1) {
    const bytes = new Uint8Array(randomBytes(length));
    assert.equal(portableBase64Url(bytes), Buffer.from(bytes).toString('base64url'), `length ${length}`);
  }
  const everyByte = Uint8Array.from({ length: 256 }, (_, index) => index);
  assert.equal(portableBase64Url(everyByte), Buffer.from(everyByte).toString('base64url'));
});

test('a capability issued on Node verifies, with its claims', async () => {
  const capabilities = createCapabilities('a capability secret of at least 32 characters');
  const claims = { requestId: 12, userId: 42, locationId: 7, expiresAt: Date.parse('2030-01-01T00:00:00Z') };
  const capability = await capabilities.issue(claims);
  assert.match(capability, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  assert.deepEqual(await capabilities.verify(capability, Date.parse('2029-01-01T00:00:00Z')), claims);
});

const SECRETS = [
  'a capability secret of at least 32 characters',
  // Exactly one SHA-256 block, one byte over it, and far over it (hashed first, RFC 2104 §2).
  'x'.repeat(64),
  'y'.repeat(65),
  'z'.repeat(300),
  // Non-ASCII: the secret's UTF-8 bytes on every runtime.
  'schlüssel-für-die-buchungen-ÄÖÜ-éèê-0123456789',
];

test('Node’s MAC gives the bytes of createHmac and of WebCrypto, for every secret and payload length', async () => {
  for (const secret of SECRETS) {
    const node = nodeHmacSha256(secret);
    const portable = webCryptoMac(secret);
    for (const length of [0, 1, 55, 64, 100, 512, 513, 2000]) {
      const payload = new Uint8Array(randomBytes(length));
      const expected = createHmac('sha256', secret).update(payload).digest();
      assert.deepEqual(Buffer.from(await node(payload)), expected, `secret ${secret.length}, payload ${length}`);
      assert.deepEqual(Buffer.from(await portable(payload)), expected, `WebCrypto, payload ${length}`);
    }
  }
});

test('Node’s MAC without crypto.hash (Node before 20.12) falls back to createHmac, same bytes', async () => {
  const payload = new TextEncoder().encode('{"v":1,"r":12,"u":42,"l":7,"e":1893456000}');
  const fallback = nodeHmacSha256(SECRETS[0] as string, undefined);
  assert.deepEqual(
    Buffer.from(await fallback(payload)),
    createHmac('sha256', SECRETS[0] as string)
      .update(payload)
      .digest(),
  );
});

test('a capability issued with Node’s MAC verifies with WebCrypto’s and the other way round; a forged one with neither', async () => {
  const secret = SECRETS[0] as string;
  const onNode = createCapabilities(secret, nodeHmacSha256);
  const onEdge = createCapabilities(secret, webCryptoMac);
  const claims = { requestId: 12, userId: 42, locationId: 7, expiresAt: Date.parse('2030-01-01T00:00:00Z') };
  const now = Date.parse('2029-01-01T00:00:00Z');
  const fromNode = await onNode.issue(claims);
  const fromEdge = await onEdge.issue(claims);
  assert.equal(fromNode, fromEdge);
  assert.deepEqual(await onEdge.verify(fromNode, now), claims);
  assert.deepEqual(await onNode.verify(fromEdge, now), claims);
  const otherSecret = createCapabilities('another secret of at least 32 characters!', nodeHmacSha256);
  const forged = await otherSecret.issue(claims);
  assert.equal(await onNode.verify(forged, now), null);
  assert.equal(await onEdge.verify(forged, now), null);
  // One payload, another's signature: refused by both.
  const [payload] = fromNode.split('.');
  const [, foreignSignature] = (await onNode.issue({ ...claims, requestId: 13 })).split('.');
  assert.equal(await onNode.verify(`${payload}.${foreignSignature}`, now), null);
  assert.equal(await onEdge.verify(`${payload}.${foreignSignature}`, now), null);
});
