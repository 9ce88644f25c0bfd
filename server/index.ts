/**
 * The reference proxy for embedding pages: a Web-standard `(Request) => Promise<Response>` handler
 * that runs unchanged on Node and edge runtimes, its Node server, and the Ampeco simulator.
 */
export { createProxy, type ProxyOptions, type ProxyHandler, type ProxyLogEntry } from './proxy.js';
export { startProxyServer, type ProxyServer, type ProxyServerConfig } from './node-server.js';
export { parseConfig, ConfigError, type Config } from './config.js';
export { createSimulator, type Simulator, type SimulatorOptions } from './simulator.js';
