/**
 * The limits of the Node command: connects to `REDIS_URL` first when it is set (ioredis, Node's
 * sockets), then builds them with `limitsOver`. Apart from server/limits/index.ts so that the
 * gateway's own module graph, which edge runtimes load (server/web.ts), never reaches ioredis.
 */
import type { Redis } from 'ioredis';
import type { LimitsConfig } from './config.js';
import { limitsOver, type Limits } from './index.js';

export interface LimitsOptions {
  /** Told about Redis problems after start. */
  readonly onError?: (message: string) => void;
  readonly now?: () => number;
}

/**
 * Builds the limits of `config`, connecting to `REDIS_URL` first when it is set. Rejects with
 * `ConfigError` when Redis cannot be reached (the CLI exits 2).
 */
export async function createLimits(config: LimitsConfig, options: LimitsOptions = {}): Promise<Limits> {
  let redis: Redis | null = null;
  if (config.redisUrl !== null) {
    // Loaded only with REDIS_URL: a gateway without it never loads ioredis.
    const { connectRedis } = await import('./redis.js');
    redis = await connectRedis(config.redisUrl, options.onError === undefined ? {} : { onError: options.onError });
  }
  return limitsOver(config, redis, options.now);
}
