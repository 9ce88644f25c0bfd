/**
 * `WORKERS=N` (server/workers.ts): the gateway as N processes on one port, one per core. Refused
 * where the workers could not share their state (the simulator; limits without `REDIS_URL`,
 * which would give N times the limits); with a real `redis-server`, two workers hold one limit.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { ConfigError, parseConfig } from '../../server/config.js';
import { startRedis, type RedisProcess } from './redis.js';

const BIN = fileURLToPath(new URL('../../bin/ev-booking-proxy.js', import.meta.url));
const SECRET = 'capability-secret-for-the-worker-tests-0123456789';
const TENANT = { AMPECO_API_URL: 'http://127.0.0.1:9/public-api', AMPECO_API_TOKEN: 'tok_workers_0123456789' };
const LOOKUP =
  '/api/ampeco/resources/booking-requests/v1.0?filter%5BexternalId%5D=0b9c7d1e-5f3a-4c2b-9e8d-7a6b5c4d3e2f';

describe('WORKERS', () => {
  test('defaults to 1; takes 1 to 64 with a tenant and REDIS_URL', () => {
    assert.equal(parseConfig({ AMPECO_SIMULATOR: '1' }).workers, 1);
    const env = { ...TENANT, CAPABILITY_SECRET: SECRET, REDIS_URL: 'redis://127.0.0.1:6379' };
    assert.equal(parseConfig({ ...env, WORKERS: '2' }).workers, 2);
    assert.equal(parseConfig({ ...env, WORKERS: '64' }).workers, 64);
    for (const bad of ['0', '65', 'two', '-1', '1.5']) {
      assert.throws(() => parseConfig({ ...env, WORKERS: bad }), /WORKERS must be an integer from 1 to 64/);
    }
  });

  test('more than one is refused without REDIS_URL (each worker would keep its own limits)', () => {
    assert.throws(
      () => parseConfig({ ...TENANT, CAPABILITY_SECRET: SECRET, WORKERS: '2' }),
      (error: unknown) => error instanceof ConfigError && /needs REDIS_URL/.test(error.message),
    );
  });

  test('more than one is refused with the simulator (its bookings live in one process)', () => {
    assert.throws(
      () => parseConfig({ AMPECO_SIMULATOR: '1', REDIS_URL: 'redis://127.0.0.1:6379', WORKERS: '2' }),
      /needs a real tenant/,
    );
  });
});

describe('two workers on one real Redis', () => {
  let redis: RedisProcess;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis.stop();
  });

  // A bounded wait: workers that never start (e.g. a stale dist/server/cli.js without WORKERS) fail
  // the test instead of hanging the whole run.
  test('serve one port and hold one read limit between them', { timeout: 60_000 }, async () => {
    // Each worker has its own keep-alive connection upstream: two connections, two workers answering.
    const upstreamConnections = new Set<number | undefined>();
    const upstream = createServer((req, res) => {
      upstreamConnections.add(req.socket.remotePort);
      req.resume();
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [], links: { next: null }, meta: {} }));
    });
    upstream.listen(0, '127.0.0.1');
    await once(upstream, 'listening');
    const upstreamPort = (upstream.address() as AddressInfo).port;
    const child = spawn(process.execPath, [BIN], {
      env: {
        PATH: process.env['PATH'] ?? '',
        AMPECO_API_URL: `http://127.0.0.1:${upstreamPort}/public-api`,
        AMPECO_API_TOKEN: TENANT.AMPECO_API_TOKEN,
        CAPABILITY_SECRET: SECRET,
        REDIS_URL: redis.url,
        READS_PER_MINUTE: '5',
        WORKERS: '2',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      while (!stdout.includes('2 workers listening')) {
        assert.equal(child.exitCode, null, 'the workers stopped');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1];
      assert.ok(port !== undefined, stdout);
      // A new connection per request: the primary hands connections to the workers in turn.
      const statuses: number[] = [];
      for (let index = 0; index < 12; index += 1) {
        statuses.push(await get(`http://127.0.0.1:${port}${LOOKUP}`));
      }
      assert.equal(
        statuses.filter((status) => status === 200).length,
        5,
        `one budget of 5 reads for both workers: ${statuses.join(' ')}`,
      );
      assert.ok(
        statuses.slice(5).every((status) => status === 429),
        statuses.join(' '),
      );
      assert.equal(new Set(stdout.match(/listening on http:\/\/127\.0\.0\.1:\d+/g)).size, 1, 'one port');
      assert.equal(upstreamConnections.size, 2, 'both workers answered');
    } finally {
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      upstream.close();
    }
  });
});

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent: false, headers: { connection: 'close' } }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
