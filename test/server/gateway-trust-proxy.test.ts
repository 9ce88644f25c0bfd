/**
 * The Node server's client address with `TRUST_PROXY` (issue 13: behind nginx without it, every
 * visitor shared one bucket; with it, all or nothing), and the command's start with the limits'
 * variables (one-line reasons, exit code 2, an unreachable `REDIS_URL`).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseTrustProxy, type TrustProxy } from '../../server/client-address.js';
import { main } from '../../server/cli.js';
import { startProxyServer, type ProxyServer } from '../../server/node-server.js';
import { testLimits } from './limits-support.js';
import { startRedis, type RedisProcess } from './redis.js';

async function readsFrom(server: ProxyServer, forwardedFor: readonly string[]): Promise<number[]> {
  const statuses: number[] = [];
  for (const address of forwardedFor) {
    const response = await fetch(`${server.url}/api/ampeco/resources/locations/v2.0/7`, {
      headers: { 'x-forwarded-for': address },
    });
    statuses.push(response.status);
    await response.arrayBuffer();
  }
  return statuses;
}

function start(trustProxy: TrustProxy): Promise<ProxyServer> {
  return startProxyServer({
    host: '127.0.0.1',
    port: 0,
    upstreamUrl: 'https://tenant.example/public-api',
    token: 'tok_trust_proxy_test',
    trustProxy,
    limits: testLimits({ READS_PER_MINUTE: '2' }),
    upstreamFetch: async () => Response.json({ data: { id: 7, name: 'Station' } }),
  });
}

describe('TRUST_PROXY on the Node server', () => {
  test('nginx on loopback trusted by CIDR: each visitor has its own bucket', async () => {
    const server = await start(parseTrustProxy('127.0.0.1/32,::1'));
    try {
      assert.deepEqual(await readsFrom(server, ['198.51.100.1', '198.51.100.1', '198.51.100.1']), [200, 200, 429]);
      assert.deepEqual(await readsFrom(server, ['198.51.100.2']), [200], 'another visitor is not locked out');
    } finally {
      await server.close();
    }
  });

  test('a client that prepends forged entries stays in its own bucket', async () => {
    const server = await start(parseTrustProxy('1'));
    try {
      const forged = ['10.0.0.1, 198.51.100.7', '10.0.0.2, 198.51.100.7', '10.0.0.3, 198.51.100.7'];
      assert.deepEqual(await readsFrom(server, forged), [200, 200, 429]);
    } finally {
      await server.close();
    }
  });

  test('a peer outside the trusted networks is the client: its X-Forwarded-For changes nothing', async () => {
    const server = await start(parseTrustProxy('10.0.0.0/8'));
    try {
      assert.deepEqual(await readsFrom(server, ['198.51.100.1', '198.51.100.2', '198.51.100.3']), [200, 200, 429]);
    } finally {
      await server.close();
    }
  });
});

describe('the command with the limits’ variables', () => {
  let redis: RedisProcess;
  before(async () => {
    redis = await startRedis();
  });
  after(async () => {
    await redis.stop();
  });

  async function run(
    env: Record<string, string>,
  ): Promise<{ server: ProxyServer | null; out: string[]; err: string[]; code: number | undefined }> {
    const out: string[] = [];
    const err: string[] = [];
    const before = process.exitCode;
    try {
      const server = await main({
        env: { AMPECO_SIMULATOR: '1', PORT: '0', ...env },
        stdout: (line) => out.push(line),
        stderr: (line) => err.push(line),
      });
      return { server, out, err, code: process.exitCode === before ? undefined : Number(process.exitCode) };
    } finally {
      process.exitCode = before;
    }
  }

  const refused: ReadonlyArray<readonly [Record<string, string>, RegExp]> = [
    [{ CREATES_PER_HOUR: 'ten' }, /^ev-booking-proxy: CREATES_PER_HOUR must be an integer/],
    [{ TRUST_PROXY: '10.0.0.0/40' }, /^ev-booking-proxy: TRUST_PROXY must be/],
    [{ AUTH_JWKS_URL: 'https://login.example/jwks' }, /^ev-booking-proxy: portal mode needs/],
    [
      { REDIS_URL: 'redis://:pw-not-shown@127.0.0.1:1' },
      /^ev-booking-proxy: REDIS_URL: cannot reach Redis at 127\.0\.0\.1:1 /,
    ],
  ];
  for (const [env, reason] of refused) {
    test(`${Object.keys(env).join(', ')} malformed or unreachable: one line, exit code 2`, async () => {
      const result = await run(env);
      assert.equal(result.server, null);
      assert.equal(result.code, 2);
      assert.equal(result.err.length, 1);
      assert.match(result.err[0] ?? '', reason);
      assert.ok(!(result.err[0] ?? '').includes('pw-not-shown'));
    });
  }

  test('with a reachable REDIS_URL it starts, and closes its Redis connection on stop', async () => {
    const result = await run({ REDIS_URL: redis.url });
    assert.ok(result.server !== null, result.err.join('\n'));
    try {
      assert.match(result.out.join('\n'), /listening on http:\/\/127\.0\.0\.1:\d+\/api\/ampeco/);
    } finally {
      await result.server.close();
    }
  });
});
