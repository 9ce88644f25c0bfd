/**
 * Capabilities are base64url-encoded by Node's `Buffer` on Node and by a portable loop on edge
 * runtimes: both must spell every byte string alike, or a capability issued on one runtime would
 * fail the canonical-spelling check (server/capability.ts) on the other.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createCapabilities, portableBase64Url } from '../../server/capability.js';

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
