/**
 * REDIS_URL checked at start against a real `redis-server`: a database the server does not have,
 * or a wrong password, is a configuration error with its real cause (exit 2, one line), never a
 * gateway that silently uses database 0 or reads "Connection is closed.".
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ConfigError } from '../../server/config-error.js';
import { connectRedis } from '../../server/limits/redis.js';
import { startRedis, type RedisProcess } from './redis.js';

const BIN = fileURLToPath(new URL('../../bin/ev-booking-proxy.js', import.meta.url));

let plain: RedisProcess;
let guarded: RedisProcess;

before(async () => {
  plain = await startRedis();
  guarded = await startRedis(['--requirepass', 'the-right-password']);
});

after(async () => {
  await plain.stop();
  await guarded.stop();
});

const isConfigError =
  (reason: RegExp) =>
  (error: unknown): boolean =>
    error instanceof ConfigError &&
    reason.test(error.message) &&
    !error.message.includes('\n') &&
    !error.message.includes('Connection is closed') &&
    !error.message.includes('wrong-password');

describe('connectRedis checks the whole REDIS_URL before the gateway starts', () => {
  test("a database number the server does not have is refused, with Redis's own reason", async () => {
    await assert.rejects(connectRedis(`${plain.url}/99`), isConfigError(/^REDIS_URL: .*DB index is out of range/i));
  });

  test('a wrong password is refused as such, not as a closed connection', async () => {
    const url = `redis://:wrong-password@127.0.0.1:${guarded.port}`;
    await assert.rejects(connectRedis(url), isConfigError(/^REDIS_URL: .*(WRONGPASS|invalid|password)/i));
  });

  test('a database that exists is used: keys land in it, not in database 0', async () => {
    const chosen = await connectRedis(`${plain.url}/3`);
    const zero = await connectRedis(`${plain.url}/0`);
    try {
      await chosen.set('gwfix-db-probe', '1');
      assert.equal(await zero.get('gwfix-db-probe'), null);
      assert.equal(await chosen.get('gwfix-db-probe'), '1');
    } finally {
      chosen.disconnect();
      zero.disconnect();
    }
  });
});

describe('ev-booking-proxy with REDIS_URL naming a missing database', () => {
  test('exits 2 with a one-line reason and never listens', async () => {
    const child = spawn(process.execPath, [BIN], {
      env: { PATH: process.env['PATH'] ?? '', AMPECO_SIMULATOR: '1', PORT: '0', REDIS_URL: `${plain.url}/99` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^ev-booking-proxy: REDIS_URL: .*DB index is out of range.*\n$/i);
  });
});
