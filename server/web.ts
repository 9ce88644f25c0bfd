/**
 * The booking gateway for edge runtimes (Cloudflare Workers, Vercel Edge, Deno Deploy, …) and
 * any other Web-standard host (SPEC §9): the `(Request) => Promise<Response>` handler, its limits
 * (per instance: Redis is the Node server's), portal mode and the simulator, with no `node:`
 * module anywhere in its module graph. Capabilities are signed with Web Crypto, answers
 * compressed with `CompressionStream`, upstream reached with `fetch`. The Node server and what
 * needs Node (`startProxyServer`, `createLimits` with `REDIS_URL`, `parseConfig`, the client
 * address behind `TRUST_PROXY`) are in server/index.ts, which re-exports this.
 */
export { createProxy, type ProxyOptions, type ProxyHandler, type ProxyLogEntry } from './proxy.js';
export { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
export { ConfigError } from './config-error.js';
export { createSimulator, type Simulator, type SimulatorOptions } from './simulator.js';
export type { UpstreamCall, UpstreamRequest, UpstreamOutcome, UpstreamFetch } from './upstream.js';
export type { CreateAttempt, CreateCheck } from './runtime.js';
export { limitsOver, parseLimitsConfig, type Limits, type LimitsConfig } from './limits/index.js';
export { createPortalAuth, parsePortalAuthConfig, type PortalAuth, type PortalAuthConfig } from './portal-auth.js';
