/**
 * A misbehaving upstream over a real loopback socket (node:http and raw TCP), reached through
 * the global fetch and through the Node server's node:http forwarder: hangs, resets, sockets destroyed mid-body, garbage, truncated or huge bodies
 * and redirects. Each answers a clean 502/504 with a JSON `{ message }`, never follows a
 * redirect, and never leaks the token.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { nodeUpstream } from '../../server/node-upstream.js';
import { createProxy, type ProxyLogEntry } from '../../server/proxy.js';
import { parseJsonBytes } from '../../server/upstream.js';

const TOKEN = 'tok_SECRET_upstream_0123456789';
// Long enough that a well-behaved upstream answers in time on a busy shared machine.
const TIMEOUT_MS = 1000;

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

/** One loopback upstream whose behaviour is chosen by the location id in the path. */
const behaviours: Record<string, Behaviour> = {
  ok: (_req, res) => json(res, 200, { data: { id: 1 } }),
  hang: () => undefined,
  'hang-after-headers': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"data":');
  },
  'slow-drip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    const timer = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(timer));
  },
  reset: (req) => req.socket.destroy(),
  'reset-mid-body': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
    res.write('{"data":{"id":1,"name":"');
    setTimeout(() => req.socket.destroy(), 20);
  },
  'reset-mid-chunked': (req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":[{"id":1},');
    setTimeout(() => req.socket.destroy(), 20);
  },
  'short-body': (req, res) => {
    // Announces more than it sends, then ends the connection cleanly.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
    res.write('{"data":{"id":1}}');
    setTimeout(() => req.socket.end(), 10);
  },
  html: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html><body>Maintenance</body></html>');
  },
  'truncated-json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{"data":{"id":1,"name":[{"locale":"en","transl');
  },
  'not-utf8': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(Buffer.from([0x7b, 0x22, 0x64, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]));
  },
  'json-scalar': (_req, res) => json(res, 200, 'ok'),
  'json-array': (_req, res) => json(res, 200, [{ id: 1 }]),
  empty: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end();
  },
  'no-content': (_req, res) => {
    res.writeHead(204);
    res.end();
  },
  'bad-gzip': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    res.end('{"data":{"id":1}} this is not gzip');
  },
  huge: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"data":{"id":1,"pad":"');
    const chunk = 'x'.repeat(64 * 1024);
    let sent = 0;
    const pump = (): void => {
      while (sent < 6 * 1024 * 1024) {
        sent += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      res.end('"}}');
    };
    pump();
  },
  'huge-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
    res.write('{"data":');
  },
  redirect: (_req, res) => {
    res.writeHead(302, { location: `${evilUrl}/steal` });
    res.end();
  },
  'redirect-permanent': (_req, res) => {
    res.writeHead(308, { location: `${evilUrl}/steal` });
    res.end('{"message":"moved"}');
  },
  'echo-token': (req, res) => json(res, 403, { message: `Invalid token ${req.headers.authorization ?? ''}` }),
  'echo-token-ok': (req, res) => json(res, 200, { data: { id: 1, debug: req.headers.authorization ?? '' } }),
  'server-error-html': (_req, res) => {
    res.writeHead(500, { 'content-type': 'text/html', 'x-debug-token': TOKEN });
    res.end(`<pre>Stack trace... Authorization: Bearer ${TOKEN}</pre>`);
  },
};

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

let upstream: Server;
let upstreamUrl = '';
let evil: Server;
let evilUrl = '';
let evilHits = 0;
let tcp: TcpServer;
let tcpUrl = '';
const tcpSockets = new Set<Socket>();
const seenAuth: string[] = [];

async function listen(server: Server | TcpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

before(async () => {
  upstream = createServer((req, res) => {
    seenAuth.push(req.headers.authorization ?? '');
    const name = /^\/public-api\/resources\/locations\/v2\.0\/(\d+)$/.exec(req.url ?? '')?.[1];
    const behaviour = Object.values(behaviours)[Number(name) - 1];
    if (behaviour === undefined) json(res, 404, { message: 'no such behaviour' });
    else behaviour(req, res);
  });
  upstreamUrl = await listen(upstream);
  evil = createServer((_req, res) => {
    evilHits += 1;
    json(res, 200, { data: { id: 666 } });
  });
  evilUrl = await listen(evil);
  // Answers whatever it is sent with bytes that are not HTTP at all.
  tcp = createTcpServer((socket) => {
    tcpSockets.add(socket);
    socket.on('close', () => tcpSockets.delete(socket));
    socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n\u0000\u0001garbage'));
  });
  tcpUrl = await listen(tcp);
});

after(async () => {
  upstream.closeAllConnections();
  evil.closeAllConnections();
  for (const socket of tcpSockets) socket.destroy();
  await Promise.all([
    new Promise((resolve) => upstream.close(resolve)),
    new Promise((resolve) => evil.close(resolve)),
    new Promise((resolve) => tcp.close(resolve)),
  ]);
});

/** Which upstream door the proxy under test uses: the Fetch one (edge runtimes) or node:http (the Node server). */
let door: 'fetch' | 'node:http' = 'fetch';

function proxyFor(
  url: () => string,
  logs: ProxyLogEntry[] = [],
  maxUpstreamBodyBytes?: number,
  timeoutMs = TIMEOUT_MS,
) {
  const upstreamUrl = `${url()}/public-api`;
  const forwarder =
    door === 'fetch'
      ? undefined
      : nodeUpstream({
          baseUrl: upstreamUrl,
          token: TOKEN,
          timeoutMs,
          maxBodyBytes: maxUpstreamBodyBytes ?? 4 * 1024 * 1024,
        }).call;
  return createProxy({
    ...(forwarder === undefined ? {} : { upstream: forwarder }),
    upstreamUrl,
    token: TOKEN,
    timeoutMs,
    limits: false,
    cacheTtlMs: 0,
    allowedOrigins: ['https://shop.example'],
    log: (entry) => logs.push(entry),
    ...(maxUpstreamBodyBytes === undefined ? {} : { maxUpstreamBodyBytes }),
  });
}

/** Calls the behaviour through the proxy; checks the answer is clean JSON without the token. */
async function call(name: string, logs: ProxyLogEntry[] = [], maxUpstreamBodyBytes?: number) {
  // A body of megabytes is given time to arrive on a busy machine: the cap, not the clock, must stop it.
  const timeoutMs = name === 'huge' ? 10_000 : TIMEOUT_MS;
  const id = Object.keys(behaviours).indexOf(name) + 1;
  assert.ok(id > 0, name);
  const proxy = proxyFor(() => upstreamUrl, logs, maxUpstreamBodyBytes, timeoutMs);
  const started = Date.now();
  const response = await proxy(
    new Request(`http://proxy.test/api/ampeco/resources/locations/v2.0/${id}`, {
      headers: { origin: 'https://shop.example' },
    }),
  );
  const elapsed = Date.now() - started;
  const text = await response.text();
  assert.ok(!text.includes(TOKEN), `token in the body for ${name}: ${text}`);
  for (const [header, value] of response.headers) assert.ok(!value.includes(TOKEN), `token in ${header} for ${name}`);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(response.headers.get('location'), null);
  assert.equal(
    response.headers.get('access-control-allow-origin'),
    'https://shop.example',
    'errors stay readable by the widget',
  );
  const body = JSON.parse(text) as { message?: unknown };
  return { status: response.status, body, elapsed };
}

for (const kind of ['fetch', 'node:http'] as const)
  describe(`misbehaving upstream on loopback (${kind})`, () => {
    before(() => {
      door = kind;
    });

    test('a well-behaved upstream is forwarded (control)', async () => {
      const { status, body } = await call('ok');
      assert.equal(status, 200);
      assert.deepEqual(body, { data: { id: 1 } });
      assert.equal(seenAuth.at(-1), `Bearer ${TOKEN}`);
    });

    for (const name of ['hang', 'hang-after-headers', 'slow-drip']) {
      test(`${name}: 504 {message} after timeoutMs`, async () => {
        const { status, body, elapsed } = await call(name);
        assert.equal(status, 504);
        assert.deepEqual(body, { message: 'The Ampeco API did not answer in time.' });
        assert.ok(elapsed >= TIMEOUT_MS - 20 && elapsed < TIMEOUT_MS + 1500, `${elapsed} ms`);
      });
    }

    for (const name of ['reset', 'reset-mid-body', 'reset-mid-chunked', 'short-body']) {
      test(`${name}: 502 {message}, logged without the token`, async () => {
        const logs: ProxyLogEntry[] = [];
        const { status, body, elapsed } = await call(name, logs);
        assert.equal(status, 502);
        assert.deepEqual(body, { message: 'The Ampeco API could not be reached.' });
        assert.ok(elapsed < TIMEOUT_MS, `a reset is reported at once, not after the time-out (${elapsed} ms)`);
        assert.ok(logs.some((entry) => entry.level === 'warn' && entry.message === 'upstream failed'));
        assert.ok(!JSON.stringify(logs).includes(TOKEN));
      });
    }

    for (const name of [
      'html',
      'truncated-json',
      'not-utf8',
      'json-scalar',
      'json-array',
      'empty',
      'no-content',
      'bad-gzip',
    ]) {
      test(`${name}: 502 {message}`, async () => {
        const { status, body } = await call(name);
        assert.equal(status, 502);
        assert.equal(typeof body.message, 'string');
        assert.deepEqual(Object.keys(body), ['message']);
      });
    }

    test('a body past the upstream cap: 502, and reading stops', async () => {
      const small = await call('huge', [], 256 * 1024);
      assert.equal(small.status, 502);
      assert.deepEqual(small.body, { message: 'The Ampeco API could not be reached.' });
      const defaults = await call('huge');
      assert.equal(defaults.status, 502, 'the default cap (4 MiB) holds too');
    });

    test('a Content-Length past the cap: 502 at once, without waiting for the body', async () => {
      const { status, body, elapsed } = await call('huge-declared');
      assert.equal(status, 502);
      assert.deepEqual(body, { message: 'The Ampeco API could not be reached.' });
      assert.ok(elapsed < TIMEOUT_MS, `${elapsed} ms`);
    });

    for (const name of ['redirect', 'redirect-permanent']) {
      test(`${name}: 502 {message}, never followed, no Location passed on`, async () => {
        const before = evilHits;
        const { status, body } = await call(name);
        assert.equal(status, 502);
        assert.deepEqual(body, { message: 'The Ampeco API sent an invalid response.' });
        assert.equal(evilHits, before, 'the redirect target was never contacted (it would have got the token)');
      });
    }

    test('an upstream echoing the token in an error, a 200 or a 500 page: redacted everywhere', async () => {
      const unauthorized = await call('echo-token');
      assert.equal(unauthorized.status, 403);
      assert.match(String(unauthorized.body.message), /\[redacted\]/);
      const ok = await call('echo-token-ok');
      assert.equal(ok.status, 200);
      const serverError = await call('server-error-html');
      assert.equal(serverError.status, 500, 'an upstream 5xx is passed on as such (SPEC §9)');
      assert.deepEqual(serverError.body, { message: 'The Ampeco API answered 500.' });
    });

    test('an upstream that does not speak HTTP: 502 {message}', async () => {
      const proxy = proxyFor(() => tcpUrl);
      const response = await proxy(new Request('http://proxy.test/api/ampeco/resources/locations/v2.0/1'));
      assert.equal(response.status, 502);
      assert.deepEqual(await response.json(), { message: 'The Ampeco API could not be reached.' });
    });

    test('nothing listening (connection refused): 502 {message}', async () => {
      const closed = createTcpServer();
      const url = await listen(closed);
      await new Promise((resolve) => closed.close(resolve));
      const proxy = proxyFor(() => url);
      const response = await proxy(new Request('http://proxy.test/api/ampeco/resources/locations/v2.0/1'));
      assert.equal(response.status, 502);
      assert.deepEqual(await response.json(), { message: 'The Ampeco API could not be reached.' });
    });
  });

describe('parseJsonBytes', () => {
  test('an upstream body cut inside a UTF-8 sequence is unparsable, and the next body parses whole', () => {
    const cut = new TextEncoder().encode('{"name":"Zoë"}').slice(0, 12);
    assert.equal(parseJsonBytes(cut), undefined);
    assert.deepEqual(parseJsonBytes(new TextEncoder().encode('{"name":"Zoë"}')), { name: 'Zoë' });
  });
});
