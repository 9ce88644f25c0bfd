/**
 * Upstream calls on Node: an undici `Pool` of keep-alive connections to the upstream origin,
 * driven through its `dispatch` handler, the body read into one buffer: no Fetch objects, streams,
 * abort signals or events per call (global `fetch` was a third of the old proxy's busy time; a
 * node:http `ClientRequest` per call cost about twice the CPU of a dispatch). Same contract as
 * `fetchUpstream` (server/upstream.ts): one outcome per call, time-out over headers and body,
 * the body capped, no redirect followed.
 */
import { Pool } from 'undici';
import type Dispatcher from 'undici/types/dispatcher.js';
import {
  parseJsonBytes,
  validRetryAfter,
  type UpstreamCall,
  type UpstreamOutcome,
  type UpstreamTarget,
} from './upstream.js';

export interface NodeUpstream {
  readonly call: UpstreamCall;
  /** Closes the pool's connections. */
  close(): void;
}

/** The first value of a response header, by its lower-case name, from undici's raw name/value list. */
function headerValue(rawHeaders: readonly Buffer[], name: string): string | undefined {
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const key = rawHeaders[index] as Buffer;
    if (key.length === name.length && key.toString('latin1').toLowerCase() === name) {
      return (rawHeaders[index + 1] as Buffer).toString('latin1');
    }
  }
  return undefined;
}

export function nodeUpstream(target: UpstreamTarget, maxSockets = 256): NodeUpstream {
  const base = new URL(target.baseUrl);
  // As many idle connections kept as may be open, so that a burst's connections serve the next.
  const pool = new Pool(base.origin, { connections: maxSockets, pipelining: 1 });
  const authorization = `Bearer ${target.token}`;
  const basePath = base.pathname.replace(/\/+$/, '');
  const getHeaders = ['accept', 'application/json', 'authorization', authorization];
  const postHeaders = [...getHeaders, 'content-type', 'application/json'];

  const call: UpstreamCall = (request) =>
    new Promise<UpstreamOutcome>((resolve) => {
      let settled = false;
      let abort: ((error?: Error) => void) | null = null;
      let status = 502;
      let retryAfter: string | null = null;
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (outcome: UpstreamOutcome): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const stop = (outcome: UpstreamOutcome): void => {
        finish(outcome);
        abort?.();
      };
      const timer = setTimeout(() => stop({ kind: 'timeout' }), target.timeoutMs);
      const payload = request.body === undefined ? null : Buffer.from(JSON.stringify(request.body));
      const handler: Dispatcher.DispatchHandlers = {
        onConnect(abortRequest) {
          abort = abortRequest;
          if (settled) abortRequest();
        },
        onHeaders(statusCode, rawHeaders) {
          if (statusCode < 200) return true; // 1xx: the answer comes after
          status = statusCode;
          if (Number(headerValue(rawHeaders, 'content-length') ?? 0) > target.maxBodyBytes) {
            stop({ kind: 'failed', detail: 'upstream body too large' });
            return false;
          }
          retryAfter = validRetryAfter(headerValue(rawHeaders, 'retry-after'));
          return true;
        },
        onData(chunk) {
          size += chunk.byteLength;
          if (size > target.maxBodyBytes) {
            stop({ kind: 'failed', detail: 'upstream body too large' });
            return false;
          }
          chunks.push(chunk);
          return true;
        },
        onComplete() {
          const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
          finish({ kind: 'response', status, body: parseJsonBytes(bytes), retryAfter });
        },
        onError(error) {
          finish({ kind: 'failed', detail: `${error.name}: ${error.message}` });
        },
      };
      pool.dispatch(
        {
          method: request.method,
          path: `${basePath}${request.path}${request.query === '' ? '' : `?${request.query}`}`,
          headers: payload === null ? getHeaders : postHeaders,
          body: payload,
        },
        handler,
      );
    });

  return { call, close: () => void pool.destroy().catch(() => undefined) };
}
