/**
 * `ev-booking-proxy`: starts the booking gateway from environment variables (SPEC §9): a tenant
 * (`AMPECO_API_URL`, `AMPECO_API_TOKEN`, `CAPABILITY_SECRET`) or, with `AMPECO_SIMULATOR=1`, the
 * embedded simulator. A wrong configuration stops it with one line and exit code 2.
 */
import cluster from 'node:cluster';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseConfig, type Config, type Env } from './config.js';
import { batchedLines } from './line-writer.js';
import { createLimits } from './limits/connect.js';
import type { Limits } from './limits/index.js';
import { startProxyServer, type ProxyServer } from './node-server.js';
import { createPortalAuth } from './portal-auth.js';
import type { ProxyLogEntry, UpstreamFetch } from './proxy.js';
import { runWorkers } from './workers.js';

/** Upstream base used with the simulator; `.invalid` guarantees it never resolves to a real host. */
export const SIMULATOR_URL = 'http://simulator.invalid/public-api';

export interface CliIo {
  readonly env: Env;
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

const defaultIo: CliIo = {
  env: process.env,
  stdout: batchedLines(process.stdout),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

interface Upstream {
  readonly url: string;
  readonly token: string;
  /** Absent in simulator mode without `CAPABILITY_SECRET`: a random one per process. */
  readonly capabilitySecret?: string;
  readonly fetch?: UpstreamFetch;
  readonly label: string;
}

async function resolveUpstream(config: Config): Promise<Upstream> {
  if (config.upstream !== null) {
    return {
      url: config.upstream.url,
      token: config.upstream.token,
      capabilitySecret: config.upstream.capabilitySecret,
      label: new URL(config.upstream.url).host,
    };
  }
  // Loaded only when needed: a proxy with a real upstream never holds the simulator.
  const { createSimulator } = await import('./simulator.js');
  const simulator = createSimulator();
  return {
    url: SIMULATOR_URL,
    token: 'simulator-token',
    fetch: (request) => simulator.fetch(request),
    ...(config.simulatorCapabilitySecret === null ? {} : { capabilitySecret: config.simulatorCapabilitySecret }),
    label: 'simulator',
  };
}

function formatLog(entry: ProxyLogEntry): string {
  if (entry.message === 'request') {
    return `${entry.method ?? '-'} ${entry.path ?? '-'} ${entry.status ?? '-'} ${entry.durationMs ?? 0}ms`;
  }
  return `${entry.level}: ${entry.message}${entry.route === undefined ? '' : ` (${entry.route})`}${entry.detail === undefined ? '' : `: ${entry.detail}`}`;
}

/** Listen failures that mean HOST or PORT is wrong for this machine: configuration errors. */
const LISTEN_CONFIG_ERRORS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL', 'EADDRINUSE', 'EACCES']);

/**
 * Parses the configuration and starts the server. On a configuration error it prints
 * `ev-booking-proxy: <reason>` and sets exit code 2, also when HOST and PORT cannot be listened on
 * (no such host, not a local address, port taken or not allowed); when the server cannot start for
 * another reason, exit code 1.
 * Resolves with the running server, or `null` when it did not start.
 */
export async function main(io: CliIo = defaultIo): Promise<ProxyServer | null> {
  let config: Config;
  try {
    config = parseConfig(io.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`ev-booking-proxy: ${error.message}`);
    process.exitCode = 2;
    return null;
  }
  const log = (entry: ProxyLogEntry): void => (entry.level === 'info' ? io.stdout : io.stderr)(formatLog(entry));
  let limits: Limits;
  try {
    // Reaches REDIS_URL when it is set: an unreachable Redis is a configuration error too.
    limits = await createLimits(config.limits, {
      onError: (detail) => log({ level: 'warn', message: 'limits store', detail }),
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.stderr(`ev-booking-proxy: ${error.message}`);
    process.exitCode = 2;
    return null;
  }
  let server: ProxyServer;
  let upstream: Upstream;
  try {
    upstream = await resolveUpstream(config);
    server = await startProxyServer({
      limits,
      ...(config.portal === null ? {} : { portal: createPortalAuth(config.portal) }),
      host: config.host,
      port: config.port,
      basePath: config.basePath,
      allowedOrigins: config.allowedOrigins,
      trustProxy: config.trustProxy,
      upstreamUrl: upstream.url,
      token: upstream.token,
      ...(upstream.fetch === undefined ? {} : { upstreamFetch: upstream.fetch }),
      ...(upstream.capabilitySecret === undefined ? {} : { capabilitySecret: upstream.capabilitySecret }),
      log,
    });
  } catch (error) {
    await limits.close();
    const reason = error instanceof Error ? error.message : String(error);
    const misconfigured = LISTEN_CONFIG_ERRORS.has((error as NodeJS.ErrnoException | null)?.code ?? '');
    const hint = misconfigured ? ` (check HOST and PORT: ${config.host}:${config.port})` : '';
    io.stderr(`ev-booking-proxy: cannot start: ${reason.split('\n')[0] ?? reason}${hint}`);
    process.exitCode = misconfigured ? 2 : 1;
    return null;
  }
  io.stdout(`ev-booking-proxy listening on ${server.url}${config.basePath} (upstream: ${upstream.label})`);
  const running = server;
  return {
    url: running.url,
    close: async () => {
      await running.close();
      await limits.close();
    },
  };
}

/** How many workers the configuration asks for (1 when it is wrong: `main` then says why). */
function workersWanted(env: Env): number {
  try {
    return parseConfig(env).workers;
  } catch {
    return 1;
  }
}

/** Runs `main` (in each of `WORKERS` processes) and closes the server on SIGINT / SIGTERM. */
export async function run(): Promise<void> {
  if (cluster.isPrimary) {
    const workers = workersWanted(defaultIo.env);
    if (workers > 1) {
      runWorkers(workers, defaultIo);
      return;
    }
  }
  const server = await main();
  if (server === null) return;
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run();
}
