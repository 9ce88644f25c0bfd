/**
 * Configuration (server/config.ts) and the `ev-booking-proxy` command (bin → server/cli.ts),
 * spawned as a real process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { TRUST_NOBODY } from '../../server/client-address.js';
import { ConfigError, parseConfig } from '../../server/config.js';
import { parseLimitsConfig } from '../../server/limits/config.js';
import { postCreate } from './contract-support.js';

const BIN = fileURLToPath(new URL('../../bin/ev-booking-proxy.js', import.meta.url));
const TOKEN = 'tok_SECRET_cli_0123456789';
const SECRET = 'capability-secret-for-the-cli-tests-0123456789';

describe('parseConfig', () => {
  test('defaults with AMPECO_SIMULATOR=1: simulator upstream, 127.0.0.1:8787, /api/ampeco, same origin only', () => {
    assert.deepEqual(parseConfig({ AMPECO_SIMULATOR: '1' }), {
      host: '127.0.0.1',
      port: 8787,
      basePath: '/api/ampeco',
      allowedOrigins: [],
      upstream: null,
      simulatorCapabilitySecret: null,
      trustProxy: TRUST_NOBODY,
      limits: parseLimitsConfig({}),
      portal: null,
      workers: 1,
    });
  });

  test('reads every variable', () => {
    const config = parseConfig({
      AMPECO_API_URL: ' https://Charge.White-Label.example:8443/public-api/ ',
      AMPECO_API_TOKEN: TOKEN,
      CAPABILITY_SECRET: SECRET,
      HOST: '0.0.0.0',
      PORT: '9000',
      BASE_PATH: '/ev/ampeco/',
      ALLOWED_ORIGINS: 'https://shop.example, http://localhost:5173,,HTTPS://Shop.Example:443',
      TRUST_PROXY: 'true',
    });
    assert.deepEqual(config, {
      host: '0.0.0.0',
      port: 9000,
      basePath: '/ev/ampeco',
      allowedOrigins: ['https://shop.example', 'http://localhost:5173'],
      upstream: { url: 'https://charge.white-label.example:8443/public-api', token: TOKEN, capabilitySecret: SECRET },
      simulatorCapabilitySecret: null,
      trustProxy: { kind: 'hops', hops: 1 },
      limits: parseLimitsConfig({}),
      portal: null,
      workers: 1,
    });
  });

  test('empty values count as unset; BASE_PATH "/" serves at the root', () => {
    const config = parseConfig({
      AMPECO_SIMULATOR: '1',
      AMPECO_API_URL: '',
      AMPECO_API_TOKEN: '  ',
      BASE_PATH: '/',
      PORT: '0',
      HOST: '::1',
    });
    assert.equal(config.upstream, null);
    assert.equal(config.basePath, '');
    assert.equal(config.port, 0);
    assert.equal(config.host, '::1');
  });

  const tenant = { AMPECO_API_URL: 'https://tenant.example/public-api', AMPECO_API_TOKEN: TOKEN };
  const errors: ReadonlyArray<readonly [Record<string, string>, RegExp]> = [
    [{}, /no upstream.*AMPECO_SIMULATOR=1/],
    [{ ...tenant, CAPABILITY_SECRET: SECRET, AMPECO_SIMULATOR: '1' }, /AMPECO_SIMULATOR=1 is set together/],
    [{ AMPECO_SIMULATOR: 'maybe' }, /AMPECO_SIMULATOR/],
    [tenant, /CAPABILITY_SECRET/],
    [{ ...tenant, CAPABILITY_SECRET: 'short-secret' }, /CAPABILITY_SECRET.*at least 32/],
    [
      { AMPECO_API_URL: 'http://tenant.example/public-api', AMPECO_API_TOKEN: TOKEN, CAPABILITY_SECRET: SECRET },
      /must use https/,
    ],
    [
      { AMPECO_API_URL: 'http://10.0.0.5/public-api', AMPECO_API_TOKEN: TOKEN, CAPABILITY_SECRET: SECRET },
      /must use https/,
    ],
    [{ AMPECO_API_URL: 'https://tenant.example/public-api' }, /AMPECO_API_TOKEN is not/],
    [{ AMPECO_API_TOKEN: TOKEN }, /AMPECO_API_URL is not/],
    [{ AMPECO_API_URL: 'tenant.example/public-api', AMPECO_API_TOKEN: TOKEN }, /not a valid absolute URL/],
    [{ AMPECO_API_URL: 'ftp://tenant.example/public-api', AMPECO_API_TOKEN: TOKEN }, /https or http/],
    [{ AMPECO_API_URL: 'javascript:alert(1)', AMPECO_API_TOKEN: TOKEN }, /https or http/],
    [{ AMPECO_API_URL: 'https://user:pass@tenant.example/public-api', AMPECO_API_TOKEN: TOKEN }, /credentials/],
    [{ AMPECO_API_URL: 'https://tenant.example/public-api?x=1', AMPECO_API_TOKEN: TOKEN }, /query/],
    [{ AMPECO_API_URL: 'https://tenant.example/public-api#x', AMPECO_API_TOKEN: TOKEN }, /fragment/],
    [{ AMPECO_API_URL: 'https://tenant.example/public-api', AMPECO_API_TOKEN: `${TOKEN} x` }, /spaces or control/],
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '65536' }, /PORT/],
    [{ PORT: '-1' }, /PORT/],
    [{ PORT: '80.5' }, /PORT/],
    [{ HOST: 'local host' }, /HOST/],
    [{ HOST: 'http://127.0.0.1' }, /HOST/],
    [{ HOST: '999.1.1.1' }, /HOST/],
    [{ HOST: '1.2.3' }, /HOST/],
    [{ BASE_PATH: 'api/ampeco' }, /BASE_PATH must start/],
    [{ BASE_PATH: '/api/../ampeco' }, /BASE_PATH/],
    [{ BASE_PATH: '/api//ampeco' }, /BASE_PATH/],
    [{ BASE_PATH: '/api/%2e' }, /BASE_PATH/],
    [{ ALLOWED_ORIGINS: '*' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'https://shop.example/path' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'https://shop.example/' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'shop.example' }, /ALLOWED_ORIGINS/],
    [{ ALLOWED_ORIGINS: 'file:///etc' }, /ALLOWED_ORIGINS/],
    [{ TRUST_PROXY: 'maybe' }, /TRUST_PROXY/],
  ];
  for (const [given, message] of errors) {
    // Cases about other variables run in simulator mode, so that the upstream is not what fails.
    const env =
      Object.keys(given).some((name) => name.startsWith('AMPECO_')) || Object.keys(given).length === 0
        ? given
        : { AMPECO_SIMULATOR: '1', ...given };
    test(`refuses ${JSON.stringify(env).replaceAll(TOKEN, '<token>')}`, () => {
      assert.throws(
        () => parseConfig(env),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, message);
          assert.ok(!error.message.includes('\n'), 'one line');
          assert.ok(!error.message.includes(TOKEN), 'never the token');
          assert.ok(!error.message.includes(SECRET), 'never the secret');
          return true;
        },
      );
    });
  }
});

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(AMPECO_|HOST$|PORT$|BASE_PATH$|ALLOWED_ORIGINS$|TRUST_PROXY$)/.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

/** Runs the bin until it exits, or until `until` sees its stdout (then it is stopped). */
function runBin(extra: Record<string, string>, until?: (stdout: string) => Promise<void>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN], { env: cleanEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let checking = false;
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (until !== undefined && !checking && stdout.includes('\n')) {
        checking = true;
        until(stdout).then(
          () => child.kill('SIGTERM'),
          (error: unknown) => {
            child.kill('SIGKILL');
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('ev-booking-proxy command', () => {
  for (const [name, env] of [
    ['a URL without a token', { AMPECO_API_URL: 'https://tenant.example/public-api' }],
    ['a token without a URL', { AMPECO_API_TOKEN: TOKEN }],
    ['a malformed URL', { AMPECO_API_URL: 'ftp://tenant.example', AMPECO_API_TOKEN: TOKEN }],
    ['no configuration at all (a production gateway never silently books in a simulator)', {}],
    [
      'a tenant together with AMPECO_SIMULATOR=1',
      { AMPECO_API_URL: 'https://tenant.example/public-api', AMPECO_API_TOKEN: TOKEN, AMPECO_SIMULATOR: '1' },
    ],
    [
      'a tenant without CAPABILITY_SECRET',
      { AMPECO_API_URL: 'https://tenant.example/public-api', AMPECO_API_TOKEN: TOKEN },
    ],
    [
      'a plain-http tenant',
      { AMPECO_API_URL: 'http://tenant.example/public-api', AMPECO_API_TOKEN: TOKEN, CAPABILITY_SECRET: SECRET },
    ],
    ['a bad port', { AMPECO_SIMULATOR: '1', PORT: '99999' }],
    ['a host that is not an address', { AMPECO_SIMULATOR: '1', HOST: '999.1.1.1' }],
    ['a host that is not on this machine', { AMPECO_SIMULATOR: '1', HOST: '192.0.2.1' }],
  ] as const) {
    test(`exits with code 2 and one line on ${name}`, async () => {
      const run = await runBin(env);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stdout, '');
      const lines = run.stderr.split('\n').filter((line) => line !== '');
      assert.equal(lines.length, 1, run.stderr);
      assert.match(lines[0] ?? '', /^ev-booking-proxy: \S/);
      assert.ok(!run.stderr.includes(TOKEN));
      assert.ok(!run.stderr.includes(SECRET));
    });
  }

  test('runs against the embedded simulator with AMPECO_SIMULATOR=1, booking as driver@example.com', async () => {
    let created: unknown;
    let userLookup = 0;
    const run = await runBin({ AMPECO_SIMULATOR: '1', PORT: '0' }, async (stdout) => {
      const match =
        /^ev-booking-proxy listening on (http:\/\/127\.0\.0\.1:\d+)\/api\/ampeco \(upstream: simulator\)$/m.exec(
          stdout,
        );
      assert.ok(match !== null, stdout);
      userLookup = (await fetch(`${match[1]}/api/ampeco/resources/users/v1.0?filter[email]=driver%40example.com`))
        .status;
      const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 30 * 3_600_000;
      const response = await postCreate(`${match[1]}/api/ampeco`, 22, start);
      assert.equal(response.status, 201);
      created = await response.json();
    });
    assert.equal(run.stderr, '');
    assert.equal(userLookup, 404, 'no user look-up on the public surface');
    const body = created as { data: { userId: number; status: string }; meta: { capability: string } };
    assert.equal(body.data.userId, 42);
    assert.equal(body.data.status, 'pending');
    assert.equal(typeof body.meta.capability, 'string');
  });

  test('prints its URL when ready and forwards with the token, which it never prints', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const upstream = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: { id: 7, name: [{ locale: 'en', translation: 'Depot' }] } }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamPort = (upstream.address() as AddressInfo).port;
    try {
      let health = 0;
      let location: unknown;
      const run = await runBin(
        {
          AMPECO_API_URL: `http://127.0.0.1:${upstreamPort}/public-api`,
          AMPECO_API_TOKEN: TOKEN,
          CAPABILITY_SECRET: SECRET,
          PORT: '0',
          BASE_PATH: '/ampeco',
        },
        async (stdout) => {
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\/ampeco \(upstream: 127\.0\.0\.1:\d+\)/.exec(stdout);
          assert.ok(match !== null, stdout);
          health = (await fetch(`${match[1]}/healthz`)).status;
          location = await (await fetch(`${match[1]}/ampeco/resources/locations/v2.0/7`)).json();
        },
      );
      assert.equal(health, 200);
      assert.deepEqual(location, { data: { id: 7, name: [{ locale: 'en', translation: 'Depot' }] } });
      assert.equal(seen.length, 1);
      assert.equal(seen[0]?.authorization, `Bearer ${TOKEN}`);
      assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN), 'the token is never printed');
      assert.match(run.stdout, /GET \/ampeco\/resources\/locations\/v2\.0\/7 200/);
    } finally {
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });
});
