/**
 * The booking gateway for embedding pages (SPEC §9): a Web-standard `(Request) => Promise<Response>`
 * handler built on Hono that runs unchanged on Node and edge runtimes, its Node server, and the
 * Ampeco simulator.
 */
export { createProxy, type ProxyOptions, type ProxyHandler, type ProxyLogEntry } from './proxy.js';
export { createGateway, type Gateway, type GatewayOptions } from './gateway.js';
export { startProxyServer, type ProxyServer, type ProxyServerConfig } from './node-server.js';
export { parseConfig, ConfigError, type Config } from './config.js';
export { createSimulator, type Simulator, type SimulatorOptions } from './simulator.js';
export type { UpstreamCall, UpstreamRequest, UpstreamOutcome, UpstreamFetch } from './upstream.js';
export type { CreateAttempt, CreateCheck } from './runtime.js';
export {
  createLimits,
  limitsOver,
  parseLimitsConfig,
  type Limits,
  type LimitsConfig,
  type LimitsOptions,
} from './limits/index.js';
export { createPortalAuth, parsePortalAuthConfig, type PortalAuth, type PortalAuthConfig } from './portal-auth.js';
export { clientAddress, clientKey, parseTrustProxy, type TrustProxy } from './client-address.js';
