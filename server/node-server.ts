/**
 * The proxy on Node's `node:http`: converts each `IncomingMessage` into a Web `Request`, hands
 * it to the handler and writes the `Response` back. Raw request targets are checked before any
 * URL parsing (which would resolve `..` or accept `GET http://other.host/…`), the client's IP
 * from the socket is the rate-limit key, and no input can crash the process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { isIP, type AddressInfo } from 'node:net';
import { createProxy, requestTargetProblem, type ProxyOptions } from './proxy.js';

export interface ProxyServerConfig extends Omit<ProxyOptions, 'clientKey'> {
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port to listen on; `0` picks a free one. Default 8787. */
  readonly port?: number;
  /**
   * Behind a reverse proxy (nginx, a load balancer) that the proxy is reachable only through:
   * take the client's address from the last `X-Forwarded-For` entry and the scheme of
   * pagination links from `X-Forwarded-Proto`. Default `false`: both headers are ignored, since
   * any client can send them.
   */
  readonly trustProxy?: boolean;
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

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'proxy-connection',
  'host',
  'expect',
]);
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * The rate-limit key of a client address: IPv4 as is (also when IPv4-mapped, `::ffff:1.2.3.4`),
 * IPv6 by its /64 prefix, since one subscriber usually holds a whole /64 and could otherwise
 * rotate addresses to get a fresh bucket for every request.
 */
export function rateLimitKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped !== null) return mapped[1] ?? address;
  if (isIP(address) !== 6) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (`::1.2.3.4`) lies in the low 64 bits, which are dropped anyway.
  const missing = address.includes('::') ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array.from({ length: Math.max(0, missing) }, () => '0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The last `X-Forwarded-For` entry (the one the nearest reverse proxy appended), if it is an IP. */
function forwardedFor(req: IncomingMessage): string | null {
  const header = req.headers['x-forwarded-for'];
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value?.split(',').at(-1)?.trim() ?? '';
  return isIP(last) === 0 ? null : last;
}

/** Methods that a Fetch `Request` cannot carry; answered 404 like every method not forwarded. */
const UNSUPPORTED_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

const CLIENT_ERRORS: Readonly<Record<string, readonly [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout'],
};

function plainResponse(res: ServerResponse, status: number, message: string): void {
  const body = JSON.stringify({ message });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    connection: 'close',
  });
  res.end(body);
}

const MAX_DISCARDED_BYTES = 1024 * 1024;

interface RequestBody {
  readonly stream: ReadableStream<Uint8Array>;
  /** Stops buffering and drains what the client still sends (closing the socket past 1 MiB). */
  discard(): void;
}

/** The request body as a Web stream that pauses the socket under back-pressure. */
function requestBody(req: IncomingMessage): RequestBody {
  let finished = false;
  let discarded = 0;
  const discard = (): void => {
    if (finished) return;
    finished = true;
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.byteLength;
      if (discarded > MAX_DISCARDED_BYTES) req.socket.destroy();
    });
    req.resume();
  };
  const stream = new ReadableStream<Uint8Array>({
    start(controller): void {
      req.on('data', (chunk: Buffer) => {
        if (finished) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.on('end', () => {
        if (!finished) controller.close();
        finished = true;
      });
      req.on('error', (error: Error) => {
        if (!finished) controller.error(error);
        finished = true;
      });
      req.pause();
    },
    pull(): void {
      if (!finished) req.resume();
    },
    cancel(): void {
      discard();
    },
  });
  return { stream, discard };
}

function toRequest(req: IncomingMessage, origin: string, body: RequestBody | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    try {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    } catch {
      // A header the Fetch API cannot hold is one the handler has no use for.
    }
  }
  return new Request(`${origin}${req.url ?? '/'}`, {
    method: req.method ?? 'GET',
    headers,
    ...(body === null ? {} : { body: body.stream, duplex: 'half' }),
  } as RequestInit);
}

async function writeResponse(res: ServerResponse, response: Response, closeAfter: boolean): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  if (closeAfter) headers['connection'] = 'close';
  const body = response.body === null ? new Uint8Array(0) : new Uint8Array(await response.arrayBuffer());
  headers['content-length'] = String(body.byteLength);
  res.writeHead(response.status, headers);
  res.end(body);
}

/** Starts the proxy on `node:http`; resolves once it listens. */
export function startProxyServer(config: ProxyServerConfig): Promise<ProxyServer> {
  const clientIps = new WeakMap<Request, string>();
  const handler = createProxy({ ...config, clientKey: (request) => clientIps.get(request) ?? 'unknown' });
  const trustProxy = config.trustProxy ?? false;
  const host = config.host ?? '127.0.0.1';
  let listenOrigin = `http://${hostForUrl(host)}`;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '';
    const problem = requestTargetProblem(target);
    if (problem !== null) {
      // SPEC §9: what is not an allowed method, path and query answers 404, whatever the reason.
      plainResponse(res, 404, `Bad request target: ${problem}.`);
      req.resume();
      return;
    }
    const method = req.method ?? 'GET';
    if (UNSUPPORTED_METHODS.has(method.toUpperCase())) {
      plainResponse(res, 404, 'The record is not found');
      req.resume();
      return;
    }
    const hostHeader = req.headers.host;
    const forwardedProto = trustProxy ? req.headers['x-forwarded-proto'] : undefined;
    const scheme = forwardedProto === 'https' || forwardedProto === 'http' ? forwardedProto : 'http';
    const origin =
      hostHeader !== undefined && HOST_HEADER.test(hostHeader) ? `${scheme}://${hostHeader}` : listenOrigin;
    const body = method === 'GET' || method === 'HEAD' ? null : requestBody(req);
    let request: Request;
    try {
      request = toRequest(req, origin, body);
    } catch {
      body?.discard();
      plainResponse(res, 400, 'Bad request.');
      return;
    }
    const address = (trustProxy ? forwardedFor(req) : null) ?? req.socket.remoteAddress;
    clientIps.set(request, address === undefined ? 'unknown' : rateLimitKey(address));
    const response = await handler(request);
    // A body the handler did not read to its end (refused early, or too large) is drained,
    // not buffered, and the connection is not reused.
    const unread = body !== null && !req.complete;
    if (unread) body.discard();
    await writeResponse(res, response, unread);
  };

  const headersTimeout = config.headersTimeoutMs ?? 15_000;
  const requestTimeout = Math.max(headersTimeout, config.requestTimeoutMs ?? 30_000);
  const server = createServer(
    {
      headersTimeout,
      requestTimeout,
      // How often Node looks for connections past those time-outs (its default is 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(5_000, Math.floor(headersTimeout / 4))),
    },
    (req, res) => {
      handle(req, res).catch(() => {
        if (!res.headersSent) plainResponse(res, 500, 'The proxy failed to handle the request.');
        else res.destroy();
      });
    },
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

  return new Promise<ProxyServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port ?? 8787, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      listenOrigin = `http://${hostForUrl(host)}:${address.port}`;
      resolve({
        url: listenOrigin,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            server.closeAllConnections();
          }),
      });
    });
  });
}
