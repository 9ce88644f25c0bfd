/**
 * The gateways test/node/built-bundle.test.ts books through, each started as `ev-booking-proxy`
 * starts (server/cli.ts's `main` with an environment), with its log lines kept:
 * - in simulator mode (`AMPECO_SIMULATOR=1`), whose upstream token is the simulator's own;
 * - configured for a tenant whose `AMPECO_API_URL` is a loopback "Ampeco" (the simulator behind
 *   node:http, answering 401 to any other token), with a distinctive `AMPECO_API_TOKEN`: the
 *   gateway's real upstream client (server/node-upstream.ts) carries it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { main } from '../../server/cli.js';
import { createSimulator } from '../../server/simulator.js';

export interface GatewayUnderTest {
  /** The widget's `api-base`. */
  readonly apiBase: string;
  readonly origin: string;
  /** The upstream token, which must reach no client and no log line. */
  readonly token: string;
  /** Its lines on stdout (one per request) and on stderr (warnings, errors). */
  readonly log: string[];
  readonly warnings: string[];
  close(): Promise<void>;
}

/** The simulator's token in `AMPECO_SIMULATOR=1` mode (server/cli.ts). */
export const SIMULATOR_TOKEN = 'simulator-token';
export const TENANT_TOKEN = 'ampeco_tok_E2E_DISTINCTIVE_5c1f0b8e2a7d4936';

export async function startGateway(env: Record<string, string>, token: string): Promise<GatewayUnderTest> {
  const log: string[] = [];
  const warnings: string[] = [];
  const server = await main({
    env: { HOST: '127.0.0.1', PORT: '0', ...env },
    stdout: (line) => log.push(line),
    stderr: (line) => warnings.push(line),
  });
  if (server === null) throw new Error(`the gateway did not start: ${warnings.join('\n')}`);
  return { apiBase: `${server.url}/api/ampeco`, origin: server.url, token, log, warnings, close: server.close };
}

export interface LoopbackAmpeco {
  /** `AMPECO_API_URL`. */
  readonly url: string;
  /** Calls made with the right token, and with another one (or none). */
  readonly calls: { authorized: number; refused: number };
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length > 0 ? Buffer.concat(chunks).toString('utf8') : undefined;
}

/** The simulator as a tenant's API on loopback HTTP, accepting only `Bearer ${token}`. */
export async function startLoopbackAmpeco(token: string, pendingMs: number): Promise<LoopbackAmpeco> {
  const simulator = createSimulator({ pendingMs });
  const calls = { authorized: 0, refused: 0 };
  const server = createServer((req, res) => {
    void (async () => {
      if (req.headers.authorization !== `Bearer ${token}`) {
        calls.refused += 1;
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'Unauthenticated.' }));
        return;
      }
      calls.authorized += 1;
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
          headers.set(name, value);
      }
      const body = await bodyOf(req);
      const request = new Request(`http://ampeco.invalid${req.url ?? '/'}`, { method: req.method, headers, body });
      const response = await simulator.fetch(request);
      res.writeHead(response.status, { 'content-type': response.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await response.arrayBuffer()));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/public-api`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
