/**
 * Polling a booking request until Ampeco decides (SPEC §4 step 6), with its capability.
 */
import type { BookingCalls } from '../api/bookings.js';
import { sleep, type Sleep } from '../api/transport.js';
import { ApiError } from '../api/errors.js';
import type { BookingRequest } from '../api/schemas.js';

export interface PollOptions {
  /** Stops polling at once; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Give up after this long (real time); rejects with ApiError `timeout`. Default 60 s. */
  timeoutMs?: number;
  /** Injectable for tests. */
  sleep?: Sleep;
}

/**
 * Reads the booking request with growing pauses (1 s, then 1.5 times longer after each `pending`
 * read, at most 5 s) until it is `approved` or `rejected`, and resolves
 * with it. Transient failures of a read are retried by the client; a failure that remains rejects.
 * After `timeoutMs` it rejects with ApiError `timeout` (the request is still pending: tell the driver).
 */
export async function pollBookingRequest(
  client: Pick<BookingCalls, 'getBookingRequest'>,
  id: number,
  capability: string,
  { signal: outer, timeoutMs = 60_000, sleep: wait = sleep }: PollOptions = {},
): Promise<BookingRequest> {
  // setTimeout rather than AbortSignal.timeout, which throws on what setTimeout takes (Infinity, -1:
  // at once). Cleared when polling ends, so that no timer outlives it (a Node process would wait).
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = outer ? AbortSignal.any([outer, deadline.signal]) : deadline.signal;
  try {
    for (let delay = 1000; ; delay = Math.min(5000, delay * 1.5)) {
      await wait(delay, signal);
      signal.throwIfAborted();
      const bookingRequest = await client.getBookingRequest(id, capability, { signal });
      if (bookingRequest.status !== 'pending') return bookingRequest;
    }
  } catch (error) {
    outer?.throwIfAborted();
    throw deadline.signal.aborted
      ? new ApiError('timeout', `Booking request ${id} still pending`, { cause: error })
      : error;
  } finally {
    clearTimeout(timer);
  }
}
