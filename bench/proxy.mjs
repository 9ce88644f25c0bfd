/**
 * Proxy benchmark: latency and throughput of calling a loopback fake Ampeco directly versus
 * through the reference proxy (startProxyServer → handler → fetch), side by side in one run.
 *
 *   node --import tsx bench/proxy.mjs            # prints a table and the JSON result
 *   const result = await runProxyBench();         # from code (under tsx: it imports server/*.ts)
 *
 * The measured route is the user look-up (GET /resources/users/v1.0?filter[email]=…), which
 * the proxy never caches, so every proxied request costs one upstream round trip, plus the
 * proxy's own work (allowlist, query validation, response stripped to ids). Rate limiting is
 * off. Both sides use keep-alive connections.
 */
import { Agent, createServer, request as httpRequest } from 'node:http';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startProxyServer } from '../server/node-server.ts';

const TOKEN = 'bench-token-0123456789';
const USERS_BODY = JSON.stringify({
  data: [
    {
      id: 42,
      email: 'driver@example.com',
      firstName: 'Dana',
      lastName: 'Driver',
      phone: '+359888000000',
      balance: 12.5,
    },
  ],
});
const QUERY = 'filter%5Bemail%5D=driver%40example.com';

/** A fixed-latency fake upstream: answers every request at once with the same JSON. */
function startUpstream() {
  const server = createServer({ keepAliveTimeout: 30_000 }, (req, res) => {
    req.resume();
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(USERS_BODY) });
    res.end(USERS_BODY);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

/** One GET over the keep-alive agent; resolves with its latency in ms. */
function timedGet(agent, url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = httpRequest(url, { agent, method: 'GET', headers: { accept: 'application/json' } }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => {
        if (res.statusCode !== 200) reject(new Error(`${url} answered ${res.statusCode}`));
        else resolve(Number(process.hrtime.bigint() - started) / 1e6);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(latencies, elapsedMs) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const round = (value) => Math.round(value * 1000) / 1000;
  return {
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    reqPerSec: Math.round((sorted.length / elapsedMs) * 1000),
  };
}

async function sequential(url, count) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    for (let i = 0; i < Math.min(200, count); i += 1) await timedGet(agent, url); // warm-up
    const latencies = [];
    const started = performance.now();
    for (let i = 0; i < count; i += 1) latencies.push(await timedGet(agent, url));
    return summary(latencies, performance.now() - started);
  } finally {
    agent.destroy();
  }
}

async function concurrent(url, concurrency, durationMs) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    await Promise.all(Array.from({ length: concurrency }, () => timedGet(agent, url))); // open the sockets
    const latencies = [];
    const started = performance.now();
    const deadline = started + durationMs;
    const worker = async () => {
      while (performance.now() < deadline) latencies.push(await timedGet(agent, url));
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return summary(latencies, performance.now() - started);
  } finally {
    agent.destroy();
  }
}

/**
 * Runs the benchmark and resolves with its figures. Options: `sequential` (requests, default
 * 2000), `concurrency` (default 32), `durationMs` (per concurrent run, default 5000), `print`
 * (default false: the table is printed when run directly).
 */
export async function runProxyBench(options = {}) {
  const count = options.sequential ?? 2000;
  const concurrency = options.concurrency ?? 32;
  const durationMs = options.durationMs ?? 5000;
  const upstream = await startUpstream();
  const proxy = await startProxyServer({
    host: '127.0.0.1',
    port: 0,
    upstreamUrl: `${upstream.url}/public-api`,
    token: TOKEN,
    limits: false,
    cacheTtlMs: 0,
  });
  const direct = `${upstream.url}/public-api/resources/users/v1.0?${QUERY}`;
  const proxied = `${proxy.url}/api/ampeco/resources/users/v1.0?${QUERY}`;
  try {
    // Check once that the proxy really answers (and strips) before measuring it.
    const check = await fetch(proxied);
    const body = await check.json();
    if (check.status !== 200 || JSON.stringify(body) !== '{"data":[{"id":42}]}') {
      throw new Error(`the proxy answered ${check.status} ${JSON.stringify(body)}`);
    }
    const result = {
      route: 'GET /resources/users/v1.0?filter[email]=… (never cached)',
      environment: {
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: availableParallelism(),
      },
      sequential: { count, direct: await sequential(direct, count), proxy: await sequential(proxied, count) },
      concurrent: {
        concurrency,
        durationMs,
        direct: await concurrent(direct, concurrency, durationMs),
        proxy: await concurrent(proxied, concurrency, durationMs),
      },
    };
    result.overhead = {
      sequentialP50Ms: Math.round((result.sequential.proxy.p50Ms - result.sequential.direct.p50Ms) * 1000) / 1000,
      sequentialP99Ms: Math.round((result.sequential.proxy.p99Ms - result.sequential.direct.p99Ms) * 1000) / 1000,
      concurrentThroughputRatio:
        Math.round((result.concurrent.proxy.reqPerSec / result.concurrent.direct.reqPerSec) * 1000) / 1000,
    };
    if (options.print === true) print(result);
    return result;
  } finally {
    await proxy.close();
    await upstream.close();
  }
}

function print(result) {
  const rows = [
    ['run', 'target', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'req/s'],
    ...['direct', 'proxy'].map((target) => {
      const figures = result.sequential[target];
      return ['sequential', target, figures.requests, figures.p50Ms, figures.p99Ms, figures.maxMs, figures.reqPerSec];
    }),
    ...['direct', 'proxy'].map((target) => {
      const figures = result.concurrent[target];
      return [
        `${result.concurrent.concurrency} concurrent`,
        target,
        figures.requests,
        figures.p50Ms,
        figures.p99Ms,
        figures.maxMs,
        figures.reqPerSec,
      ];
    }),
  ].map((row) => row.map(String));
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) =>
    row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(`proxy bench: ${result.route}, loopback, ${result.environment.node}, ${result.environment.cpus} CPUs`);
  console.log(line(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  console.log(
    `overhead: +${result.overhead.sequentialP50Ms} ms p50, +${result.overhead.sequentialP99Ms} ms p99 sequential; ` +
      `throughput ×${result.overhead.concurrentThroughputRatio} under ${result.concurrent.concurrency} concurrent`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runProxyBench({ print: true });
  console.log(JSON.stringify(result));
}
