/**
 * Proxy benchmark (issue 13): the same uncached call measured side by side on loopback, each
 * server in its own process: the fake Ampeco called directly, through the gateway, through nginx
 * configured as the plain alternative (same paths allowed, Authorization added, keep-alive
 * upstream), and through a bare node:http forwarder over the gateway's upstream client that
 * checks nothing: the floor of any gateway on Node, measured in the same turns (one connection
 * and 32 connections). Reported: added p50 over the direct call (one connection, sequential), req/s at 32
 * connections, p99 at 256 connections, and the gateway's RSS over 200 000 requests; then req/s at
 * 32 connections with two processes each (gateway as two node:cluster workers, nginx with
 * `worker_processes 2`: one per core, as an operator deploys them), beside the one-to-one figures.
 * At 32 connections, the CPU time per request of each process (server, upstream, this load
 * generator) says what bounds each figure: on a machine of few cores, the load generator and the
 * upstream share them with the server measured.
 *
 *   node bench/proxy.mjs               # prints a table and the JSON result (npm run bench:proxy)
 *   const result = await runProxyBench(); # from bench/run.mjs (npm run bench)
 *
 * The measured call is the look-up by externalId (GET booking-requests?filter[externalId]=…),
 * never cached: every request costs one upstream round trip, plus, through the gateway, query
 * validation, the answer reduced to the widget's schema, token redaction and a signed capability.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXTERNAL_ID, nginxConfig } from './proxy-parts.mjs';

const PARTS = fileURLToPath(new URL('./proxy-parts.mjs', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NGINX = '/usr/sbin/nginx';
const PATH = `/resources/booking-requests/v1.0?filter%5BexternalId%5D=${EXTERNAL_ID}`;

/** Starts a child that prints `{"port": …}` on its first line; resolves with the port and the child. */
function startChild(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n')) resolve({ port: JSON.parse(line).port, child });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startNginx(upstreamPort, workers = 1) {
  const prefix = mkdtempSync(join(tmpdir(), 'bench-nginx-'));
  for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(prefix, dir));
  const port = await freePort();
  writeFileSync(join(prefix, 'nginx.conf'), nginxConfig({ prefix, port, upstreamPort, workers }));
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'inherit' });
  for (let attempt = 0; attempt < 50; attempt += 1) {
    try {
      await timedGet(new Agent(), `http://127.0.0.1:${port}/api/ampeco${PATH}`);
      return { port, child, prefix };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`nginx did not start: ${readFileSync(join(prefix, 'error.log'), 'utf8')}`);
}

/** One GET; resolves with its latency in ms. */
function timedGet(agent, url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = httpRequest(url, { agent, headers: { accept: 'application/json' } }, (res) => {
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

const round = (value) => Math.round(value * 1000) / 1000;

function summary(latencies, elapsedMs) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
    reqPerSec: Math.round((sorted.length / elapsedMs) * 1000),
  };
}

/**
 * `connections` keep-alive connections, each sending its next request when the last is answered,
 * for `durationMs` or until `requests` are answered. Resolves with the latencies and the time taken.
 */
async function slice(url, connections, { durationMs, requests }) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  try {
    await Promise.all(Array.from({ length: connections }, () => timedGet(agent, url))); // open the sockets
    const latencies = [];
    const started = performance.now();
    const deadline = durationMs === undefined ? Infinity : started + durationMs;
    let remaining = requests ?? Infinity;
    const worker = async () => {
      while (performance.now() < deadline && remaining > 0) {
        remaining -= 1;
        latencies.push(await timedGet(agent, url));
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    return { latencies, elapsedMs: performance.now() - started };
  } finally {
    agent.destroy();
  }
}

async function load(url, connections, options) {
  const { latencies, elapsedMs } = await slice(url, connections, options);
  return summary(latencies, elapsedMs);
}

/** CPU time (user + system) of a process and its descendants (nginx's and the cluster's workers), in ms. */
function cpuMs(pid) {
  let ticks = 0;
  const visit = (id) => {
    try {
      const fields = readFileSync(`/proc/${id}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      const children = readFileSync(`/proc/${id}/task/${id}/children`, 'utf8').trim();
      for (const child of children === '' ? [] : children.split(' ')) visit(Number(child));
    } catch {
      // A process that ended meanwhile.
    }
  };
  visit(pid);
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * The targets measured in turns of `sliceMs` (round robin, `rounds` times), so that a machine
 * whose load changes from second to second (CI, shared cores) weighs on every target alike.
 * `processes` (optional): per target, the pids whose CPU time per request is reported with it.
 */
async function interleaved(targets, connections, { rounds, sliceMs, processes }) {
  const totals = Object.fromEntries(
    Object.keys(targets).map((name) => [name, { latencies: [], elapsedMs: 0, cpu: {}, loadGeneratorMs: 0 }]),
  );
  for (let round = 0; round < rounds; round += 1) {
    for (const [name, url] of Object.entries(targets)) {
      const watched = Object.entries(processes?.[name] ?? {});
      const cpuBefore = watched.map(([, pid]) => cpuMs(pid));
      const ownBefore = process.cpuUsage();
      const { latencies, elapsedMs } = await slice(url, connections, { durationMs: sliceMs });
      const own = process.cpuUsage(ownBefore);
      const total = totals[name];
      watched.forEach(([label, pid], index) => {
        total.cpu[label] = (total.cpu[label] ?? 0) + cpuMs(pid) - (cpuBefore[index] ?? 0);
      });
      total.loadGeneratorMs += (own.user + own.system) / 1000;
      total.latencies.push(...latencies);
      total.elapsedMs += elapsedMs;
    }
  }
  return Object.fromEntries(
    Object.entries(totals).map(([name, { latencies, elapsedMs, cpu, loadGeneratorMs }]) => {
      const figures = summary(latencies, elapsedMs);
      if (processes?.[name] !== undefined) {
        const perRequest = (ms) => Math.round((ms * 1000) / Math.max(1, latencies.length));
        figures.cpuUsPerRequest = {
          ...Object.fromEntries(Object.entries(cpu).map(([label, ms]) => [label, perRequest(ms)])),
          loadGenerator: perRequest(loadGeneratorMs),
        };
      }
      return [name, figures];
    }),
  );
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
  return Math.round((kb / 1024) * 10) / 10;
}

/**
 * Runs the benchmark and resolves with its figures. Options: `sequential` (about that many
 * requests per target, default 2000), `durationMs` (per target and concurrency, default 5000),
 * `warmUpMs` (per server, at 32 connections, before anything is measured, default 4000), `soak`
 * (requests for the RSS figure, default 200 000), `print` (default false: the table is printed
 * when run directly).
 *
 * The warm-up lets V8 finish compiling each Node server's hot code: from a cold start the gateway
 * spent about 860 µs of CPU per request over its first 2 s at 32 connections, and reached its
 * steady cost after about 10 000 requests (the old warm-up, 2 000 requests at 8 connections,
 * left the compiler busy into the measured turns). nginx and the fake upstream need none.
 */
export async function runProxyBench(options = {}) {
  const sequentialCount = options.sequential ?? 2000;
  const durationMs = options.durationMs ?? 5000;
  const warmUpMs = options.warmUpMs ?? 4000;
  const soak = options.soak ?? 200_000;
  const upstream = await startChild([PARTS, 'upstream']);
  const gateway = await startChild(['--import', 'tsx', PARTS, 'gateway', String(upstream.port)]);
  const nginx = await startNginx(upstream.port);
  const forwarder = await startChild([PARTS, 'forwarder', String(upstream.port)]);
  const gateway2 = await startChild(['--import', 'tsx', PARTS, 'gateway', String(upstream.port), '2']);
  const nginx2 = await startNginx(upstream.port, 2);
  const targets = {
    direct: `http://127.0.0.1:${upstream.port}/public-api${PATH}`,
    gateway: `http://127.0.0.1:${gateway.port}/api/ampeco${PATH}`,
    nginx: `http://127.0.0.1:${nginx.port}/api/ampeco${PATH}`,
  };
  const withFloor = { ...targets, forwarder: `http://127.0.0.1:${forwarder.port}/api/ampeco${PATH}` };
  const twoProcessTargets = {
    gateway: `http://127.0.0.1:${gateway2.port}/api/ampeco${PATH}`,
    nginx: `http://127.0.0.1:${nginx2.port}/api/ampeco${PATH}`,
  };
  const serverPid = { gateway: gateway.child.pid, nginx: nginx.child.pid, forwarder: forwarder.child.pid };
  const processes = Object.fromEntries(
    ['direct', 'gateway', 'nginx', 'forwarder'].map((name) => [
      name,
      name === 'direct' ? { upstream: upstream.child.pid } : { server: serverPid[name], upstream: upstream.child.pid },
    ]),
  );
  const twoProcesses = {
    gateway: { server: gateway2.child.pid, upstream: upstream.child.pid },
    nginx: { server: nginx2.child.pid, upstream: upstream.child.pid },
  };
  try {
    const check = await fetch(targets.gateway);
    const body = await check.json();
    if (check.status !== 200 || typeof body.meta?.capability !== 'string' || 'authorizedTokenIds' in body.data[0]) {
      throw new Error(`the gateway answered ${check.status} ${JSON.stringify(body)}`);
    }
    const result = {
      route: 'GET /resources/booking-requests/v1.0?filter[externalId]=… (never cached)',
      environment: {
        node: process.version,
        platform: `${process.platform}-${process.arch}`,
        cpus: availableParallelism(),
        loadAverage: { before: loadavg()[0].toFixed(2), after: '' },
      },
      sequential: {},
      at32: {},
      at256: {},
      at32TwoProcesses: {},
    };
    for (const url of [...Object.values(withFloor), ...Object.values(twoProcessTargets)]) {
      await load(url, 32, { durationMs: warmUpMs });
    }
    const rounds = Math.max(1, Math.round(durationMs / 1000));
    result.sequential = await interleaved(withFloor, 1, {
      rounds: Math.max(1, Math.round(sequentialCount / 500)),
      sliceMs: 500,
    });
    result.at32 = await interleaved(withFloor, 32, { rounds, sliceMs: 1000, processes });
    result.at256 = await interleaved(targets, 256, { rounds, sliceMs: 1000 });
    result.at32TwoProcesses = await interleaved(twoProcessTargets, 32, {
      rounds,
      sliceMs: 1000,
      processes: twoProcesses,
    });
    const before = rssMb(gateway.child.pid);
    const soakRun = await load(targets.gateway, 32, { requests: soak });
    const after = rssMb(gateway.child.pid);
    result.gatewayRss = { requests: soak, beforeMb: before, afterMb: after, reqPerSec: soakRun.reqPerSec };
    result.summary = {
      addedP50Ms: {
        gateway: round(result.sequential.gateway.p50Ms - result.sequential.direct.p50Ms),
        nginx: round(result.sequential.nginx.p50Ms - result.sequential.direct.p50Ms),
        forwarder: round(result.sequential.forwarder.p50Ms - result.sequential.direct.p50Ms),
      },
      throughputVsNginx: round(result.at32.gateway.reqPerSec / result.at32.nginx.reqPerSec),
      // The floor: what a Node forwarder that does nothing but forward reaches beside nginx, and
      // the share of that floor the gateway keeps with its checks, reduction, redaction and signing.
      forwarderVsNginx: round(result.at32.forwarder.reqPerSec / result.at32.nginx.reqPerSec),
      gatewayVsForwarder: round(result.at32.gateway.reqPerSec / result.at32.forwarder.reqPerSec),
      throughputVsNginxTwoProcesses: round(
        result.at32TwoProcesses.gateway.reqPerSec / result.at32TwoProcesses.nginx.reqPerSec,
      ),
      p99At256Ms: { gateway: result.at256.gateway.p99Ms, nginx: result.at256.nginx.p99Ms },
      goals: 'throughput >= 0.5 x nginx, added p50 <= 0.3 ms, p99 at 256 connections <= 100 ms, RSS flat',
    };
    result.environment.loadAverage.after = loadavg()[0].toFixed(2);
    if (options.print === true) print(result);
    return result;
  } finally {
    gateway.child.kill('SIGTERM');
    gateway2.child.kill('SIGTERM');
    forwarder.child.kill('SIGTERM');
    upstream.child.kill('SIGTERM');
    for (const server of [nginx, nginx2]) {
      server.child.kill('SIGTERM');
      await new Promise((resolve) => server.child.once('exit', resolve));
      rmSync(server.prefix, { recursive: true, force: true });
    }
  }
}

function print(result) {
  const rows = [
    ['run', 'target', 'requests', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'CPU µs/req server+upstream+load'],
  ];
  const cpu = (f) => {
    const c = f.cpuUsPerRequest;
    return c === undefined ? '' : `${c.server ?? '-'} + ${c.upstream} + ${c.loadGenerator}`;
  };
  for (const [run, label] of [
    ['sequential', '1 connection'],
    ['at32', '32 connections'],
    ['at256', '256 connections'],
    ['at32TwoProcesses', '32 conn., 2 processes'],
  ]) {
    for (const target of ['direct', 'gateway', 'nginx', 'forwarder']) {
      const f = result[run][target];
      if (f !== undefined)
        rows.push([label, target, f.requests, f.p50Ms, f.p99Ms, f.maxMs, f.reqPerSec, cpu(f)].map(String));
    }
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row) =>
    row.map((cell, column) => (column < 2 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const { node, cpus, loadAverage } = result.environment;
  console.log(
    `proxy bench: ${result.route}, loopback, ${node}, ${cpus} CPUs, load average ${loadAverage.before} → ${loadAverage.after}`,
  );
  console.log(line(rows[0]));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows.slice(1)) console.log(line(row));
  const { summary: s, gatewayRss: rss } = result;
  console.log(
    `added p50: gateway +${s.addedP50Ms.gateway} ms, nginx +${s.addedP50Ms.nginx} ms; ` +
      `gateway/nginx throughput at 32 connections: ${s.throughputVsNginx} ` +
      `(2 processes each: ${s.throughputVsNginxTwoProcesses}); ` +
      `bare node:http forwarder (the floor): ${s.forwarderVsNginx} of nginx, +${s.addedP50Ms.forwarder} ms at p50, ` +
      `the gateway ${s.gatewayVsForwarder} of it; ` +
      `p99 at 256: gateway ${s.p99At256Ms.gateway} ms, nginx ${s.p99At256Ms.nginx} ms; ` +
      `gateway RSS ${rss.beforeMb} → ${rss.afterMb} MB over ${rss.requests} requests`,
  );
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await runProxyBench({ print: true });
  console.log(JSON.stringify(result));
}
