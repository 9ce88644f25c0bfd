/**
 * `readAfter` (src/api/transport.ts): an answer asked with it is received at once but parsed and
 * checked only when the promise settles, as the first load's later availability weeks are while
 * the first week's start times render; a failure of the promise does not fail the call.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as z from 'zod/mini';
import { createTransport } from '../../src/api/transport.js';

/** A schema that notes when it checks an answer. */
function notingSchema(checked: string[]): z.ZodMiniType<{ data: number }> {
  return z.object({ data: z.number() }).check(z.refine(() => (checked.push('checked'), true)));
}

const answering = (body: string) => () => Promise.resolve(new Response(body, { status: 200 }));

describe('createTransport: readAfter', () => {
  it('parses and checks the answer only once readAfter settles', async () => {
    const checked: string[] = [];
    let open!: () => void;
    const readAfter = new Promise<void>((resolve) => (open = resolve));
    const transport = createTransport({ apiBase: 'http://api.invalid', fetch: answering('{"data":7}') });
    const answer = transport.read(notingSchema(checked), '/x', { readAfter });
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.deepEqual(checked, [], 'not checked while readAfter is pending');
    open();
    assert.equal(await answer, 7);
    assert.deepEqual(checked, ['checked']);
  });

  it('reads the answer when readAfter rejects', async () => {
    const transport = createTransport({ apiBase: 'http://api.invalid', fetch: answering('{"data":7}') });
    assert.equal(await transport.read(notingSchema([]), '/x', { readAfter: Promise.reject(new Error('no times')) }), 7);
  });

  it('an abort while waiting rejects with the signal’s reason once it settles', async () => {
    const abort = new AbortController();
    let open!: () => void;
    const readAfter = new Promise<void>((resolve) => (open = resolve));
    const transport = createTransport({ apiBase: 'http://api.invalid', fetch: answering('{"data":7}') });
    const answer = transport.read(notingSchema([]), '/x', { signal: abort.signal, readAfter });
    await new Promise((resolve) => setTimeout(resolve, 10));
    abort.abort();
    open();
    await assert.rejects(answer, { name: 'AbortError' });
  });
});
