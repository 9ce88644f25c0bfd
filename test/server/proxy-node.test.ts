/**
 * The proxy on the real Node server over loopback (random port): raw request targets sent
 * through `net`, bodies, limits, client IPs, and that bad input never brings it down.
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startProxyServer, type ProxyServer } from '../../server/node-server.js';
import type { ProxyLogEntry } from '../../server/proxy.js';
import { minimalBooking } from './support.js';
import { testLimits } from './limits-support.js';

const TOKEN = 'tok_SECRET_node_0123456789';

/** Sends `raw` bytes on a fresh connection and resolves with everything the server answers. */
function rawRequest(url: string, raw: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(raw));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', (error) => (answer === '' ? reject(error) : resolve(answer)));
    socket.setTimeout(3000, () => socket.destroy());
  });
}

function statusOf(answer: string): number {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(answer);
  return match === null ? 0 : Number(match[1]);
}

describe('Node server', () => {
  let server: ProxyServer;
  const upstreamCalls: Request[] = [];
  const upstreamBodies: unknown[] = [];
  const logs: ProxyLogEntry[] = [];

  before(async () => {
    server = await startProxyServer({
      host: '127.0.0.1',
      port: 0,
      upstreamUrl: 'https://tenant.example/public-api',
      token: TOKEN,
      allowedOrigins: ['https://shop.example'],
      maxBodyBytes: 1024,
      limits: testLimits({ READS_PER_MINUTE: '1000', CREATES_PER_HOUR: '1000' }),
      log: (entry) => logs.push(entry),
      upstreamFetch: async (request: Request): Promise<Response> => {
        upstreamCalls.push(request);
        if (request.method === 'POST') {
          upstreamBodies.push(await request.json());
          return Response.json({ data: { id: 1, status: 'pending' } }, { status: 201 });
        }
        if (new URL(request.url).pathname.endsWith('/users/v1.0')) {
          return Response.json({ data: [{ id: '42', email: 'driver@example.com' }] });
        }
        return Response.json({
          data: [{ id: 3 }],
          links: { next: 'https://tenant.example/public-api/resources/charge-points/v2.0?cursor=c2' },
        });
      },
    });
  });

  after(async () => {
    await server.close();
  });

  test('listens on the requested host and a random port; /healthz answers 200', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/healthz`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  test('forwards an allowed GET and rewrites links onto the address the client used', async () => {
    const before = upstreamCalls.length;
    const response = await fetch(`${server.url}/api/ampeco/resources/charge-points/v2.0?filter[locationId]=7`, {
      headers: { origin: 'https://shop.example' },
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), 'https://shop.example');
    const body = (await response.json()) as { links: { next: string } };
    assert.equal(
      body.links.next,
      `${server.url}/api/ampeco/resources/charge-points/v2.0?filter%5BlocationId%5D=7&cursor=c2`,
    );
    assert.equal(upstreamCalls.length, before + 1);
    assert.equal(upstreamCalls.at(-1)?.headers.get('authorization'), `Bearer ${TOKEN}`);
  });

  test('streams a POST body through to validation and upstream', async () => {
    // Tomorrow on the wall clock this server runs on: a start in the past is refused at the gateway.
    const tomorrow = Date.now() + 86_400_000;
    const booking = {
      ...minimalBooking,
      startAt: new Date(tomorrow).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      endAt: new Date(tomorrow + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    };
    const response = await fetch(`${server.url}/api/ampeco/resources/booking-requests/v1.0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'a=b', authorization: 'Bearer client' },
      body: JSON.stringify(booking),
    });
    assert.equal(response.status, 201);
    const body = (await response.json()) as { data: { id: number }; meta: { capability: string } };
    assert.equal(body.data.id, 1);
    assert.equal(typeof body.meta.capability, 'string');
    const { email, ...rest } = booking;
    assert.equal(email, 'driver@example.com');
    assert.deepEqual(upstreamBodies.at(-1), { ...rest, userId: 42 });
    const call = upstreamCalls.at(-1);
    assert.equal(call?.headers.get('cookie'), null);
    assert.equal(call?.headers.get('authorization'), `Bearer ${TOKEN}`);
  });

  test('an absolute-form request target is refused with 404 and never forwarded', async () => {
    const before = upstreamCalls.length;
    const answer = await rawRequest(
      server.url,
      'GET http://evil.example/api/ampeco/resources/locations/v2.0/7 HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    );
    assert.equal(statusOf(answer), 404);
    assert.match(answer, /origin-form/);
    assert.equal(upstreamCalls.length, before);
  });

  for (const target of [
    '/api/ampeco/resources/locations/v2.0/7/../../../users/v1.0?filter[email]=driver@example.com',
    '/api/ampeco/resources/./locations/v2.0/7',
    '/api/ampeco/%2e%2e/resources/locations/v2.0/7',
    '/api/ampeco/resources%2flocations/v2.0/7',
    '/api/ampeco/resources/locations/v2.0/7%5c',
    '/api/ampeco/resources\\locations/v2.0/7',
    '//evil.example/api/ampeco/resources/locations/v2.0/7',
    '/api/ampeco//resources/locations/v2.0/7',
  ]) {
    test(`the raw target ${target} is refused with 404 and never forwarded`, async () => {
      const before = upstreamCalls.length;
      const answer = await rawRequest(
        server.url,
        `GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`,
      );
      assert.equal(statusOf(answer), 404, answer);
      assert.equal(upstreamCalls.length, before);
    });
  }

  test('HEAD /healthz answers 200 with the headers only, no body bytes', async () => {
    const answer = await rawRequest(server.url, 'HEAD /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    assert.equal(statusOf(answer), 200, answer);
    assert.ok(answer.endsWith('\r\n\r\n'), `nothing after the headers: ${JSON.stringify(answer)}`);
    const response = await fetch(`${server.url}/healthz`, { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(await response.text(), '');
  });

  test('a malformed request line or header gets 400 and the server keeps serving', async () => {
    const answers = await Promise.all([
      rawRequest(server.url, 'THIS IS NOT HTTP\r\n\r\n'),
      rawRequest(server.url, 'GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n'),
      rawRequest(
        server.url,
        'GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n',
      ),
      rawRequest(server.url, 'GET /heal\u0000thz HTTP/1.1\r\nHost: x\r\n\r\n'),
    ]);
    for (const answer of answers) assert.equal(statusOf(answer), 400, answer);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  test('an invalid Host header does not reach pagination links', async () => {
    const answer = await rawRequest(
      server.url,
      'GET /api/ampeco/resources/charge-points/v2.0?filter[locationId]=8 HTTP/1.1\r\nHost: evil.example/"><script>\r\nConnection: close\r\n\r\n',
    );
    assert.equal(statusOf(answer), 200, answer);
    assert.ok(!answer.includes('evil.example'), answer);
    assert.ok(answer.includes(`${server.url}/api/ampeco/resources/charge-points/v2.0`), answer);
  });

  test('a Content-Length past the cap answers 413 without reading the body', async () => {
    const answer = await rawRequest(
      server.url,
      `POST /api/ampeco/resources/booking-requests/v1.0 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"type":`,
    );
    assert.equal(statusOf(answer), 413);
    assert.match(answer, /must not exceed 1024 bytes/);
  });

  test('a chunked body growing past the cap answers 413 and the server keeps serving', async () => {
    const before = upstreamCalls.length;
    const chunk = 'x'.repeat(600);
    const chunks = Array.from({ length: 6 }, () => `${chunk.length.toString(16)}\r\n${chunk}\r\n`).join('');
    const answer = await rawRequest(
      server.url,
      `POST /api/ampeco/resources/booking-requests/v1.0 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}0\r\n\r\n`,
    );
    assert.equal(statusOf(answer), 413, answer);
    assert.match(answer, /connection: close/i);
    assert.equal(upstreamCalls.length, before);
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  test('a client that disconnects mid-body does not crash the server', async () => {
    await new Promise<void>((resolve) => {
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(
          'POST /api/ampeco/resources/booking-requests/v1.0 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"type":"cr',
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 20);
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
  });

  test('the log never holds the token', () => {
    assert.ok(logs.length > 5);
    assert.ok(!JSON.stringify(logs).includes(TOKEN));
  });
});

describe('Node server rate limit', () => {
  test('limits by the client IP from the socket, not by forgeable headers', async () => {
    let calls = 0;
    const server = await startProxyServer({
      host: '127.0.0.1',
      port: 0,
      upstreamUrl: 'https://tenant.example/public-api',
      token: TOKEN,
      limits: testLimits({ READS_PER_MINUTE: '2' }),
      cacheTtlMs: 0,
      upstreamFetch: async (): Promise<Response> => {
        calls += 1;
        return Response.json({ data: { id: 1 } });
      },
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        const response = await fetch(`${server.url}/api/ampeco/resources/locations/v2.0/${i + 1}`, {
          headers: { 'x-forwarded-for': `10.0.0.${i}` },
        });
        statuses.push(response.status);
        if (response.status === 429) assert.match(response.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      }
      assert.deepEqual(statuses, [200, 200, 429]);
      assert.equal(calls, 2);
    } finally {
      await server.close();
    }
  });

  test('refuses to start on a port in use', async () => {
    const first = await startProxyServer({ port: 0, upstreamUrl: 'https://tenant.example/public-api', token: TOKEN });
    try {
      const port = Number(new URL(first.url).port);
      await assert.rejects(
        startProxyServer({ port, upstreamUrl: 'https://tenant.example/public-api', token: TOKEN }),
        /EADDRINUSE/,
      );
    } finally {
      await first.close();
    }
  });
});
