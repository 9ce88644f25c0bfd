/**
 * `npm start`: the booking gateway (with the Ampeco simulator unless AMPECO_API_URL and
 * AMPECO_API_TOKEN are set) and the demo pages served by Vite, which forwards the API base path
 * to the proxy so that the page and the API share one origin. Prints the demo's URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type ProxyOptions } from 'vite';
import { main } from './cli.js';
import { parseBasePath, DEFAULT_BASE_PATH } from './config.js';
import { plainResponse } from './node-server.js';
import { requestTargetProblem } from './path-guard.js';

// Without a tenant configured, `npm start` runs the built-in simulator (the bin alone refuses to guess).
const simulator = process.env.AMPECO_API_URL === undefined && process.env.AMPECO_API_TOKEN === undefined;
const proxy = await main({
  env: { ...process.env, PORT: process.env.PORT ?? '0', ...(simulator ? { AMPECO_SIMULATOR: '1' } : {}) },
  stdout: (line) => process.stdout.write(`[proxy] ${line}\n`),
  stderr: (line) => process.stderr.write(`[proxy] ${line}\n`),
});
if (!proxy) process.exit(process.exitCode ?? 1);

const basePath = parseBasePath(process.env.BASE_PATH ?? DEFAULT_BASE_PATH);
/**
 * Vite's proxy builds a URL of the request target before it forwards it, which resolves `..`,
 * `%2e%2e` and `\`: the gateway would then see a clean path. Such targets are refused here, with
 * the gateway's own 404, so that the demo's origin exposes exactly what the gateway does.
 */
const toGateway: ProxyOptions = {
  target: proxy.url,
  bypass: (req: IncomingMessage, res: ServerResponse | undefined) => {
    const problem = requestTargetProblem(req.url ?? '');
    if (problem === null || res === undefined) return undefined;
    plainResponse(res, 404, `Bad request target: ${problem}.`);
    return req.url ?? '/';
  },
};
const demoPort = Number(process.env.DEMO_PORT ?? 5173);
const vite = await createServer({
  configFile: false,
  root: process.cwd(),
  appType: 'mpa',
  logLevel: 'warn',
  // The demo's pages only: examples/react imports the built package (`ev-booking-widget/react`), which a
  // fresh clone has not built, and Vite's dependency scan of every page would fail on it and skip pre-bundling.
  optimizeDeps: { entries: ['demo/*.html'] },
  server: {
    host: process.env.DEMO_HOST ?? '127.0.0.1',
    port: demoPort,
    strictPort: false,
    proxy: { [basePath]: toGateway, '/healthz': toGateway },
  },
});
await vite.listen();
const address = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${demoPort}/`;
process.stdout.write(`\nDemo ready: ${address}demo/index.html  (book as driver@example.com)\n\n`);

const stop = async (): Promise<void> => {
  await vite.close();
  await proxy.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
