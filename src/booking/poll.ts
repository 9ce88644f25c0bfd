/**
 * Polling a booking request until Ampeco decides (SPEC §4 step 7).
 */
import { sleep, type ApiClient, type Sleep } from '../api/client.js';
import { ApiError } from '../api/errors.js';
import type { BookingRequest } from '../api/schemas.js';

export interface PollOptions {
  /** Stops polling at once; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Give up after this long (real time); rejects with ApiError `timeout`. Default 60 s. */
  timeoutMs?: number;
  /** Pause before the first read; default 1 s. */
  initialDelayMs?: number;
  /** Longest pause between reads; default 5 s. */
  maxDelayMs?: number;
  /** Growth of the pause after each `pending` read; default 1.5. */
  factor?: number;
  /** Called with every read of the request. */
  onUpdate?: (bookingRequest: BookingRequest) => void;
  /** Injectable for tests. */
  sleep?: Sleep;
}

/**
 * Reads the booking request with growing pauses until it is `approved` or `rejected`, and resolves
 * with it. Transient failures of a read are retried by the client; a failure that remains rejects.
 * After `timeoutMs` it rejects with ApiError `timeout` (the request is still pending: tell the driver).
 */
export async function pollBookingRequest(
  client: Pick<ApiClient, 'getBookingRequest'>,
  id: number,
  {
    signal: outer,
    timeoutMs = 60_000,
    initialDelayMs = 1000,
    maxDelayMs = 5000,
    factor = 1.5,
    onUpdate,
    sleep: wait = sleep,
  }: PollOptions = {},
): Promise<BookingRequest> {
  // setTimeout rather than AbortSignal.timeout, which throws on what setTimeout takes (Infinity, -1:
  // at once). Cleared when polling ends, so that no timer outlives it (a Node process would wait).
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  const signal = outer ? AbortSignal.any([outer, deadline.signal]) : deadline.signal;
  try {
    for (let delay = initialDelayMs; ; delay = Math.min(maxDelayMs, delay * factor)) {
      await wait(delay, signal);
      signal.throwIfAborted();
      const bookingRequest = await client.getBookingRequest(id, { signal });
      onUpdate?.(bookingRequest);
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
