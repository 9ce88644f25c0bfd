/**
 * One create per `externalId` at the gateway (SPEC §8 "never two bookings for one click"): a
 * create that carries an `externalId` claims it (server/limits/external-ids.ts) once it has passed
 * validation, the limits and the driver look-up, just before it is sent upstream, and settles the
 * claim by upstream's answer:
 *
 * - 2xx: the request was made; the claim is held for a day and every later create with that
 *   `externalId` is answered as upstream answers a taken one (a 422 on `externalId`), without
 *   reaching upstream. The widget then looks the request up by its `externalId` and follows it.
 * - 4xx (including the gateway's own 429 while upstream is paused): a definite refusal, nothing was
 *   made; the claim is released and the `externalId` may be sent again.
 * - no answer, a time-out, a 5xx or another status: the fate is unknown (a 502/504 from something
 *   in front of Ampeco may come after the booking was stored). The widget, which also counts these
 *   as unknown, looks the request up and resends it with the same `externalId` when it is not
 *   found; the gateway lets that resend through only after asking upstream itself, at that moment,
 *   whether it holds a request with that `externalId`: found, the resend gets the 422 (and the
 *   widget finds it); not found, the resend takes the claim over and is sent (one resend, even when
 *   several arrive at once). Should upstream only store the first create after that look-up, only
 *   upstream's own uniqueness check can stop the resend: the gateway cannot know more.
 * - the claims' store fails (Redis down): 503, nothing is sent (the widget treats it as unknown and
 *   looks up, then resends).
 */
import type { Context } from 'hono';
import { findByExternalIdUpstream } from './booking-lookups.js';
import type { Claim } from './limits/external-ids.js';
import { badUpstream, sendJson, upstreamProblem } from './respond.js';
import type { GatewayEnv } from './types.js';
import type { UpstreamOutcome } from './upstream.js';

/** Upstream's (Laravel's `unique` rule) message for an `externalId` already used. */
export const EXTERNAL_ID_TAKEN = 'The external id has already been taken.';

const taken = (c: Context<GatewayEnv>): Promise<Response> =>
  sendJson(c, 422, { message: EXTERNAL_ID_TAKEN, errors: { externalId: [EXTERNAL_ID_TAKEN] } });

/** Logs that the externalIds' store (memory or Redis) failed at `what`, with its error. */
export function warnStoreFailed(c: Context<GatewayEnv>, what: string, error: unknown): void {
  c.get('gateway').log({ level: 'warn', message: what, route: c.get('route'), detail: String(error) });
}

function storeFailed(c: Context<GatewayEnv>, error: unknown): Promise<Response> {
  warnStoreFailed(c, 'externalId not claimed', error);
  return sendJson(c, 503, { message: 'The booking cannot be sent right now. Please try again.' });
}

/** The claim of this create on `externalId`, or the answer that refuses the create. */
export async function claimExternalId(c: Context<GatewayEnv>, externalId: string): Promise<Claim | Response> {
  const claims = c.get('gateway').externalIds;
  let result;
  try {
    result = await claims.claim(externalId);
  } catch (error) {
    return storeFailed(c, error);
  }
  if (result.kind === 'claimed') return result.claim;
  if (result.kind === 'held') return taken(c);
  // An earlier create with it may or may not have been made: upstream tells, now.
  const found = await findByExternalIdUpstream(c, externalId, 'external-id-check');
  if (found.kind === 'problem') return upstreamProblem(c, found.outcome);
  if (found.kind === 'bad') return badUpstream(c, found.detail);
  if (found.kind === 'found') return taken(c);
  let claim: Claim | null;
  try {
    claim = await result.takeOver();
  } catch (error) {
    return storeFailed(c, error);
  }
  return claim ?? taken(c);
}

/** Sends the create under `claim` and settles the claim by upstream's answer, or by a throw (unknown). */
export async function sentUnderClaim(
  c: Context<GatewayEnv>,
  claim: Claim,
  send: () => Promise<UpstreamOutcome>,
): Promise<UpstreamOutcome> {
  let outcome: UpstreamOutcome;
  try {
    outcome = await send();
  } catch (error) {
    await settleClaim(c, claim, { kind: 'failed', detail: String(error) });
    throw error;
  }
  await settleClaim(c, claim, outcome);
  return outcome;
}

/** Settles `claim` by upstream's answer to the create (see the file's comment). */
async function settleClaim(c: Context<GatewayEnv>, claim: Claim, outcome: UpstreamOutcome): Promise<void> {
  if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status <= 299) return;
  const refused = outcome.kind === 'response' && outcome.status >= 400 && outcome.status <= 499;
  try {
    await (refused ? claim.release() : claim.markUnknown());
  } catch (error) {
    // The claim lapses on its own after a day; until then a resend is answered as taken.
    warnStoreFailed(c, 'externalId claim not settled', error);
  }
}

/** How long a cancel's claim lasts should it not be let go: longer than any upstream call takes. */
export const CANCEL_CLAIM_TTL_MS = 60_000;

/**
 * Runs `send` (a cancel of `bookingId` the capability allows) as the only cancel of that booking on
 * its way, so that cancels sent at once (a replay, a double click) reach upstream once: `null`, and
 * nothing sent, while another is on its way. The claim lives in the externalIds' store (shared
 * through Redis) under a key no UUID can take, and is let go once upstream has answered (or not);
 * when the store fails, the cancel is sent unclaimed.
 */
export async function asOnlyCancel(
  c: Context<GatewayEnv>,
  bookingId: number,
  send: () => Promise<Response>,
): Promise<Response | null> {
  let result;
  try {
    result = await c.get('gateway').externalIds.claim(`cancel-of-booking-${bookingId}`, CANCEL_CLAIM_TTL_MS);
  } catch (error) {
    // Unlike a create's, a cancel sent twice books nothing: it is not held back by the store's failure.
    warnStoreFailed(c, 'cancel not claimed', error);
    return send();
  }
  if (result.kind !== 'claimed') return null;
  try {
    return await send();
  } finally {
    await result.claim.release().catch((error: unknown) => {
      // It lapses on its own (CANCEL_CLAIM_TTL_MS); until then this booking's cancels are refused.
      warnStoreFailed(c, 'cancel claim not released', error);
    });
  }
}
