/**
 * The gateway as a plain `(Request) => Promise<Response>` handler (SPEC §9): what an edge
 * runtime, a serverless function or a test mounts. Built by server/gateway.ts.
 */
import { createGateway, type GatewayOptions } from './gateway.js';

export { pathProblem, requestTargetProblem } from './path-guard.js';
export type { ProxyLogEntry } from './types.js';
export type { UpstreamFetch, UpstreamCall, UpstreamRequest, UpstreamOutcome } from './upstream.js';

export type ProxyOptions = GatewayOptions;
export type ProxyHandler = (request: Request) => Promise<Response>;

/** Creates the handler. Throws `TypeError` on an unusable upstream URL, token, secret or limit. */
export function createProxy(options: ProxyOptions): ProxyHandler {
  const gateway = createGateway(options);
  return (request) => gateway.fetch(request);
}
