/**
 * The booking calls (SPEC §4 steps 5–8): create, the look-up by `externalId`, the request's and
 * the booking's reads, and cancel. Part of the booking stage chunk (`booking/booking-stage.ts`), loaded
 * once the driver picks a start; the first load's calls are in `reads.ts`.
 */
import {
  BookingRequestLookup,
  CreatedBookingRequest,
  KeptAttempt,
  keptRequestOf,
  type CancelBookingBody,
  type CreateBookingBody,
  type TrackedRequest,
} from './gateway.js';
import * as z from 'zod/mini';
import { BookingRequestResponse, BookingResponse, type Booking, type BookingRequest } from './booking-schemas.js';
import type { CallOptions, Transport } from './transport.js';

/**
 * `schema`'s checks, its issues included, with the answer kept as it was sent: the events hand
 * the page Ampeco's booking request and booking whole (SPEC §5), fields the schemas do not read
 * included, where parsing would keep only theirs. (The gateway passes on only those fields: it
 * reduces each answer to the schemas' keys.) A check, not `z.looseObject`, whose `unknown` schema
 * would join zod in the entry.
 */
function asAnswered<T>(schema: z.ZodMiniType<T>): z.ZodMiniType<T> {
  return z.custom<T>().check(
    z.check<T>((ctx) => {
      const parsed = schema.safeParse(ctx.value);
      if (!parsed.success) ctx.issues.push(...(parsed.error.issues as unknown as z.core.$ZodRawIssue[]));
    }),
  );
}

const CreatedAsAnswered = asAnswered(CreatedBookingRequest);
const LookupAsAnswered = asAnswered(BookingRequestLookup);
const BookingRequestAsAnswered = asAnswered(BookingRequestResponse);
const BookingAsAnswered = asAnswered(BookingResponse);

export interface BookingCalls {
  /**
   * Sends the create POST once (never retried here: a lost answer is looked up by its
   * `externalId`, which the booking flow decides, see `booking/booking-machine.ts`); resolves with
   * the request (normally `pending`) and its capability. A 422 rejects with `validation`, its
   * `fieldErrors` and `reason` (`no-account`).
   */
  createBookingRequest(body: CreateBookingBody, options?: CallOptions): Promise<TrackedRequest>;
  /** The booking request made under this `externalId` with its capability, or null. */
  findBookingRequestByExternalId(externalId: string, options?: CallOptions): Promise<TrackedRequest | null>;
  getBookingRequest(id: number, capability: string, options?: CallOptions): Promise<BookingRequest>;
  /** The booking with its `bookedEvses` (`include[]=bookedEvses`). */
  getBooking(id: number, capability: string, options?: CallOptions): Promise<Booking>;
  /** Sends `{type:"cancel", bookingId}` once, with the booking's capability; resolves with the cancel request and its own capability. */
  cancelBooking(bookingId: number, capability: string, options?: CallOptions): Promise<TrackedRequest>;
}

const BOOKING_REQUESTS = '/resources/booking-requests/v1.0';

/**
 * What a reload finds of a booking kept in `sessionStorage`: the request with its capability, or
 * the request made by a create whose answer the page did not wait for, found by its `externalId`.
 */
export async function keptBookingOf(
  kept: unknown,
  transport: Transport,
  signal: AbortSignal,
): Promise<TrackedRequest | null> {
  const attempt = KeptAttempt.safeParse(kept);
  if (!attempt.success) return keptRequestOf(kept);
  return bookingCalls(transport).findBookingRequestByExternalId(attempt.data.externalId, { signal });
}

export function bookingCalls({ root, request, read }: Transport): BookingCalls {
  /** A create or cancel POST, sent once; the request made and its capability. */
  const post = async (
    body: CreateBookingBody | CancelBookingBody,
    call?: CallOptions,
    capability?: string,
  ): Promise<TrackedRequest> => {
    const { data, meta } = await request(CreatedAsAnswered, `${root}${BOOKING_REQUESTS}`, call, {
      body,
      capability,
      once: true,
    });
    return { request: data, capability: meta.capability };
  };

  return {
    // The body is the machine's (`booking/booking-machine.ts`), made of checked parts; the gateway validates it with `CreateBookingBody`.
    createBookingRequest: (body, call) => post(body, call),

    async findBookingRequestByExternalId(externalId, call) {
      const path = `${BOOKING_REQUESTS}?filter[externalId]=${encodeURIComponent(externalId)}`;
      const { data, meta } = await request(LookupAsAnswered, `${root}${path}`, call);
      // The gateway answers only the request made under this `externalId`; one that leaves the
      // field out (Ampeco's definition requires none) is that request too.
      const found = data.find((candidate) => (candidate.externalId ?? externalId) === externalId);
      return found && meta ? { request: found, capability: meta.capability } : null;
    },

    getBookingRequest: (id, capability, call) =>
      read(BookingRequestAsAnswered, `${BOOKING_REQUESTS}/${id}`, call, { capability }),

    // `bookedEvses` names the port a real tenant booked (bookings carry no `evse`).
    getBooking: (id, capability, call) =>
      read(BookingAsAnswered, `/resources/bookings/v1.0/${id}?include[]=bookedEvses`, call, { capability }),

    cancelBooking: (bookingId, capability, call) => post({ type: 'cancel', bookingId }, call, capability),
  };
}
