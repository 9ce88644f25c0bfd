/**
 * A small TTL cache whose misses are coalesced: while a value is being loaded, every caller
 * asking for the same key waits for that one load instead of starting its own.
 */

export interface TtlCacheOptions<V> {
  /** How long a stored value is served, in ms. `0` disables storing (misses are still coalesced). */
  readonly ttlMs: number;
  /** Entries kept at most; the oldest go first. */
  readonly maxEntries: number;
  readonly now: () => number;
  /** Whether a loaded value may be stored (e.g. only successful answers). Default: all. */
  readonly shouldStore?: (value: V) => boolean;
}

interface Entry<V> {
  readonly value: V;
  readonly expiresAt: number;
}

export class TtlCache<V> {
  readonly #options: TtlCacheOptions<V>;
  readonly #entries = new Map<string, Entry<V>>();
  readonly #loading = new Map<string, Promise<V>>();

  constructor(options: TtlCacheOptions<V>) {
    this.#options = options;
  }

  /** The fresh value under `key`, or the result of `load()` (shared with concurrent callers). */
  get(key: string, load: () => Promise<V>): Promise<V> {
    const now = this.#options.now();
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      if (entry.expiresAt > now) return Promise.resolve(entry.value);
      this.#entries.delete(key);
    }
    const pending = this.#loading.get(key);
    if (pending !== undefined) return pending;

    const loading = load()
      .then((value) => {
        this.#store(key, value);
        return value;
      })
      .finally(() => {
        this.#loading.delete(key);
      });
    this.#loading.set(key, loading);
    return loading;
  }

  get size(): number {
    return this.#entries.size;
  }

  #store(key: string, value: V): void {
    const { ttlMs, maxEntries, shouldStore } = this.#options;
    if (ttlMs <= 0 || (shouldStore !== undefined && !shouldStore(value))) return;
    const now = this.#options.now();
    if (this.#entries.size >= maxEntries) {
      for (const [staleKey, entry] of this.#entries) {
        if (entry.expiresAt <= now) this.#entries.delete(staleKey);
      }
      while (this.#entries.size >= maxEntries) {
        const oldest = this.#entries.keys().next();
        if (oldest.done === true) break;
        this.#entries.delete(oldest.value);
      }
    }
    this.#entries.set(key, { value, expiresAt: now + ttlMs });
  }
}
