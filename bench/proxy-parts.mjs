/**
 * The servers of the proxy benchmark (bench/proxy.mjs), each in its own process so that none
 * shares an event loop with the load generator: a fake Ampeco, the gateway (limits off, no log
 * sink, like nginx without access log), nginx configured as the plain alternative, and the floor
 * of any gateway written for Node: a bare node:http forwarder over the gateway's own upstream
 * client (an undici Pool), which checks, parses and signs nothing.
 *
 *   node bench/proxy-parts.mjs upstream            # prints {"port": …}
 *   node bench/proxy-parts.mjs forwarder <upstream port>
 *   node --import tsx bench/proxy-parts.mjs gateway <upstream port> [processes]
 *
 * With `processes` above 1 the gateway runs as that many node:cluster workers on one port (as
 * `WORKERS=N` does; limits are off here, as they are for one process).
 */
import cluster from 'node:cluster';
import { createServer } from 'node:http';

export const TOKEN = 'bench-token-0123456789';
export const SECRET = 'bench-capability-secret-0123456789abcdef';
export const EXTERNAL_ID = '0b9c7d1e-5f3a-4c2b-9e8d-7a6b5c4d3e2f';

/** What the fake Ampeco answers to the measured look-up: an approved request, with fields the widget never reads. */
export const REQUEST_LIST = JSON.stringify({
  data: [
    {
      id: 12,
      type: 'create',
      status: 'approved',
      userId: 42,
      locationId: 7,
      evseId: 11,
      startAt: '2026-03-02T10:00:00Z',
      endAt: '2026-03-02T11:00:00Z',
      externalId: EXTERNAL_ID,
      bookingId: 601,
      rejectionReason: null,
      authorizedTokenIds: [5, 6],
      createdAt: '2026-03-01T09:00:00Z',
      lastUpdatedAt: '2026-03-01T09:00:02Z',
    },
  ],
  links: { next: null },
  meta: { per_page: 100 },
});

function startUpstream() {
  const server = createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(REQUEST_LIST) });
    res.end(REQUEST_LIST);
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
}

/**
 * The bare forwarder: the request's query appended to the measured upstream path, the upstream's
 * status and body passed back as they came, over the same undici Pool dispatch as the gateway's
 * (server/node-upstream.ts). No path guard, validation, parse, reduction, redaction or capability:
 * what Node's HTTP server and client cost per request on this machine, whatever a gateway adds.
 */
async function startForwarder(upstreamPort) {
  const { Pool } = await import('undici');
  const pool = new Pool(`http://127.0.0.1:${upstreamPort}`, { connections: 256, pipelining: 1 });
  const headers = ['accept', 'application/json', 'authorization', `Bearer ${TOKEN}`];
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = `/public-api/resources/booking-requests/v1.0${queryAt === -1 ? '' : url.slice(queryAt)}`;
    const chunks = [];
    let status = 502;
    pool.dispatch(
      { method: 'GET', path, headers },
      {
        onConnect() {},
        onHeaders(statusCode) {
          status = statusCode;
          return true;
        },
        onData(chunk) {
          chunks.push(chunk);
          return true;
        },
        onComplete() {
          const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
          res.end(body);
        },
        onError() {
          res.writeHead(502, { 'content-length': 0 });
          res.end();
        },
      },
    );
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
  process.on('SIGTERM', () => process.exit(0));
}

/** `processes` gateways on one port: the primary forks them and stops them with itself. */
function startGatewayWorkers(upstreamPort, processes) {
  if (cluster.isWorker || processes <= 1) return startGateway(upstreamPort);
  for (let index = 0; index < processes; index += 1) cluster.fork();
  let listening = 0;
  cluster.on('listening', (_worker, address) => {
    listening += 1;
    if (listening === processes) process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
  });
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exit(0);
  });
  return undefined;
}

async function startGateway(upstreamPort) {
  const { startProxyServer } = await import('../server/node-server.ts');
  const server = await startProxyServer({
    host: '127.0.0.1',
    port: 0,
    upstreamUrl: `http://127.0.0.1:${upstreamPort}/public-api`,
    token: TOKEN,
    capabilitySecret: SECRET,
    limits: false,
  });
  process.on('SIGTERM', () => process.exit(0));
  if (cluster.isPrimary) process.stdout.write(`${JSON.stringify({ port: Number(new URL(server.url).port) })}\n`);
}

/** nginx as an operator would put it in front of Ampeco: the §4 paths, the token added, keep-alive upstream. */
export function nginxConfig({ prefix, port, upstreamPort, workers = 1 }) {
  return `
worker_processes ${workers};
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  keepalive_requests 1000000;
  upstream ampeco {
    server 127.0.0.1:${upstreamPort};
    keepalive 256;
  }
  server {
    listen 127.0.0.1:${port};
    location ~ ^/api/ampeco(/resources/locations/v2\\.0/[0-9]+|/resources/charge-points/v2\\.0(/[0-9]+/evses)?|/actions/locations/v2\\.0/[0-9]+/check-booking-availability|/resources/booking-requests/v1\\.0(/[0-9]+)?|/resources/bookings/v1\\.0/[0-9]+)$ {
      proxy_pass http://ampeco/public-api$1$is_args$args;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Authorization "Bearer ${TOKEN}";
      proxy_set_header Cookie "";
    }
    location / { return 404; }
  }
}
`;
}

if (process.argv[2] === 'upstream') startUpstream();
if (process.argv[2] === 'forwarder') await startForwarder(Number(process.argv[3]));
if (process.argv[2] === 'gateway') await startGatewayWorkers(Number(process.argv[3]), Number(process.argv[4] ?? 1));
