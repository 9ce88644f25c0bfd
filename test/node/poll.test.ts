/**
 * Polling and its pauses leave nothing running behind them: no timer once the request is decided
 * (a Node process, or a page's timer list, would keep it), no abort listener per pause on a
 * long-lived signal.
 */
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import { sleep } from '../../src/api/client.js';
import type { BookingRequest } from '../../src/api/schemas.js';
import { pollBookingRequest } from '../../src/booking/poll.js';

const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('pollBookingRequest', () => {
  it('leaves no timer behind once the request is decided', async () => {
    const before = timers();
    let reads = 0;
    const client = {
      getBookingRequest: async (id: number): Promise<BookingRequest> =>
        ({ id, status: ++reads < 3 ? 'pending' : 'approved' }) as BookingRequest,
    };
    const outer = new AbortController();
    const result = await pollBookingRequest(client, 5, 'cap-5', {
      timeoutMs: 600_000,
      // The real pause, only shorter.
      sleep: (_ms, signal) => sleep(1, signal),
      signal: outer.signal,
    });
    assert.equal(result.status, 'approved');
    assert.equal(reads, 3);
    assert.equal(timers(), before);
    assert.equal(getEventListeners(outer.signal, 'abort').length, 0);
  });

  it('still times out with the timeout code', async () => {
    const client = {
      getBookingRequest: async (id: number): Promise<BookingRequest> => ({ id, status: 'pending' }) as BookingRequest,
    };
    await assert.rejects(pollBookingRequest(client, 6, 'cap-6', { timeoutMs: 20 }), { code: 'timeout' });
  });
});

describe('sleep', () => {
  it('leaves no abort listener on its signal after each pause', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 5; i++) await sleep(1, controller.signal);
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });

  it('rejects with the signal reason as soon as it aborts', async () => {
    const controller = new AbortController();
    const pause = sleep(60_000, controller.signal);
    controller.abort();
    await assert.rejects(pause, { name: 'AbortError' });
  });
});
