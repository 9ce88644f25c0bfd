/**
 * The proxy on Node's `node:http`: converts each `IncomingMessage` into a Web `Request`, hands
 * it to the handler and writes the `Response` back. Raw request targets are checked before any
 * URL parsing (which would resolve `..` or accept `GET http://other.host/…`), the client's IP
 * from the socket is the rate-limit key, and no input can crash the process.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProxy, requestTargetProblem, type ProxyOptions } from './proxy.js';

export interface ProxyServerConfig extends Omit<ProxyOptions, 'clientKey'> {
  /** Interface to listen on. Default `127.0.0.1`. */
  readonly host?: string;
  /** Port to listen on; `0` picks a free one. Default 8787. */
  readonly port?: number;
}

export interface ProxyServer {
  /** Where the server listens, e.g. `http://127.0.0.1:8787` (without the base path). */
  readonly url: string;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'proxy-connection', 'host', 'expect']);
const HOST_HEADER = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

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
  const host = config.host ?? '127.0.0.1';
  let listenOrigin = `http://${hostForUrl(host)}`;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '';
    const problem = requestTargetProblem(target);
    if (problem !== null) {
      plainResponse(res, 400, `Bad request target: ${problem}.`);
      req.resume();
      return;
    }
    const hostHeader = req.headers.host;
    const origin = hostHeader !== undefined && HOST_HEADER.test(hostHeader) ? `http://${hostHeader}` : listenOrigin;
    const method = req.method ?? 'GET';
    const body = method === 'GET' || method === 'HEAD' ? null : requestBody(req);
    const request = toRequest(req, origin, body);
    clientIps.set(request, req.socket.remoteAddress ?? 'unknown');
    const response = await handler(request);
    // A body the handler did not read to its end (refused early, or too large) is drained,
    // not buffered, and the connection is not reused.
    const unread = body !== null && !req.complete;
    if (unread) body.discard();
    await writeResponse(res, response, unread);
  };

  const server = createServer({ requestTimeout: 30_000, headersTimeout: 15_000 }, (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) plainResponse(res, 500, 'The proxy failed to handle the request.');
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
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
