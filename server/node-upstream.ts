/**
 * Upstream calls on Node: node:http / node:https with a keep-alive agent, the body read into one
 * buffer, no Fetch objects, streams or signals per call (global `fetch` was a third of the old
 * proxy's busy time). Same contract as `fetchUpstream` (server/upstream.ts).
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import {
  parseJsonBytes,
  validRetryAfter,
  type UpstreamCall,
  type UpstreamOutcome,
  type UpstreamTarget,
} from './upstream.js';

export interface NodeUpstream {
  readonly call: UpstreamCall;
  /** Closes the agent's idle sockets. */
  close(): void;
}

export function nodeUpstream(target: UpstreamTarget, maxSockets = 256): NodeUpstream {
  const base = new URL(target.baseUrl);
  const secure = base.protocol === 'https:';
  // As many idle sockets kept as may be open: with fewer, a burst's sockets beyond the cap are closed
  // when it ends and opened again by the next (connection churn in the tail at 256 connections).
  const agentOptions = { keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'lifo' as const };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;
  const authorization = `Bearer ${target.token}`;
  const basePath = base.pathname.replace(/\/+$/, '');
  // The target's parts once, not a URL parsed per call.
  const hostname = base.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = base.port === '' ? (secure ? 443 : 80) : Number(base.port);

  const call: UpstreamCall = (request) =>
    new Promise<UpstreamOutcome>((resolve) => {
      let settled = false;
      const finish = (outcome: UpstreamOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
      const headers: Record<string, string | number> = { accept: 'application/json', authorization };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = payload.byteLength;
      }
      const path = `${basePath}${request.path}${request.query === '' ? '' : `?${request.query}`}`;
      const options = { hostname, port, path, method: request.method, agent, headers };
      const outgoing = send(options, (response) => {
        readBody(response, target.maxBodyBytes, (bytes) => {
          if (bytes === null) {
            finish({ kind: 'failed', detail: 'upstream body too large' });
            return;
          }
          finish({
            kind: 'response',
            status: response.statusCode ?? 502,
            body: parseJsonBytes(bytes),
            retryAfter: validRetryAfter(response.headers['retry-after']),
          });
        });
        response.on('error', (error) => finish({ kind: 'failed', detail: `${error.name}: ${error.message}` }));
      });
      const timer = setTimeout(() => {
        finish({ kind: 'timeout' });
        outgoing.destroy();
      }, target.timeoutMs);
      outgoing.on('error', (error) => finish({ kind: 'failed', detail: `${error.name}: ${error.message}` }));
      outgoing.end(payload);
    });

  return { call, close: () => agent.destroy() };
}

/** Reads `response` whole into `done`, or calls `done(null)` and drops the socket past `cap` bytes. */
function readBody(response: IncomingMessage, cap: number, done: (bytes: Buffer | null) => void): void {
  if (Number(response.headers['content-length'] ?? 0) > cap) {
    response.destroy();
    done(null);
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  response.on('data', (chunk: Buffer) => {
    size += chunk.byteLength;
    if (size > cap) {
      response.destroy();
      done(null);
      return;
    }
    chunks.push(chunk);
  });
  response.on('end', () => done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size)));
}
