/**
 * The booking half's effects (create, look-up by `externalId`, poll, read the booking, cancel) as
 * API calls whose outcomes go back into the machine as events. Part of the booking stage chunk
 * (`booking/booking-stage.ts`); the flow runner runs the other effects itself.
 */
import { bookingCalls, type BookingCalls } from '../api/bookings.js';
import { sleep, type Transport } from '../api/transport.js';
import type { Failure } from '../booking/failure.js';
import { pollBookingRequest } from '../booking/poll.js';
import type { Effect, FlowEvent } from '../booking/states.js';
import { visibleSleep } from './visibility.js';

/** The effects that call the booking API. */
export type BookingEffect = Extract<Effect, { type: 'create' | 'look-up' | 'poll' | 'read-booking' | 'cancel' }>;

/** What the runner lends an effect. */
export interface EffectContext {
  /**
   * Runs `work` on the flow's requests with the flow's signal and dispatches what `done` makes of
   * its result, or what `failed` makes of its failure; nothing when it was aborted.
   */
  call<T>(
    work: (transport: Transport, signal: AbortSignal) => Promise<T>,
    done: (value: T) => FlowEvent,
    failed: (failure: Failure) => FlowEvent,
  ): void;
  /** How long a poll waits for the operator's decision (ms). */
  pollTimeout: number;
}

export function runBookingEffect(effect: BookingEffect, { call, pollTimeout }: EffectContext): void {
  const withCalls =
    <T>(work: (calls: BookingCalls, signal: AbortSignal) => Promise<T>) =>
    (transport: Transport, signal: AbortSignal): Promise<T> =>
      work(bookingCalls(transport), signal);
  switch (effect.type) {
    case 'create':
      return call(
        withCalls((calls, signal) => calls.createBookingRequest(effect.body, { signal })),
        (tracked) => ({ type: 'created', tracked }),
        (failure) => ({ type: 'create-failed', failure }),
      );
    case 'look-up':
      return call(
        withCalls(async (calls, signal) => {
          if (effect.delayMs > 0) await sleep(effect.delayMs, signal);
          return calls.findBookingRequestByExternalId(effect.externalId, { signal });
        }),
        (found) => ({ type: 'looked-up', found }),
        (failure) => ({ type: 'look-up-failed', failure }),
      );
    case 'poll':
      return call(
        withCalls((calls, signal) =>
          pollBookingRequest(calls, effect.tracked.request.id, effect.tracked.capability, {
            signal,
            timeoutMs: pollTimeout,
            sleep: visibleSleep,
          }),
        ),
        (request) => ({ type: 'decided', request }),
        (failure) => (failure.code === 'timeout' ? { type: 'poll-timed-out' } : { type: 'poll-failed', failure }),
      );
    case 'read-booking':
      return call(
        withCalls((calls, signal) => calls.getBooking(effect.bookingId, effect.capability, { signal })),
        (booking) => ({ type: 'booking-read', booking }),
        (failure) => ({ type: 'booking-read-failed', failure }),
      );
    case 'cancel':
      return call(
        withCalls((calls, signal) => calls.cancelBooking(effect.bookingId, effect.capability, { signal })),
        (tracked) => ({ type: 'cancel-created', tracked }),
        (failure) => ({ type: 'cancel-failed', failure }),
      );
  }
}
