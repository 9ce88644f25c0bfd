/**
 * A real `redis-server` for the scale-out tests: started on a free loopback port with nothing
 * persisted, stopped by its own pid. `.ci/run` installs Debian's `redis-server` when it is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, beforeEach } from 'node:test';
import type { Redis } from 'ioredis';
import { connectRedis } from '../../server/limits/redis.js';

export interface RedisProcess {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const REDIS_SERVER = process.env['REDIS_SERVER'] ?? 'redis-server';

async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return port;
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)));
  });
}

/**
 * Starts `redis-server` on a free loopback port; resolves once it accepts connections.
 * `extraArgs` are more server options (e.g. `['--requirepass', 'secret']`).
 */
export async function startRedis(extraArgs: readonly string[] = []): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn(
    REDIS_SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'notice',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  await waitUntilReady(child);
  const pid = child.pid;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    async stop(): Promise<void> {
      if (pid === undefined || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(pid, 'SIGTERM');
      await exited;
    },
  };
}

/**
 * One `redis-server` for the tests of a file (or of a `describe`, where it is called): started
 * before them with `count` connections to it (one per gateway instance), emptied before each test,
 * stopped after them (after the `after` hooks registered before this call).
 */
export function redisForTests(count: number): { connections: Redis[]; server: () => RedisProcess } {
  let redis: RedisProcess | undefined;
  const connections: Redis[] = [];
  before(async () => {
    redis = await startRedis();
    for (let i = 0; i < count; i += 1) connections.push(await connectRedis(redis.url));
  });
  beforeEach(async () => {
    await connections[0]?.flushdb();
  });
  after(async () => {
    for (const connection of connections) connection.disconnect();
    await redis?.stop();
  });
  return {
    connections,
    server: () => {
      if (!redis) throw new Error('redis-server is not started yet');
      return redis;
    },
  };
}
