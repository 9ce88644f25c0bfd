/**
 * SPEC §9 read line by line against the gateway on a loopback port (and its command): the promises
 * to an operator no other test held it to. The attacker's side: gateway-contract-attacks.test.ts.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { after, describe, test } from 'node:test';
import { ConfigError, parseConfig } from '../../server/config.js';
import type { ProxyLogEntry } from '../../server/types.js';
import { API, postCreate, rawRequest } from './contract-support.js';
import { booking, closeGateways, create, gateway, simulatedUpstream } from './external-id-support.js';

const BIN = fileURLToPath(new URL('../../bin/ev-booking-proxy.js', import.meta.url));

after(closeGateways);

describe('CAPABILITY_SECRET in simulator mode', () => {
  const SECRET = 'an-operator-chosen-capability-secret-0123456789';

  test('when set, it signs the capabilities (HMAC-SHA-256 of the payload), not a random one', async () => {
    const child = spawn(process.execPath, [BIN], {
      env: { PATH: process.env['PATH'], AMPECO_SIMULATOR: '1', PORT: '0', CAPABILITY_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const closed = new Promise((resolve) => child.on('close', resolve));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
          stdout += chunk;
          const match = /listening on (http:\/\/\S+)/.exec(stdout);
          if (match?.[1] !== undefined) resolve(match[1]);
        });
        child.on('close', () => reject(new Error('the gateway exited early')));
      });
      const response = await postCreate(base, 11, Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 26 * 3_600_000);
      assert.equal(response.status, 201);
      const { meta } = (await response.json()) as { meta: { capability: string } };
      const [payload = '', signature = ''] = meta.capability.split('.');
      const expected = createHmac('sha256', SECRET).update(Buffer.from(payload, 'base64url')).digest('base64url');
      assert.equal(signature, expected);
    } finally {
      child.kill('SIGTERM');
      await closed;
    }
  });

  test('when set shorter than 32 characters, the command stops with one line and exit code 2', async () => {
    assert.throws(
      () => parseConfig({ AMPECO_SIMULATOR: '1', CAPABILITY_SECRET: 'too-short' }),
      (error: unknown) => error instanceof ConfigError && /CAPABILITY_SECRET.*32/.test(error.message),
    );
    const child = spawn(process.execPath, [BIN], {
      env: { PATH: process.env['PATH'], AMPECO_SIMULATOR: '1', PORT: '0', CAPABILITY_SECRET: 'too-short' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    assert.equal(code, 2);
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /CAPABILITY_SECRET/);
    assert.ok(!stderr.includes('too-short'), 'never the secret');
  });
});

describe('HTTP caching of the answers', () => {
  test('location, charge points and EVSEs are public with a short max-age; everything else is no-store', async () => {
    const server = await gateway(simulatedUpstream());
    const maxAge = async (path: string, init?: RequestInit): Promise<string | null> =>
      (await fetch(`${server.url}${API}${path}`, init)).headers.get('cache-control');
    for (const path of [
      '/resources/locations/v2.0/7',
      '/resources/charge-points/v2.0?filter%5BlocationId%5D=7',
      '/resources/charge-points/v2.0/101/evses?include%5B%5D=connectors',
    ]) {
      const header = (await maxAge(path)) ?? '';
      assert.match(header, /^public, max-age=(\d+)$/, path);
      const seconds = Number(/max-age=(\d+)/.exec(header)?.[1]);
      assert.ok(seconds > 0 && seconds <= 300, `${path}: ${header}`);
    }
    const made = await create(server, booking());
    assert.equal(made.status, 201);
    const { data, meta } = made.body as { data: { id: number }; meta: { capability: string } };
    const capability = { 'x-booking-capability': meta.capability };
    assert.equal(await maxAge(`/resources/booking-requests/v1.0/${data.id}`, { headers: capability }), 'no-store');
    assert.equal(await maxAge('/resources/locations/v2.0/999'), 'no-store');
    assert.equal(await maxAge('/resources/users/v1.0'), 'no-store');
    const availability = await maxAge('/actions/locations/v2.0/7/check-booking-availability', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startAfter: '2026-03-02T00:00:00Z', endBefore: '2026-03-03T00:00:00Z' }),
    });
    assert.equal(availability, 'no-store');
  });
});

describe('compression', () => {
  test('any JSON answer is compressed when the client accepts it, small ones too; Vary says so either way', async () => {
    const server = await gateway(simulatedUpstream());
    const url = `${server.url}${API}/resources/charge-points/v2.0?filter%5BlocationId%5D=7`;
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const text = await plain.text();
    assert.equal(plain.headers.get('content-encoding'), null);
    assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);
    for (const accepted of ['gzip', '*']) {
      const raw = await rawRequest(
        server.url,
        `GET ${new URL(url).pathname}${new URL(url).search} HTTP/1.1\r\nHost: x\r\nAccept-Encoding: ${accepted}\r\nConnection: close\r\n\r\n`,
      );
      assert.match(raw, /\r\ncontent-encoding: gzip\r\n/i, accepted);
      const body = Buffer.from(raw.slice(raw.indexOf('\r\n\r\n') + 4), 'latin1');
      assert.equal(gunzipSync(body).toString('utf8'), text);
    }
  });
});

describe('security headers', () => {
  test('every answer forbids sniffing, framing, any active content and referrers', async () => {
    const server = await gateway(simulatedUpstream());
    for (const path of [`${API}/resources/locations/v2.0/7`, `${API}/nothing-here`, '/healthz']) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('content-security-policy'), "default-src 'none'; frame-ancestors 'none'");
      assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
    }
  });
});

describe('CORS refusals in the log', () => {
  test('a flood of made-up origins does not silence the refusal of the origin the operator forgot', async () => {
    const logs: ProxyLogEntry[] = [];
    const server = await gateway(simulatedUpstream(), null, {
      allowedOrigins: ['https://shop.example'],
      log: (entry) => logs.push(entry),
    });
    const preflight = (origin: string): Promise<Response> =>
      fetch(`${server.url}${API}/resources/locations/v2.0/7`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      });
    for (let index = 0; index < 150; index += 1) await preflight(`https://junk-${index}.example`);
    assert.equal((await preflight('https://blog.example')).status, 403);
    const refusals = logs.filter((entry) => entry.message === 'CORS refused');
    assert.ok(
      refusals.some((entry) => /https:\/\/blog\.example.*ALLOWED_ORIGINS/.test(entry.detail ?? '')),
      'the refusal of https://blog.example is logged',
    );
  });
});
