/**
 * Per-client token buckets: each client may burst up to `burst` requests, refilled at
 * `requestsPerMinute`. Memory is bounded: idle (full) buckets are dropped, and past
 * `maxClients` the least recently seen client is forgotten.
 */

export interface RateLimitOptions {
  /** Sustained rate per client. Default 120. */
  readonly requestsPerMinute?: number;
  /** Bucket size: requests a client may make at once. Default `requestsPerMinute`. */
  readonly burst?: number;
  /** Clients remembered at most. Default 10 000. */
  readonly maxClients?: number;
}

export type RateLimitDecision =
  { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  readonly #ratePerMs: number;
  readonly #burst: number;
  readonly #maxClients: number;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(options: RateLimitOptions, now: () => number) {
    const perMinute = options.requestsPerMinute ?? 120;
    if (!(perMinute > 0)) throw new RangeError('requestsPerMinute must be positive');
    this.#ratePerMs = perMinute / 60_000;
    this.#burst = Math.max(1, options.burst ?? perMinute);
    this.#maxClients = Math.max(1, options.maxClients ?? 10_000);
    this.#now = now;
  }

  /** Takes one token from `client`'s bucket, or says how long to wait for one. */
  take(client: string): RateLimitDecision {
    const now = this.#now();
    const bucket = this.#refilled(client, now);
    // Re-insert so that the map's order is least recently seen first.
    this.#buckets.delete(client);
    this.#buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / this.#ratePerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Clients currently remembered (for tests and metrics). */
  get size(): number {
    return this.#buckets.size;
  }

  #refilled(client: string, now: number): Bucket {
    const existing = this.#buckets.get(client);
    if (existing === undefined) {
      if (this.#buckets.size >= this.#maxClients) this.#evict(now);
      return { tokens: this.#burst, updatedAt: now };
    }
    const elapsed = Math.max(0, now - existing.updatedAt);
    existing.tokens = Math.min(this.#burst, existing.tokens + elapsed * this.#ratePerMs);
    existing.updatedAt = now;
    return existing;
  }

  #evict(now: number): void {
    for (const [client, bucket] of this.#buckets) {
      const tokens = bucket.tokens + (now - bucket.updatedAt) * this.#ratePerMs;
      if (tokens >= this.#burst) this.#buckets.delete(client);
    }
    while (this.#buckets.size >= this.#maxClients) {
      const oldest = this.#buckets.keys().next();
      if (oldest.done === true) break;
      this.#buckets.delete(oldest.value);
    }
  }
}
