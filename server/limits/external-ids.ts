/**
 * One create per `externalId` (SPEC §8 "never two bookings for one click", §9 create): before the
 * gateway sends a create upstream it claims the create's `externalId` here, in memory per process
 * or in Redis shared by every instance (`REDIS_URL`), so that a second create with it (a POST the
 * browser sent again after a dropped connection, on this instance or another) never reaches upstream.
 *
 * A claim is in one of two states, each kept for `CLAIM_TTL_MS`:
 *
 * - held: a create with it is on its way upstream, or upstream made it;
 * - unknown: a create with it was sent and its fate is unknown (no answer, a time-out, a 5xx).
 *
 * A definite refusal (a 4xx: nothing was made) removes the claim. Only the create that claimed an
 * `externalId` settles it (a random token in the stored value says whose it is). An unknown claim is
 * taken over by one create only (compare and set), once the gateway has seen upstream hold no
 * request with that `externalId` (server/external-id-claim.ts).
 */
import type { Redis } from 'ioredis';
import { REDIS_KEY_PREFIX } from './config.js';

/** How long a claim lasts: a day, like a capability's grace after the booking. */
export const CLAIM_TTL_MS = 86_400_000;

const HELD = 'held:';
const UNKNOWN = 'unknown';

/** The claim of one create on its `externalId`, settled once upstream has answered (or not). */
export interface Claim {
  /** Upstream refused the create (nothing was made): the `externalId` is free again. */
  release(): Promise<void>;
  /** Upstream's answer was lost: the next create with it is let through only if upstream has none. */
  markUnknown(): Promise<void>;
}

export type ClaimResult =
  | { readonly kind: 'claimed'; readonly claim: Claim }
  /** Another create holds it (on its way, or made). */
  | { readonly kind: 'held' }
  /** An earlier create's fate is unknown: `takeOver` claims it (or `null`: another create was first). */
  | { readonly kind: 'unknown'; takeOver(): Promise<Claim | null> };

export interface ExternalIdClaims {
  /** Claims `externalId` for a create about to be sent, for `ttlMs` (a day). Rejects when the store fails. */
  claim(externalId: string, ttlMs?: number): Promise<ClaimResult>;
  /**
   * Notes in the same store (a cancel request pending for a booking, server/pending-cancels.ts):
   * `value` kept under `key` for `ttlMs`, read back, forgotten while it is still `value`. Each
   * rejects when the store fails.
   */
  remember(key: string, value: string, ttlMs: number): Promise<void>;
  recall(key: string): Promise<string | null>;
  forget(key: string, value: string): Promise<void>;
}

/** The claims' storage: one value per `externalId`, replaced only when it is what the caller expects. */
interface ClaimStore {
  /** Sets the value for `ttlMs` when there is none; resolves with the value now stored. */
  setIfAbsent(key: string, value: string, ttlMs: number): Promise<string | null>;
  /** Replaces `expected` by `value` (`null`: deletes it); whether it did. */
  replace(key: string, expected: string, value: string | null): Promise<boolean>;
  /** Sets the value for `ttlMs`, whatever was there. */
  set(key: string, value: string, ttlMs: number): Promise<void>;
  get(key: string): Promise<string | null>;
}

function memoryStore(now: () => number): ClaimStore {
  const values = new Map<string, { value: string; expiresAt: number }>();
  let writes = 0;
  const current = (key: string): string | null => {
    const entry = values.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt > now()) return entry.value;
    values.delete(key);
    return null;
  };
  const write = (key: string, value: string, ttlMs = CLAIM_TTL_MS): void => {
    writes += 1;
    // Claims nobody settles again are forgotten once they lapse.
    if (writes % 1_000 === 0) for (const stored of [...values.keys()]) current(stored);
    values.set(key, { value, expiresAt: now() + ttlMs });
  };
  return {
    async setIfAbsent(key, value, ttlMs) {
      const stored = current(key);
      if (stored !== null) return stored;
      write(key, value, ttlMs);
      return value;
    },
    async replace(key, expected, value) {
      if (current(key) !== expected) return false;
      if (value === null) values.delete(key);
      else write(key, value);
      return true;
    },
    async set(key, value, ttlMs) {
      write(key, value, ttlMs);
    },
    async get(key) {
      return current(key);
    },
  };
}

/** Replaces ARGV[1] by ARGV[2] for ARGV[3] ms, or deletes it when ARGV[2] is empty; 1 when it did. */
const REPLACE_SCRIPT = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('DEL', KEYS[1]) else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
return 1`;

function redisStore(redis: Redis): ClaimStore {
  return {
    async setIfAbsent(key, value, ttlMs) {
      // SET NX with its time to live: one atomic step, whichever instance comes first wins.
      if ((await redis.set(key, value, 'PX', ttlMs, 'NX')) === 'OK') return value;
      const stored = await redis.get(key);
      // Released between the two commands: nobody holds it now, so try once more.
      if (stored !== null) return stored;
      return (await redis.set(key, value, 'PX', ttlMs, 'NX')) === 'OK' ? value : redis.get(key);
    },
    async replace(key, expected, value) {
      const done = await redis.eval(REPLACE_SCRIPT, 1, key, expected, value ?? '', String(CLAIM_TTL_MS));
      return done === 1;
    },
    async set(key, value, ttlMs) {
      await redis.set(key, value, 'PX', ttlMs);
    },
    get: (key) => redis.get(key),
  };
}

/** The claims, shared through `redis` when given, else for this process. */
export function createExternalIdClaims(redis: Redis | null, now: () => number = Date.now): ExternalIdClaims {
  const store = redis === null ? memoryStore(now) : redisStore(redis);
  // UUIDs in any case are one key: upstream's uniqueness check may well compare them without case.
  const keyOf = (externalId: string): string => `${REDIS_KEY_PREFIX}external-id:${externalId.toLowerCase()}`;

  const claimOf = (key: string, mine: string): Claim => ({
    async release() {
      await store.replace(key, mine, null);
    },
    async markUnknown() {
      await store.replace(key, mine, UNKNOWN);
    },
  });

  return {
    async claim(externalId, ttlMs = CLAIM_TTL_MS) {
      const key = keyOf(externalId);
      const mine = `${HELD}${crypto.randomUUID()}`;
      const stored = await store.setIfAbsent(key, mine, ttlMs);
      if (stored === mine) return { kind: 'claimed', claim: claimOf(key, mine) };
      if (stored !== UNKNOWN) return { kind: 'held' };
      return {
        kind: 'unknown',
        takeOver: async () => ((await store.replace(key, UNKNOWN, mine)) ? claimOf(key, mine) : null),
      };
    },
    remember: (key, value, ttlMs) => store.set(keyOf(key), value, ttlMs),
    recall: (key) => store.get(keyOf(key)),
    async forget(key, value) {
      await store.replace(keyOf(key), value, null);
    },
  };
}
