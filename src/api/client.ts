/**
 * The API client: the one place that knows the Ampeco Public API paths (SPEC §4) as the proxy
 * serves them under `apiBase`, as one object. The widget itself uses its two halves apart, so that
 * the booking calls load only with the booking stage: `reads.ts` (the first load, in the entry)
 * and `bookings.ts` (create, look-up, poll, read, cancel: the booking stage chunk), both on the
 * requests of `transport.ts` (fetch, retries, errors, parsing).
 */
import { bookingCalls, type BookingCalls } from './bookings.js';
import { readCalls, type ReadCalls } from './reads.js';
import { createTransport, type ClientOptions } from './transport.js';

export type { BookingCalls } from './bookings.js';
export type { ReadCalls } from './reads.js';
export { CAPABILITY_HEADER, sleep, type CallOptions, type ClientOptions, type Sleep } from './transport.js';
export { isTransient, parseRetryAfter } from './errors.js';

export interface ApiClient extends ReadCalls, BookingCalls {}

export function createClient(options: ClientOptions): ApiClient {
  const transport = createTransport(options);
  return { ...readCalls(transport), ...bookingCalls(transport) };
}
