/**
 * The gateway as an operator starts it and an attacker meets it: the real `ev-booking-proxy`
 * command (bin → CLI → Node server) against a loopback fake Ampeco, probed over HTTP. Each test
 * here is a weakness the black-box probe of SPEC §9 found.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { createProxy } from '../../server/proxy.js';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

const BIN = fileURLToPath(new URL('../../bin/ev-booking-proxy.js', import.meta.url));
const TOKEN = 'ampeco_tok_ACCEPTANCE_5c1d9e7a3b';

/** The fake Ampeco: the location id in the path picks what it answers. */
const answers: Record<string, (res: ServerResponse) => void> = {
  '1': (res) => send(res, 200, { data: { id: 1, name: [{ locale: 'en', translation: 'Garage' }], timezone: 'UTC' } }),
  // What a PHP tenant's exception page says in JSON: the database host, the query, a trace.
  '2': (res) =>
    send(res, 500, {
      message: 'SQLSTATE[08006] could not connect to db-7.internal.ampeco.tech:5432 (select * from users)',
      exception: 'PDOException',
      trace: ['/var/www/app/Http/Controllers/LocationController.php:42'],
      errors: { database: ['db-7.internal.ampeco.tech refused the connection'] },
    }),
  '3': (res) => send(res, 503, { message: 'Maintenance on k8s node eu-west-1a-7, back at 04:00' }),
  // The gateway's token expired or was revoked.
  '4': (res) => send(res, 401, { message: 'Unauthenticated.' }),
};

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

interface RunningGateway {
  readonly base: string;
  /** What the command wrote on stdout and stderr so far. */
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(AMPECO_|HOST$|PORT$|BASE_PATH$|ALLOWED_ORIGINS$|TRUST_PROXY$|REDIS_URL$|WORKERS$)/.test(name)) {
      env[name] = value;
    }
  }
  return { ...env, ...extra };
}

/** `ev-booking-proxy` with `env` on a free port; resolves once it prints where it listens. */
async function startGateway(env: Record<string, string>): Promise<RunningGateway> {
  const child: ChildProcess = spawn(process.execPath, [BIN], {
    env: cleanEnv({ ...env, PORT: '0' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = new Promise((resolve) => child.on('close', resolve));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/api\/ampeco)/.exec(stdout);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('close', () => reject(new Error(`the gateway exited early: ${stderr}`)));
  });
  return {
    base,
    stdout: () => stdout,
    stderr: () => stderr,
    stop: async () => {
      child.kill('SIGTERM');
      await closed;
    },
  };
}

let upstream: Server;
let gateway: RunningGateway;
let base = '';

before(async () => {
  upstream = createServer((req: IncomingMessage, res: ServerResponse) => {
    const id = /\/locations\/v2\.0\/(\d+)$/.exec(req.url ?? '')?.[1] ?? '';
    (answers[id] ?? ((answer: ServerResponse) => send(answer, 404, { message: 'Not found' })))(res);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const upstreamPort = (upstream.address() as AddressInfo).port;
  gateway = await startGateway({
    AMPECO_API_URL: `http://127.0.0.1:${upstreamPort}/public-api`,
    AMPECO_API_TOKEN: TOKEN,
    CAPABILITY_SECRET: 'acceptance-capability-secret-0123456789',
  });
  base = gateway.base;
});

after(async () => {
  await gateway.stop();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

test('an upstream 5xx keeps its status, but none of its body reaches the client', async () => {
  for (const [id, status] of [
    ['2', 500],
    ['3', 503],
  ] as const) {
    const response = await fetch(`${base}/resources/locations/v2.0/${id}`);
    assert.equal(response.status, status);
    assert.deepEqual(await response.json(), { message: `The Ampeco API answered ${status}.` });
  }
  const fine = await fetch(`${base}/resources/locations/v2.0/1`);
  assert.equal(fine.status, 200);
});

test('upstream refusing the gateway’s token: 502 for the client (its own 401 is the portal sign-in), a warning for the operator', async () => {
  const response = await fetch(`${base}/resources/locations/v2.0/4`);
  assert.equal(response.status, 502);
  assert.equal(response.headers.get('www-authenticate'), null);
  assert.deepEqual(await response.json(), { message: 'The Ampeco API refused the gateway’s credentials.' });
  // stderr is written as each warning comes: wait for the line, however busy the machine.
  const giveUpAt = Date.now() + 10_000;
  while (!gateway.stderr().includes('upstream refused the token') && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  assert.match(gateway.stderr(), /warn: upstream refused the token \(location\): status 401; check AMPECO_API_TOKEN/);
  assert.ok(!gateway.stderr().includes(TOKEN));
});

/** Waits until `read()` holds `text` (the command writes its log in batches), for at most 10 s. */
async function waitFor(read: () => string, text: string): Promise<string> {
  const giveUpAt = Date.now() + 10_000;
  while (!read().includes(text) && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 10));
  return read();
}

/** The status code of one request sent as raw bytes (a `fetch` would clean the target first). */
function rawStatus(url: string, requestLine: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0)));
    socket.write(`${requestLine}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
  });
}

test('requests refused before any route (dot segments, encodings, HEAD, TRACE) are in the request log too', async () => {
  const refused = [
    'GET /api/ampeco/resources/locations/v2.0/8/../7',
    'GET /api/ampeco/resources/users%2fv1.0?filter[email]=driver@example.com',
    'HEAD /api/ampeco/resources/locations/v2.0/1',
    'TRACE /api/ampeco/resources/locations/v2.0/1',
  ];
  for (const line of refused) assert.equal(await rawStatus(base, `${line} HTTP/1.1`), 404, line);
  const logged = await waitFor(() => gateway.stdout(), 'TRACE /api/ampeco');
  for (const line of refused) assert.ok(logged.includes(`${line.split('?')[0]} 404 `), `${line} in ${logged}`);
  assert.ok(!logged.includes('driver@example.com'), 'never the query');
});

test('on an edge runtime too, a refused path is logged still percent-encoded: an encoded newline forges no line', async () => {
  const lines: string[] = [];
  const proxy = createProxy({
    upstreamUrl: 'https://tenant.example/public-api',
    token: TOKEN,
    limits: false,
    upstreamFetch: async () => Response.json({ data: {} }),
    log: (entry) => lines.push(`${entry.method ?? ''} ${entry.path ?? ''} ${entry.status ?? ''}`),
  });
  const response = await proxy(
    new Request('http://proxy.test/api/ampeco/resources/locations/v2.0/7%0AGET%20/api/ampeco/forged%20200'),
  );
  assert.equal(response.status, 404);
  assert.deepEqual(lines, ['GET /api/ampeco/resources/locations/v2.0/7%0AGET%20/api/ampeco/forged%20200 404']);
});

describe('as `npm start` runs it (the simulator)', () => {
  let simulated: RunningGateway;
  before(async () => {
    simulated = await startGateway({ AMPECO_SIMULATOR: '1' });
  });
  after(() => simulated.stop());

  /** A raw answer (no decoding by the client) to a request that accepts `encoding`. */
  async function rawAnswer(path: string, encoding: string, init: RequestInit = {}) {
    const { request } = await import('node:http');
    return new Promise<{ encoding: string | undefined; bytes: Buffer }>((resolve, reject) => {
      const url = new URL(`${simulated.base}${path}`);
      const outgoing = request(
        url,
        { method: init.method ?? 'GET', headers: { 'accept-encoding': encoding, 'content-type': 'application/json' } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ encoding: response.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
          );
        },
      );
      outgoing.on('error', reject);
      outgoing.end(typeof init.body === 'string' ? init.body : undefined);
    });
  }

  test('JSON is compressed when the client accepts it: a week of availability, a location', async () => {
    const day = 86_400_000;
    const from = Math.floor(Date.now() / day) * day + day;
    const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
    const week = JSON.stringify({ startAfter: iso(from), endBefore: iso(from + 7 * day) });
    const availability = await rawAnswer('/actions/locations/v2.0/7/check-booking-availability', 'gzip', {
      method: 'POST',
      body: week,
    });
    assert.equal(availability.encoding, 'gzip');
    assert.ok(Array.isArray((JSON.parse(gunzipSync(availability.bytes).toString()) as { data: unknown }).data));
    const location = await rawAnswer('/resources/locations/v2.0/7', 'br, gzip');
    assert.equal(location.encoding, 'br');
    assert.equal((JSON.parse(brotliDecompressSync(location.bytes).toString()) as { data: { id: number } }).data.id, 7);
    const plain = await rawAnswer('/resources/locations/v2.0/7', 'identity');
    assert.equal(plain.encoding, undefined);
  });
});
