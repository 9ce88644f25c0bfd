/**
 * One cancel request per booking while it is pending upstream (SPEC §4 step 8): once a cancel of a
 * booking was made upstream, the gateway notes its request id (in the externalIds' store: per
 * process, or in Redis shared by every instance), and a cancel of that booking sent again while
 * the noted request is still `pending` upstream is answered with that request (`201`, and a
 * capability for it) instead of making a second one. Once upstream has decided it (approved:
 * the booking is cancelled; rejected: the booking stays), the note is forgotten and a cancel is
 * handled as any first one (server/bookings.ts: forwarded only while the booking is active).
 *
 * Cancels sent at the same moment are kept apart before this, by the one-minute claim of
 * `asOnlyCancel` (server/external-id-claim.ts). Should the store fail, a cancel is handled as if
 * nothing were noted (a cancel sent twice books nothing).
 */
import type { Context } from 'hono';
import { warnStoreFailed } from './external-id-claim.js';
import { CLAIM_TTL_MS } from './limits/external-ids.js';
import { isPositiveInteger, type GatewayEnv, type JsonObject } from './types.js';
import type { UpstreamOutcome } from './upstream.js';

/** How long a cancel request is noted as pending: a day (upstream decides long before). */
export const PENDING_CANCEL_TTL_MS = CLAIM_TTL_MS;

export type PendingCancel =
  | { readonly kind: 'pending'; readonly request: JsonObject }
  | { readonly kind: 'none' }
  | { readonly kind: 'problem'; readonly outcome: UpstreamOutcome };

/** How a booking request is read upstream under a capability: the request, or why not (`null`: not the capability's). */
export type RequestRead = (requestId: number) => Promise<{ request: JsonObject } | { problem: UpstreamOutcome | null }>;

const keyOf = (bookingId: number): string => `pending-cancel-of-booking-${bookingId}`;

/** The cancel request of `bookingId` noted here and still pending upstream (read with `read`), if any. */
export async function pendingCancelOf(
  c: Context<GatewayEnv>,
  bookingId: number,
  read: RequestRead,
): Promise<PendingCancel> {
  const store = c.get('gateway').externalIds;
  let noted: string | null;
  try {
    noted = await store.recall(keyOf(bookingId));
  } catch (error) {
    warnStoreFailed(c, 'pending cancel not recalled', error);
    return { kind: 'none' };
  }
  if (noted === null) return { kind: 'none' };
  const requestId = Number(noted);
  // Only ids this gateway noted are ever read upstream (a path holds validated ids only).
  const found = isPositiveInteger(requestId) ? await read(requestId) : { problem: null };
  if ('problem' in found && found.problem !== null) {
    const gone = found.problem.kind === 'response' && found.problem.status === 404;
    if (!gone) return { kind: 'problem', outcome: found.problem };
  }
  if ('request' in found) {
    const { request } = found;
    const isThisCancel = request['type'] === 'cancel' && request['bookingId'] === bookingId;
    if (isThisCancel && request['status'] === 'pending') return { kind: 'pending', request };
  }
  // Decided (or not this booking's cancel, or gone): a cancel now is a first one again.
  await store.forget(keyOf(bookingId), noted).catch((error: unknown) => {
    warnStoreFailed(c, 'pending cancel not forgotten', error);
  });
  return { kind: 'none' };
}

/** Notes `requestId`, just made upstream, as the pending cancel of `bookingId`. */
export async function notePendingCancel(c: Context<GatewayEnv>, bookingId: number, requestId: number): Promise<void> {
  try {
    await c.get('gateway').externalIds.remember(keyOf(bookingId), String(requestId), PENDING_CANCEL_TTL_MS);
  } catch (error) {
    // The cancel was made: the driver gets it. Only a repeat of it would reach upstream again.
    warnStoreFailed(c, 'pending cancel not noted', error);
  }
}
