/**
 * The pause after an upstream 429 (SPEC §9): when Ampeco answers 429, no upstream call is made
 * until its `Retry-After` has passed, and clients get 429 with the seconds that remain. With
 * Redis the pause is one key with a time to live, so every instance sees it and Redis's clock
 * alone decides when it ends (instances' clocks may disagree); each instance also remembers it
 * locally, which answers without a round trip while the pause lasts and keeps it in force if Redis
 * goes away.
 */
import type { Redis } from 'ioredis';
import { REDIS_KEY_PREFIX } from './config.js';

export interface UpstreamPause {
  /** Seconds until upstream may be called again; 0 when it may be called now. */
  remainingSeconds(): Promise<number>;
  /** Pauses upstream calls for `seconds`, unless a longer pause already runs. */
  pauseFor(seconds: number): Promise<void>;
}

/** Used when upstream's 429 carries no usable `Retry-After`. */
export const DEFAULT_PAUSE_SECONDS = 5;
/** The longest pause honoured: a broken `Retry-After` must not stop the gateway for days. */
export const MAX_PAUSE_SECONDS = 3_600;

const KEY = `${REDIS_KEY_PREFIX}upstream-pause`;
/** Sets the key's time to live to ARGV[1] ms unless it already has longer to live. */
const EXTEND_SCRIPT = `local left = redis.call('PTTL', KEYS[1])
if left < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

/**
 * Seconds to wait from a `Retry-After` value (delta-seconds or an HTTP date), at least 1 and at
 * most `MAX_PAUSE_SECONDS`; `DEFAULT_PAUSE_SECONDS` when it is absent or unreadable.
 */
export function retryAfterSeconds(header: string | null, now: number): number {
  const value = header?.trim() ?? '';
  let seconds = DEFAULT_PAUSE_SECONDS;
  if (/^\d{1,10}$/.test(value)) seconds = Number(value);
  // An HTTP date always names its month: `Date.parse` alone would read "-4" as a year.
  else if (/[A-Za-z]{3}/.test(value) && !Number.isNaN(Date.parse(value)))
    seconds = Math.ceil((Date.parse(value) - now) / 1000);
  return Math.min(MAX_PAUSE_SECONDS, Math.max(1, seconds));
}

/** The pause, shared through `redis` when given, else for this process. */
export function createUpstreamPause(redis: Redis | null, now: () => number = Date.now): UpstreamPause {
  let localUntil = 0;
  const localRemaining = (): number => Math.max(0, Math.ceil((localUntil - now()) / 1000));

  return {
    async remainingSeconds(): Promise<number> {
      const local = localRemaining();
      if (local > 0 || redis === null) return local;
      try {
        const ms = await redis.pttl(KEY);
        return ms > 0 ? Math.ceil(ms / 1000) : 0;
      } catch {
        return local;
      }
    },
    async pauseFor(seconds: number): Promise<void> {
      localUntil = Math.max(localUntil, now() + seconds * 1000);
      if (redis === null) return;
      try {
        await redis.eval(EXTEND_SCRIPT, 1, KEY, String(seconds * 1000));
      } catch {
        // The local pause still holds this instance back.
      }
    },
  };
}
