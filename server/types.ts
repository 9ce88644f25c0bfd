/**
 * Types shared by the gateway's modules: JSON values, the Hono environment (bindings and
 * per-request variables) and the log entry.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GatewayRuntime } from './runtime.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether `value` is an id as Ampeco's resources have them: a positive safe integer. */
export const isPositiveInteger = (value: unknown): value is number =>
  Number.isSafeInteger(value) && (value as number) > 0;

/**
 * A fresh object without a prototype: keys that come from a client or from upstream
 * (`__proto__`, `constructor`, `toString`…) are plain own keys in it, never inherited members.
 */
export function record<T = Json>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

export interface GatewayVariables {
  /** What every handler shares: configuration, upstream, capabilities, redaction, logging. */
  gateway: GatewayRuntime;
  /** The name of the matched route (for the log), once matched. */
  route: string;
  /** The path of the matched route below the base, rebuilt from constants and validated ids. */
  upstreamPath: string;
  /** The validated query, in the route's own order. */
  query: URLSearchParams;
  /** Why the request body was refused (read before the limits slot, answered after it). */
  bodyRefusal: { readonly status: number; readonly message: string } | undefined;
  /** The request body, parsed and validated against the route's schema. */
  body: Json;
  /**
   * The email a create books for, when a middleware decides it (portal mode: the token's `email`
   * claim); otherwise the body's `email`.
   */
  driverEmail: string;
  /** The client's address as the limits see it, when a middleware sets it. */
  clientAddress: string;
}

/** Node's request and response when served by @hono/node-server; absent on other runtimes. */
export interface GatewayBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

export interface GatewayEnv {
  Bindings: GatewayBindings | undefined;
  Variables: GatewayVariables;
}

export interface ProxyLogEntry {
  readonly level: 'info' | 'warn' | 'error';
  readonly message: string;
  readonly method?: string;
  /** The request's path, never its query (which may carry an email address or an externalId). */
  readonly path?: string;
  readonly route?: string;
  readonly status?: number;
  readonly durationMs?: number;
  readonly detail?: string;
}
