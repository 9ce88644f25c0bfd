/**
 * `WORKERS=N`: the gateway as N processes on one port (node:cluster), the way nginx runs one
 * worker per core. The primary only forks and watches: each worker runs the whole gateway
 * (server/cli.ts `main`) and shares the limits through `REDIS_URL`, which config.ts requires
 * for N > 1 (as for N instances behind a load balancer).
 *
 * A worker that stops before it listens (configuration, Redis or port trouble) stops them all
 * with its exit code; one that stops later is replaced.
 */
import cluster, { type Worker } from 'node:cluster';

export interface WorkersIo {
  readonly stdout: (line: string) => void;
  readonly stderr: (line: string) => void;
}

/** Forks `count` workers of the current program and keeps them running until SIGINT / SIGTERM. */
export function runWorkers(count: number, io: WorkersIo): void {
  const listening = new Set<Worker>();
  let stopping = false;

  const stop = (exitCode: number): void => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
  };

  cluster.on('listening', (worker) => {
    listening.add(worker);
    if (listening.size === count) io.stdout(`ev-booking-proxy: ${count} workers listening`);
  });
  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker);
    if (stopping) return;
    if (!wasListening) {
      stop(code === 0 || code === null ? 1 : code);
      return;
    }
    io.stderr(`ev-booking-proxy: worker ${worker.process.pid ?? '?'} stopped (${signal ?? code}); starting another`);
    cluster.fork();
  });
  process.once('SIGINT', () => stop(0));
  process.once('SIGTERM', () => stop(0));
  for (let index = 0; index < count; index += 1) cluster.fork();
}
