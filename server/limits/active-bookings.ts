/**
 * Active bookings per driver made through the gateway (`ACTIVE_BOOKINGS_PER_DRIVER`, SPEC §9).
 *
 * The gateway remembers, per driver, the booking requests it created (in memory, or in one Redis
 * hash per driver shared by every instance) and counts from upstream truth: before each create it
 * asks upstream which of them are still active (a pending request, or an approved one whose
 * booking is accepted or reserved) and forgets the others, so a rejected, cancelled or finished
 * booking frees its place at once and the count holds across instances and restarts of one.
 *
 * Two creates for one driver at the same moment (on one instance or two) each first put down a
 * placeholder, then count every other entry, placeholders included: both may be refused when only
 * one place is left, never both let through. A placeholder that is never confirmed (the instance
 * died mid-create) lapses after `PLACEHOLDER_MS`.
 */
import type { Redis } from 'ioredis';
import { refusal, type BoundRefusal } from './bounds.js';
import { REDIS_KEY_PREFIX } from './config.js';

/** Whether upstream still holds the booking request `requestId` as active. Throws when it cannot tell. */
export type ActiveCheck = (requestId: number) => Promise<boolean>;

export interface Reservation {
  /** The create succeeded upstream: remember `requestId` until the booking's `endAt`. */
  confirm(requestId: number, endAt: string): Promise<void>;
  /** The create failed or was refused upstream: give the place back. */
  release(): Promise<void>;
}

export interface ActiveBookings {
  /**
   * Holds a place for one create by `driver` (Ampeco's user id), or refuses with the 422 bound
   * when the driver already has the allowed number of active bookings. Rejects when upstream
   * cannot tell (the error of `isActive`); nothing is held then.
   */
  reserve(driver: string, isActive: ActiveCheck): Promise<Reservation | BoundRefusal>;
}

/** How long a place is held for a create that is under way. */
export const PLACEHOLDER_MS = 60_000;
const DAY_MS = 86_400_000;
const REQUEST = 'request:';
const PLACEHOLDER = 'pending-create:';

/** Entries per driver: field → expiry (epoch ms: a request's `endAt`, a placeholder's lapse). */
interface LedgerStore {
  entries(driver: string): Promise<Map<string, number>>;
  add(driver: string, field: string, expiresAt: number): Promise<void>;
  remove(driver: string, fields: readonly string[]): Promise<void>;
}

function memoryStore(now: () => number): LedgerStore {
  const drivers = new Map<string, Map<string, number>>();
  let writes = 0;
  const sweep = (): void => {
    for (const [driver, entries] of drivers) {
      for (const [field, expiresAt] of entries) if (expiresAt <= now()) entries.delete(field);
      if (entries.size === 0) drivers.delete(driver);
    }
  };
  return {
    entries: async (driver) => new Map(drivers.get(driver) ?? []),
    async add(driver, field, expiresAt) {
      // Drivers who never come back are forgotten once their bookings are over.
      writes += 1;
      if (writes % 1_000 === 0) sweep();
      const entries = drivers.get(driver) ?? new Map<string, number>();
      entries.set(field, expiresAt);
      drivers.set(driver, entries);
    },
    async remove(driver, fields) {
      const entries = drivers.get(driver);
      if (entries === undefined) return;
      for (const field of fields) entries.delete(field);
      if (entries.size === 0) drivers.delete(driver);
    },
  };
}

function redisStore(redis: Redis, now: () => number): LedgerStore {
  const key = (driver: string): string => `${REDIS_KEY_PREFIX}active-bookings:${driver}`;
  return {
    async entries(driver) {
      const raw = await redis.hgetall(key(driver));
      return new Map(Object.entries(raw).map(([field, value]) => [field, Number(value)]));
    },
    async add(driver, field, expiresAt) {
      // The hash lives a day past its last entry's expiry (GT: a write never shortens it).
      const ttl = Math.max(1, expiresAt - now()) + DAY_MS;
      await redis.multi().hset(key(driver), field, String(expiresAt)).pexpire(key(driver), ttl, 'GT').exec();
      // A new hash has no expiry, which GT treats as infinite: give it one.
      if ((await redis.pttl(key(driver))) === -1) await redis.pexpire(key(driver), ttl);
    },
    async remove(driver, fields) {
      if (fields.length > 0) await redis.hdel(key(driver), ...fields);
    },
  };
}

/** Counts the active entries other than `own`, forgetting those that are over. */
async function countOthers(
  store: LedgerStore,
  driver: string,
  own: string,
  isActive: ActiveCheck,
  now: number,
): Promise<number> {
  const entries = await store.entries(driver);
  const over: string[] = [];
  const checks: Array<Promise<boolean>> = [];
  const checked: string[] = [];
  for (const [field, expiresAt] of entries) {
    if (field === own) continue;
    if (!(expiresAt > now)) {
      over.push(field);
    } else if (field.startsWith(REQUEST)) {
      checked.push(field);
      checks.push(isActive(Number(field.slice(REQUEST.length))));
    } else {
      checks.push(Promise.resolve(true));
      checked.push(field);
    }
  }
  const active = await Promise.all(checks);
  checked.forEach((field, index) => {
    if (active[index] === false) over.push(field);
  });
  await store.remove(driver, over);
  return active.filter(Boolean).length;
}

/** The active-bookings bound: `limit` per driver (`null`: off), shared through `redis` when given. */
export function createActiveBookings(
  limit: number | null,
  redis: Redis | null,
  now: () => number = Date.now,
): ActiveBookings {
  const store = redis === null ? memoryStore(now) : redisStore(redis, now);
  const unlimited: Reservation = { confirm: async () => undefined, release: async () => undefined };

  return {
    async reserve(driver, isActive) {
      if (limit === null) return unlimited;
      const placeholder = `${PLACEHOLDER}${crypto.randomUUID()}`;
      await store.add(driver, placeholder, now() + PLACEHOLDER_MS);
      let active: number;
      try {
        active = await countOthers(store, driver, placeholder, isActive, now());
      } catch (error) {
        await store.remove(driver, [placeholder]);
        throw error;
      }
      if (active >= limit) {
        await store.remove(driver, [placeholder]);
        const bookings = limit === 1 ? 'an active booking' : `${limit} active bookings`;
        return refusal(
          'too-many-active-bookings',
          'email',
          `This driver already has ${bookings} made here; cancel one or wait until it is over.`,
        );
      }
      return {
        async confirm(requestId, endAt) {
          const until = Date.parse(endAt);
          await store.add(driver, `${REQUEST}${requestId}`, Number.isNaN(until) ? now() + DAY_MS : until);
          await store.remove(driver, [placeholder]);
        },
        release: () => store.remove(driver, [placeholder]),
      };
    },
  };
}

/** Reads one upstream resource: its parsed JSON body, `null` when upstream answers 404; throws otherwise. */
export type UpstreamRead = (path: string) => Promise<unknown>;

function dataOf(body: unknown): Record<string, unknown> | null {
  const data = (body as { data?: unknown } | null)?.data;
  return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
}

/** Booking statuses that still hold an EVSE (Ampeco: accepted, then reserved in its window). */
const ACTIVE_BOOKING_STATUSES = new Set(['accepted', 'reserved']);

/**
 * Upstream truth for the bound: a request is active while `pending`, or once `approved` while its
 * booking is accepted or reserved and not over. An approved request without `bookingId` counts
 * as active (it cannot be shown to be over).
 */
export function activeCheck(read: UpstreamRead, now: () => number = Date.now): ActiveCheck {
  return async (requestId) => {
    const request = dataOf(await read(`/resources/booking-requests/v1.0/${requestId}`));
    if (request === null || request['status'] === 'rejected') return false;
    if (request['status'] !== 'approved') return true;
    const bookingId = request['bookingId'];
    if (typeof bookingId !== 'number' && typeof bookingId !== 'string') return true;
    const booking = dataOf(await read(`/resources/bookings/v1.0/${encodeURIComponent(String(bookingId))}`));
    if (booking === null || !ACTIVE_BOOKING_STATUSES.has(String(booking['status']))) return false;
    const endAt = Date.parse(String(booking['endAt']));
    return Number.isNaN(endAt) || endAt > now();
  };
}

/** Tells a `Reservation` from a refusal. */
export function isReservation(value: Reservation | BoundRefusal): value is Reservation {
  return 'confirm' in value;
}
