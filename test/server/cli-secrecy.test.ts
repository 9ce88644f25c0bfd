/**
 * Token secrecy end to end: the real `ev-booking-proxy` command (bin → CLI → Node server →
 * handler → global fetch) against a local fake Ampeco. The token must reach upstream as
 * `Authorization: Bearer <token>` with `Accept: application/json`, and appear in no response
 * (body or header) and nowhere on stdout or stderr, including on errors and upstream faults.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const BIN = fileURLToPath(new URL('../../bin/ev-booking-proxy.js', import.meta.url));
const TOKEN = 'ampeco_tok_DISTINCTIVE_7f3a9c1e5b2d4f60';

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(AMPECO_|HOST$|PORT$|BASE_PATH$|ALLOWED_ORIGINS$|TRUST_PROXY$)/.test(name)) env[name] = value;
  }
  return { ...env, ...extra };
}

test('the token reaches upstream only: never a response, never stdout or stderr', async () => {
  const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders }> = [];
  const upstream = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    const auth = req.headers.authorization ?? '';
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const url = req.url ?? '';
    if (url.endsWith('/locations/v2.0/1')) return send(200, { data: { id: 1, debug: auth } }, { 'x-echo': auth });
    if (url.endsWith('/locations/v2.0/2'))
      return send(
        403,
        { message: `Token ${auth} is not valid`, errors: { token: [auth] } },
        { 'www-authenticate': auth },
      );
    if (url.endsWith('/locations/v2.0/3')) return req.socket.destroy();
    if (url.endsWith('/locations/v2.0/4')) {
      res.writeHead(500, { 'content-type': 'text/html' });
      return res.end(`<pre>${auth}</pre>`);
    }
    if (url.startsWith('/public-api/resources/users/v1.0'))
      return send(200, { data: [{ id: 5, email: 'driver@example.com', apiToken: auth }] });
    if (url.startsWith('/public-api/resources/charge-points/v2.0')) {
      return send(200, {
        data: [],
        links: { next: `http://127.0.0.1/public-api/resources/charge-points/v2.0?cursor=${TOKEN}` },
        meta: { path: auth },
      });
    }
    res.writeHead(302, { location: `http://evil.invalid/?t=${auth}` });
    return res.end();
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const upstreamPort = (upstream.address() as AddressInfo).port;

  const child = spawn(process.execPath, [BIN], {
    env: cleanEnv({
      AMPECO_API_URL: `http://127.0.0.1:${upstreamPort}/public-api`,
      AMPECO_API_TOKEN: TOKEN,
      CAPABILITY_SECRET: 'cli-secrecy-capability-secret-0123456789',
      PORT: '0',
      ALLOWED_ORIGINS: 'https://shop.example',
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);

  try {
    const base = await new Promise<string>((resolve, reject) => {
      const check = (): void => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/api\/ampeco)/.exec(stdout);
        if (match?.[1] !== undefined) resolve(match[1]);
      };
      child.stdout.on('data', check);
      child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
    });

    const requests: Array<readonly [string, RequestInit, number]> = [
      ['/resources/locations/v2.0/1', { headers: { origin: 'https://shop.example' } }, 200],
      ['/resources/locations/v2.0/2', {}, 403],
      ['/resources/locations/v2.0/3', {}, 502],
      ['/resources/locations/v2.0/4', {}, 500],
      ['/resources/locations/v2.0/5', {}, 502],
      ['/resources/users/v1.0?filter[email]=driver%40example.com', {}, 404],
      [
        '/resources/booking-requests/v1.0',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'create',
            email: 'driver@example.com',
            locationId: 1,
            // Tomorrow: a start in the past is refused before upstream is asked.
            startAt: new Date(Date.now() + 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
            endAt: new Date(Date.now() + 90_000_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          }),
        },
        502,
      ],
      ['/resources/charge-points/v2.0?filter[locationId]=1', {}, 200],
      [
        '/resources/booking-requests/v1.0',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":"delete"}' },
        422,
      ],
      ['/resources/users/v1.0?filter[email]=driver%40example.com&token=1', {}, 404],
      ['/resources/locations/v2.0/1%2f..', {}, 404],
      ['/resources/users/v1.0', { method: 'DELETE' }, 404],
      [
        '/resources/locations/v2.0/1',
        { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' } },
        403,
      ],
    ];
    for (const [path, init, expected] of requests) {
      const response = await fetch(`${base}${path}`, init);
      const text = await response.text();
      assert.equal(response.status, expected, `${path}: ${text}`);
      assert.ok(!text.includes(TOKEN), `token in the body of ${path}: ${text}`);
      for (const [name, value] of response.headers)
        assert.ok(!value.includes(TOKEN), `token in header ${name} of ${path}`);
      if (response.status >= 400)
        assert.equal(typeof (JSON.parse(text) as { message?: unknown }).message, 'string', path);
    }
    const health = await fetch(`${base.replace(/\/api\/ampeco$/, '')}/healthz`);
    assert.equal(health.status, 200);
  } finally {
    child.kill('SIGTERM');
    await exited;
    clearTimeout(killer);
    upstream.closeAllConnections();
    await new Promise((resolve) => upstream.close(resolve));
  }

  // Upstream got the token, as a Bearer token, with Accept: application/json, every time.
  // Locations 1–5, the driver look-up and the create (answered by a redirect), the charge points.
  assert.equal(seen.length, 8, JSON.stringify(seen.map((call) => call.url)));
  for (const call of seen) {
    assert.equal(call.headers.authorization, `Bearer ${TOKEN}`, call.url);
    assert.equal(call.headers.accept, 'application/json', call.url);
    assert.equal(call.headers.cookie, undefined);
  }
  // The process printed requests and warnings, but never the token (nor the email looked up).
  assert.match(stdout, /GET \/api\/ampeco\/resources\/locations\/v2\.0\/1 200/);
  assert.match(stderr, /upstream failed/);
  assert.ok(!stdout.includes(TOKEN), stdout);
  assert.ok(!stderr.includes(TOKEN), stderr);
  assert.ok(!`${stdout}${stderr}`.includes('driver@example.com'));
});
