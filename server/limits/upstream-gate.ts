/**
 * What stands between the gateway and every upstream call: the pause after an upstream 429, then
 * the deployment's upstream budget. The gateway's one upstream-call function asks `admit()` before
 * it calls and hands the answer to `observe()`; a refused call answers the client 429 with the
 * seconds given, and is never sent upstream.
 */
import type { Rates } from './rates.js';
import { retryAfterSeconds, type UpstreamPause } from './upstream-pause.js';

export interface UpstreamGate {
  /** `null`: the call may go upstream now; a number: answer 429 with this `Retry-After`. */
  admit(): Promise<number | null>;
  /**
   * Looks at upstream's answer: on 429 it starts the pause (honouring upstream's `Retry-After`)
   * and returns the seconds to send the client; otherwise `null`.
   */
  observe(response: Pick<Response, 'status' | 'headers'>): Promise<number | null>;
}

export function createUpstreamGate(
  rates: Pick<Rates, 'upstream'>,
  pause: UpstreamPause,
  now: () => number = Date.now,
): UpstreamGate {
  return {
    async admit(): Promise<number | null> {
      // A paused call does not use up the budget: it never goes upstream.
      const paused = await pause.remainingSeconds();
      if (paused > 0) return paused;
      const budget = await rates.upstream();
      return budget.allowed ? null : budget.retryAfterSeconds;
    },
    async observe(response): Promise<number | null> {
      if (response.status !== 429) return null;
      const seconds = retryAfterSeconds(response.headers.get('retry-after'), now());
      await pause.pauseFor(seconds);
      return seconds;
    },
  };
}
