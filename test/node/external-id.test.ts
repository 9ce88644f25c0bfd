import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newExternalId } from '../../src/booking/external-id.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newExternalId', () => {
  it('makes a fresh UUID v4 each time', () => {
    const a = newExternalId();
    assert.match(a, UUID_V4);
    assert.notEqual(a, newExternalId());
  });

  it('works without crypto.randomUUID (pages served over http)', () => {
    const original = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 50 }, () => newExternalId()));
      for (const id of ids) assert.match(id, UUID_V4);
      assert.equal(ids.size, 50);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true });
    }
  });
});
