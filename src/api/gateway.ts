/**
 * The v2 booking gateway's answers (SPEC §4 steps 5–8, §9): a booking request with the capability
 * that opens it (and its booking) to its holder. The bodies sent are in `gateway-bodies.ts`;
 * Ampeco's resources themselves in `schemas.ts`.
 */
import * as z from 'zod/mini';
import { BookingRequest } from './booking-schemas.js';

export type { CancelBookingBody, CreateBookingBody } from './gateway-bodies.js';

const Capability = z.object({ capability: z.string() });

/** A create or cancel answer: `201 {data, meta: {capability}}`. */
export const CreatedBookingRequest = z.object({ data: BookingRequest, meta: Capability });
export type CreatedBookingRequest = z.infer<typeof CreatedBookingRequest>;

/** The look-up by `externalId`: `{data: [request], meta: {capability}}`, or `{data: []}`. */
export const BookingRequestLookup = z.object({
  data: z.array(BookingRequest),
  meta: z.optional(z.nullable(Capability)),
});

/** A booking request the widget may read, with the capability that opens it. */
export interface TrackedRequest {
  request: BookingRequest;
  capability: string;
}

/** A booking request and its capability as the widget keeps them for a reload (`sessionStorage`). */
export const KeptRequest = z.object({ request: BookingRequest, capability: z.string() });

/** A Book whose create was on its way when the page went away: its `externalId`, to find it again. */
export const KeptAttempt = z.object({ externalId: z.string() });

/** The kept request, if `raw` is one. */
export function keptRequestOf(raw: unknown): TrackedRequest | null {
  const parsed = KeptRequest.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
