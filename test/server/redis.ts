/**
 * A real `redis-server` for the scale-out tests: started on a free loopback port with nothing
 * persisted, stopped by its own pid. `.ci/run` installs Debian's `redis-server` when it is missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';

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
