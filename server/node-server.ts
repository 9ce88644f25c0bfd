/**
 * The gateway on Node: node:http with @hono/node-server's request listener in front of the Hono
 * app, upstream calls through the node:http forwarder (server/node-upstream.ts), zlib compression.
 * The raw request target is checked before @hono/node-server builds a URL from it (which would
 * resolve `..` or accept `GET http://other.host/…`); the client's address comes from the socket
 * (or `X-Forwarded-For` as `trustProxy` allows); no input can crash the process.
 */
import { getRequestListener } from '@hono/node-server';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { clientAddress, clientKey, peerIsTrusted, TRUST_NOBODY, type TrustProxy } from './client-address.js';
import { createGateway, type GatewayOptions } from './gateway.js';
import { nodeCompress } from './node-compress.js';
import { nodeHmacSha256 } from './node-mac.js';
import { nodeUpstream } from './node-upstream.js';
import { requestTargetProblem } from './path-guard.js';
import { createRedactor } from './redact.js';
import type { GatewayBindings } from './types.js';

export interface ProxyServerConfig extends Omit<GatewayOptions, 'clientKey' | 'upstream' | 'originOf'> {
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port to listen on; `0` picks a free one. Default 8787. */
  readonly port?: number;
  /**
   * `TRUST_PROXY` (server/client-address.ts): which `X-Forwarded-For` entries give the client's
   * address, and whose `X-Forwarded-Proto` gives the scheme of links. Default: none (any client
   * can send those headers); `true` is one hop.
   */
  readonly trustProxy?: TrustProxy | boolean;
  /** Time a client has to send its request headers, in ms. Default 15 000. */
  readonly headersTimeoutMs?: number;
  /** Time a client has to send its whole request, in ms. Default 30 000. */
  readonly requestTimeoutMs?: number;
}

export interface ProxyServer {
  /** Where the server listens, e.g. `http://127.0.0.1:8787` (without the base path). */
  readonly url: string;
  close(): Promise<void>;
}

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** The limits' key of a client address (IPv6 by its /64), under its former name. */
export { clientKey as rateLimitKey } from './client-address.js';

/** Methods that a Fetch `Request` cannot carry; answered 404 like every method not served. */
const UNSUPPORTED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

const CLIENT_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

/** How many `Host` lines a request has (`rawHeaders` alternates names and values). */
function hostLines(rawHeaders: readonly string[]): number {
  let count = 0;
  for (let index = 0; index < rawHeaders.length; index += 2) {
    if (rawHeaders[index]?.toLowerCase() === 'host') count += 1;
  }
  return count;
}

/** A `{message}` JSON answer written straight to the socket, for a request refused before the gateway. */
export function plainResponse(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ message });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    connection: 'close',
  });
  res.end(body);
}

/** Starts the gateway on `node:http`; resolves once it listens. */
export function startProxyServer(config: ProxyServerConfig): Promise<ProxyServer> {
  const trust: TrustProxy =
    config.trustProxy === true
      ? { kind: 'hops', hops: 1 }
      : config.trustProxy === false || config.trustProxy === undefined
        ? TRUST_NOBODY
        : config.trustProxy;
  const host = config.host ?? '127.0.0.1';
  const forwarder =
    config.upstreamFetch === undefined
      ? nodeUpstream({
          baseUrl: config.upstreamUrl,
          token: config.token,
          timeoutMs: config.timeoutMs ?? 10_000,
          maxBodyBytes: config.maxUpstreamBodyBytes ?? 4 * 1024 * 1024,
        })
      : null;
  const gateway = createGateway({
    ...config,
    ...(forwarder === null ? {} : { upstream: forwarder.call }),
    compress: config.compress ?? nodeCompress,
    // node:crypto's hashing is synchronous and an order of magnitude cheaper than WebCrypto's jobs here.
    capabilityMac: config.capabilityMac ?? nodeHmacSha256,
    encodings: config.encodings ?? ['br', 'gzip'],
    originOf: (request, env) => {
      const incoming = env?.incoming;
      if (incoming === undefined || !peerIsTrusted(incoming.socket.remoteAddress, trust)) return undefined;
      const proto = incoming.headers['x-forwarded-proto'];
      return proto === 'https' || proto === 'http' ? `${proto}://${new URL(request.url).host}` : undefined;
    },
    clientKey: (_request, env) => {
      const incoming = (env as GatewayBindings | undefined)?.incoming;
      if (incoming === undefined) return 'unknown';
      const forwarded = incoming.headers['x-forwarded-for'];
      const header = Array.isArray(forwarded) ? forwarded.join(',') : forwarded;
      return clientKey(clientAddress(incoming.socket.remoteAddress, header, trust));
    },
  });
  // @hono/node-server swaps the global Request and Response for lighter ones that it writes to the
  // socket without a Web stream (its default; undici's Response body was a tenth of the time per request).
  const listener = getRequestListener(gateway.fetch);
  const redactor = createRedactor(config.token);

  /** A request refused before the gateway's handler: answered (404 by default) and logged like any other. */
  const refuse = (req: IncomingMessage, res: ServerResponse, message: string, status = 404): void => {
    plainResponse(res, status, message);
    req.resume();
    // The target as the client sent it (Node's parser lets no space or control character in), without its query.
    const path = redactor.text((req.url ?? '').split('?', 1)[0] ?? '');
    try {
      config.log?.({ level: 'info', message: 'request', method: req.method ?? '-', path, status, durationMs: 0 });
    } catch {
      // A failing logger must not fail requests.
    }
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const problem = requestTargetProblem(req.url ?? '');
    // SPEC §9: what is not an allowed method, path and query answers 404, whatever the reason.
    if (problem !== null) return refuse(req, res, `Bad request target: ${problem}.`);
    if (UNSUPPORTED_METHODS.has((req.method ?? 'GET').toUpperCase())) {
      return refuse(req, res, 'The record is not found');
    }
    // RFC 9112 §3.2: more than one Host line is a 400 (Node keeps the first; a proxy in front may have read another).
    if (hostLines(req.rawHeaders) > 1) return refuse(req, res, 'Bad Request.', 400);
    // A Host header that is no host name gives no URL origin: use the address listened on.
    if (req.headers.host === undefined || !HOST_HEADER.test(req.headers.host)) req.headers.host = listenHost;
    listener(req, res).catch(() => {
      if (!res.headersSent) plainResponse(res, 500, 'The gateway failed to handle the request.');
      else res.destroy();
    });
  };

  const headersTimeout = config.headersTimeoutMs ?? 15_000;
  const requestTimeout = Math.max(headersTimeout, config.requestTimeoutMs ?? 30_000);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: 65_000,
      // How often Node looks for connections past those time-outs (its default is 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(headersTimeout / 4))),
    },
    handle,
  );
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const [status, reason] = CLIENT_ERRORS[error.code ?? ''] ?? [400, 'Bad Request'];
    const body = JSON.stringify({ message: `${reason}.` });
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n` +
        `Connection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });

  let listenHost = hostForUrl(host);
  return new Promise<ProxyServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port ?? 8787, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      listenHost = `${hostForUrl(host)}:${address.port}`;
      resolve({
        url: `http://${listenHost}`,
        close: () =>
          new Promise<void>((done, fail) => {
            forwarder?.close();
            server.close((error) => (error === undefined ? done() : fail(error)));
            server.closeAllConnections();
          }),
      });
    });
  });
}
