/**
 * The booking gateway for embedding pages (SPEC §9) on Node: everything of server/web.ts (the
 * Web-standard `(Request) => Promise<Response>` handler built on Hono, which runs unchanged on
 * edge runtimes, its limits, portal mode and the Ampeco simulator) plus what needs Node: its
 * server, the configuration of the command, the limits shared through Redis and the client's
 * address behind `TRUST_PROXY`. `ev-booking-widget/proxy` resolves to this on Node and to
 * server/web.ts on edge runtimes (package.json's export conditions); `ev-booking-widget/proxy/web`
 * is server/web.ts everywhere.
 */
export * from './web.js';
export { startProxyServer, type ProxyServer, type ProxyServerConfig } from './node-server.js';
export { parseConfig, type Config } from './config.js';
export { createLimits, type LimitsOptions } from './limits/connect.js';
export { clientAddress, clientKey, parseTrustProxy, type TrustProxy } from './client-address.js';
