/**
 * The Redis connection that shares the limits across instances (`REDIS_URL`). Reached once at
 * start: an unreachable Redis is a configuration error (exit 2), not a proxy that silently limits
 * per process. Afterwards commands fail fast while the connection is down (no offline queue), so a
 * Redis outage never stalls a request; ioredis reconnects in the background.
 */
import { Redis } from 'ioredis';
import { ConfigError } from '../config-error.js';

export interface RedisConnectOptions {
  /** How long the first connection may take, in ms. Default 3 000. */
  readonly connectTimeoutMs?: number;
  /** Told about connection problems after start (the first of each outage). */
  readonly onError?: (message: string) => void;
}

function hostOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port === '' ? '6379' : parsed.port}`;
}

/** The database number a `redis://…/n` URL names (0 when none), and the URL without it. */
function splitDatabase(url: string): { readonly base: string; readonly database: number } {
  const parsed = new URL(url);
  const path = parsed.pathname.replace(/^\/+/, '');
  parsed.pathname = '';
  return { base: parsed.toString(), database: path === '' ? 0 : Number(path) };
}

const firstLine = (error: unknown): string =>
  error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);

/**
 * Connects to `url`, selects its database and checks the server answers, each awaited; throws
 * `ConfigError` with a one-line reason (Redis's own: a wrong password, a database it does not
 * have) that names the host and port but never the password.
 */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<Redis> {
  let started = false;
  let reported = false;
  let firstError: unknown = null;
  // The database is selected below, awaited, rather than by ioredis's handshake, which only emits
  // its failure and goes on in database 0.
  const { base, database } = splitDatabase(url);
  const client = new Redis(base, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 3_000,
    // Before the first connection: give up at once (the caller exits 2). After: keep trying.
    retryStrategy: (attempt) => (started ? Math.min(attempt * 200, 2_000) : null),
  });
  client.on('error', (error: Error) => {
    if (!started) {
      firstError ??= error;
      return;
    }
    if (reported) return;
    reported = true;
    options.onError?.(`Redis at ${hostOf(url)} failed: ${error.message.split('\n')[0] ?? ''}`);
  });
  client.on('ready', () => {
    reported = false;
  });
  try {
    await client.connect();
    if (database !== 0) await client.select(database);
    await client.ping();
  } catch (error) {
    client.disconnect();
    // "Connection is closed." hides the cause (a refused AUTH, say) that the handshake emitted first.
    const reason = firstLine(firstError ?? error);
    throw new ConfigError(`REDIS_URL: cannot reach Redis at ${hostOf(url)} (${reason})`);
  }
  started = true;
  return client;
}
