/**
 * The booking each booking request made, as the gateway saw it (server/bookings.ts): what lets a
 * capability used on another booking id be refused without asking upstream anything.
 */
import type { Context } from 'hono';
import type { CapabilityClaims } from './capability.js';
import type { GatewayRuntime } from './runtime.js';
import { isPositiveInteger, type GatewayEnv, type Json } from './types.js';

/**
 * The booking each request made, once seen (it never changes), per gateway: a capability used on
 * another booking id is then refused without asking upstream anything. At most 10,000 remembered.
 */
const bookingsMade = new WeakMap<GatewayRuntime, Map<number, number>>();
const REMEMBERED_BOOKINGS = 10_000;

export function rememberBooking(c: Context<GatewayEnv>, requestId: number, bookingId: Json | undefined): void {
  if (!isPositiveInteger(bookingId)) return;
  const gateway = c.get('gateway');
  let known = bookingsMade.get(gateway);
  if (known === undefined) bookingsMade.set(gateway, (known = new Map()));
  if (known.has(requestId)) return;
  if (known.size >= REMEMBERED_BOOKINGS) known.delete(known.keys().next().value ?? 0);
  known.set(requestId, bookingId);
}

/** Whether the request of `claims` is known to have made another booking than `bookingId`. */
export function madeAnother(
  c: Context<GatewayEnv>,
  claims: CapabilityClaims,
  bookingId: number | string | undefined,
): boolean {
  const known = bookingsMade.get(c.get('gateway'))?.get(claims.requestId);
  return known !== undefined && String(known) !== String(bookingId);
}
