/**
 * The redactor over parsed JSON (server/redact.ts): the token leaves every key and string, in any
 * position, while the rest of the answer (its keys' order, the items around a redacted one) is
 * passed on as it was.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createRedactor } from '../../server/redact.js';

const TOKEN = 'tok_SECRET_0123456789';

describe('createRedactor().json', () => {
  test('an answer without the token comes out equal, keys in their order', () => {
    const answer = { data: [{ id: 1, status: 'approved', startAt: '2026-03-02T10:00:00Z' }], meta: { next: null } };
    const redacted = createRedactor(TOKEN).json(structuredClone(answer));
    assert.deepEqual(redacted, answer);
    assert.deepEqual(Object.keys(redacted as object), ['data', 'meta']);
  });

  test('the token in a key, a string or an array item deep inside is redacted; the rest is kept in order', () => {
    const answer = {
      first: 1,
      [`x-${TOKEN}`]: 'key',
      nested: { list: ['a', `Bearer ${TOKEN}`, 'c'], after: true },
      last: encodeURIComponent(TOKEN),
    };
    const redacted = createRedactor(TOKEN).json(answer);
    assert.deepEqual(JSON.parse(JSON.stringify(redacted)), {
      first: 1,
      'x-[redacted]': 'key',
      nested: { list: ['a', 'Bearer [redacted]', 'c'], after: true },
      last: '[redacted]',
    });
    assert.deepEqual(Object.keys(redacted as object), ['first', 'x-[redacted]', 'nested', 'last']);
    assert.ok(!JSON.stringify(redacted).includes(TOKEN));
  });
});
