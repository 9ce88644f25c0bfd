/**
 * Shared by the tests of one create per `externalId` (gateway-external-id*.test.ts): the
 * simulator behind a hook on creates that counts what reached it, real gateways on loopback
 * ports, and the widget's two calls (create, look-up by `externalId`).
 */
import assert from 'node:assert/strict';
import type { Redis } from 'ioredis';
import { limitsOver, parseLimitsConfig } from '../../server/limits/index.js';
import { startProxyServer, type ProxyServer, type ProxyServerConfig } from '../../server/node-server.js';
import { createSimulator } from '../../server/simulator.js';

export const START = Date.parse('2026-03-01T06:00:00Z');
export const TAKEN = 'The external id has already been taken.';
export const TAKEN_ANSWER = { message: TAKEN, errors: { externalId: [TAKEN] } };

/** What happens to a create that reaches the fixture: `send` passes it on to the simulator. */
export type CreateHook = (send: () => Promise<Response>) => Promise<Response>;

/** The simulator behind a hook on creates, counting the creates it was sent and the look-ups by externalId. */
export interface SimulatedUpstream {
  fetch: (request: Request) => Promise<Response>;
  hooks: CreateHook[];
  created: () => number;
  lookups: () => number;
}

export function simulatedUpstream(): SimulatedUpstream {
  const simulator = createSimulator({ now: () => START, pendingMs: 60_000 });
  const hooks: CreateHook[] = [];
  let created = 0;
  let lookups = 0;
  const fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    if (url.searchParams.has('filter[externalId]')) lookups += 1;
    if (request.method !== 'POST' || !url.pathname.endsWith('/booking-requests/v1.0')) return simulator.fetch(request);
    const send = (): Promise<Response> => {
      created += 1;
      return simulator.fetch(request);
    };
    const hook = hooks.shift();
    return hook === undefined ? send() : hook(send);
  };
  return { fetch, hooks, created: () => created, lookups: () => lookups };
}

/** A promise and the function that settles it. */
export function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

/**
 * Holds the next create that reaches `upstream` until `release()`: `reached` resolves once it is
 * there (on its way upstream, not answered yet).
 */
export function holdNextCreate(upstream: SimulatedUpstream): { reached: Promise<void>; release: () => void } {
  const reached = signal();
  const answer = signal();
  upstream.hooks.push(async (send) => {
    reached.fire();
    await answer.promise;
    return send();
  });
  return { reached: reached.promise, release: answer.fire };
}

export function booking(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'create',
    email: 'driver@example.com',
    locationId: 7,
    startAt: '2026-03-02T10:00:00Z',
    endAt: '2026-03-02T11:00:00Z',
    evseId: 11,
    externalId: crypto.randomUUID(),
    ...overrides,
  };
}

export async function create(
  server: ProxyServer,
  body: Record<string, unknown>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/ampeco/resources/booking-requests/v1.0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

export async function lookUp(server: ProxyServer, externalId: unknown): Promise<unknown[]> {
  const query = new URLSearchParams({ 'filter[externalId]': String(externalId) });
  const response = await fetch(`${server.url}/api/ampeco/resources/booking-requests/v1.0?${query}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { data: unknown[] }).data;
}

const servers: ProxyServer[] = [];

/** Closes every gateway `gateway` started. */
export async function closeGateways(): Promise<void> {
  for (const server of servers.splice(0)) await server.close();
}

/** A gateway on a loopback port in front of `upstream`, with its limits in `redis` (or in memory), and `more` options. */
export async function gateway(
  upstream: SimulatedUpstream,
  redis: Redis | null = null,
  more: Partial<ProxyServerConfig> = {},
): Promise<ProxyServer> {
  const config = parseLimitsConfig({ CREATES_PER_HOUR: '1000', ACTIVE_BOOKINGS_PER_DRIVER: 'off' });
  const server = await startProxyServer({
    host: '127.0.0.1',
    port: 0,
    upstreamUrl: 'http://simulator.invalid/public-api',
    token: 'simulator-token',
    capabilitySecret: 'one secret shared by every instance, 32+ chars',
    upstreamFetch: upstream.fetch,
    now: () => START,
    limits: limitsOver(config, redis, () => START),
    ...more,
  });
  servers.push(server);
  return server;
}
