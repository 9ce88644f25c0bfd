/**
 * One create per `externalId` at the gateway (SPEC §8 "never two bookings for one click"): a
 * create the browser sends again with the same `externalId` (a dropped connection) never reaches
 * upstream while the first is on its way or once it was made, on one instance or across two that
 * share Redis; a create refused (by the gateway or by upstream) frees its `externalId`; after an
 * unknown fate, the widget's resend goes through only when upstream holds no such request.
 * Real Node servers over loopback, the simulator behind them, a real `redis-server`.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Redis } from 'ioredis';
import { limitsOver, parseLimitsConfig } from '../../server/limits/index.js';
import { connectRedis } from '../../server/limits/redis.js';
import { startProxyServer, type ProxyServer } from '../../server/node-server.js';
import { createSimulator } from '../../server/simulator.js';
import { startRedis, type RedisProcess } from './redis.js';

const START = Date.parse('2026-03-01T06:00:00Z');
const TAKEN = 'The external id has already been taken.';
const TAKEN_ANSWER = { message: TAKEN, errors: { externalId: [TAKEN] } };

/** What happens to a create that reaches the fixture: `send` passes it on to the simulator. */
type CreateHook = (send: () => Promise<Response>) => Promise<Response>;

/** The simulator behind a hook on creates, counting the creates it was sent and the look-ups by externalId. */
function simulatedUpstream(): {
  fetch: (request: Request) => Promise<Response>;
  hooks: CreateHook[];
  created: () => number;
  lookups: () => number;
} {
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
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { promise, fire };
}

function booking(overrides: Record<string, unknown> = {}): Record<string, unknown> {
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

async function create(server: ProxyServer, body: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/ampeco/resources/booking-requests/v1.0`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function lookUp(server: ProxyServer, externalId: unknown): Promise<unknown[]> {
  const query = new URLSearchParams({ 'filter[externalId]': String(externalId) });
  const response = await fetch(`${server.url}/api/ampeco/resources/booking-requests/v1.0?${query}`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { data: unknown[] }).data;
}

const servers: ProxyServer[] = [];

/** A gateway on a loopback port in front of `upstream`, with its limits in `redis` (or in memory). */
async function gateway(
  upstream: ReturnType<typeof simulatedUpstream>,
  redis: Redis | null = null,
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
  });
  servers.push(server);
  return server;
}

after(async () => {
  for (const server of servers.splice(0)) await server.close();
});

describe('one create per externalId, on one gateway', () => {
  test('a second create while the first is on its way never reaches upstream; it gets the 422 of a taken externalId', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    const reached = signal();
    const answer = signal();
    upstream.hooks.push(async (send) => {
      reached.fire();
      await answer.promise;
      return send();
    });
    const body = booking();
    const first = create(server, body);
    await reached.promise;
    const second = await create(server, body);
    answer.fire();
    assert.equal(second.status, 422);
    assert.deepEqual(second.body, TAKEN_ANSWER);
    assert.equal((await first).status, 201);
    assert.equal(upstream.created(), 1);
    // What the widget does with that 422: it finds the one request by its externalId.
    assert.equal((await lookUp(server, body['externalId'])).length, 1);
  });

  test('five creates with one externalId at once: one 201, four 422, one booking request upstream', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    const body = booking();
    const answers = await Promise.all(Array.from({ length: 5 }, () => create(server, body)));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 422, 422, 422, 422]);
    for (const answer of answers.filter(({ status }) => status === 422)) assert.deepEqual(answer.body, TAKEN_ANSWER);
    assert.equal(upstream.created(), 1);
  });

  test('the externalId is held once made: a replay much later still never reaches upstream', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    const body = booking();
    assert.equal((await create(server, body)).status, 201);
    assert.equal((await lookUp(server, body['externalId'])).length, 1);
    const replay = await create(server, { ...body, externalId: String(body['externalId']).toUpperCase() });
    assert.deepEqual(replay, { status: 422, body: TAKEN_ANSWER });
    assert.equal(upstream.created(), 1);
  });

  test('a create refused by upstream frees its externalId', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    upstream.hooks.push(async () =>
      Response.json(
        { message: 'The selected evse id is invalid.', errors: { evseId: ['The selected evse id is invalid.'] } },
        { status: 422 },
      ),
    );
    const body = booking();
    const refused = await create(server, body);
    assert.equal(refused.status, 422);
    assert.deepEqual((refused.body as { errors: unknown }).errors, { evseId: ['The selected evse id is invalid.'] });
    assert.equal((await create(server, body)).status, 201);
    assert.equal(upstream.created(), 1);
  });

  test('creates the gateway refuses claim nothing: no account, beyond the horizon', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    const body = booking();
    const noAccount = await create(server, { ...body, email: 'nobody@example.com' });
    assert.equal((noAccount.body as { reason: string }).reason, 'no-account');
    const tooFar = await create(server, { ...body, startAt: '2026-06-01T10:00:00Z', endAt: '2026-06-01T11:00:00Z' });
    assert.equal(tooFar.status, 422);
    assert.equal((await create(server, body)).status, 201);
    assert.equal(upstream.created(), 1);
  });
});

describe('a create whose fate is unknown', () => {
  test('upstream made it but its answer was lost: the resend is answered as taken, and not sent', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    upstream.hooks.push(async (send) => {
      await send();
      throw new TypeError('socket hang up');
    });
    const body = booking();
    assert.equal((await create(server, body)).status, 502);
    assert.deepEqual(await create(server, body), { status: 422, body: TAKEN_ANSWER });
    assert.equal(upstream.created(), 1);
    assert.equal((await lookUp(server, body['externalId'])).length, 1);
  });

  test('upstream never got it: the resend with the same externalId goes through, once', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    upstream.hooks.push(async () => {
      throw new TypeError('connect ECONNRESET');
    });
    const body = booking();
    assert.equal((await create(server, body)).status, 502);
    const resends = await Promise.all([create(server, body), create(server, body)]);
    assert.deepEqual(resends.map((answer) => answer.status).sort(), [201, 422]);
    assert.equal(upstream.created(), 1);
  });

  test('a 5xx from upstream is an unknown fate too: the resend is checked upstream, then sent', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    upstream.hooks.push(async () => Response.json({ message: 'Bad gateway' }, { status: 502 }));
    const body = booking();
    assert.equal((await create(server, body)).status, 502);
    const lookupsBefore = upstream.lookups();
    assert.equal((await create(server, body)).status, 201);
    assert.equal(upstream.lookups(), lookupsBefore + 1, 'the gateway asked upstream first');
    assert.equal(upstream.created(), 1);
  });
});

describe('one create per externalId across two gateways sharing Redis', () => {
  let redis: RedisProcess;
  const connections: Redis[] = [];

  before(async () => {
    redis = await startRedis();
    for (let i = 0; i < 2; i += 1) connections.push(await connectRedis(redis.url));
  });

  beforeEach(async () => {
    await connections[0]?.flushdb();
  });

  after(async () => {
    for (const server of servers.splice(0)) await server.close();
    for (const connection of connections) connection.disconnect();
    await redis.stop();
  });

  async function twoGateways(upstream: ReturnType<typeof simulatedUpstream>): Promise<[ProxyServer, ProxyServer]> {
    return [await gateway(upstream, connections[0] ?? null), await gateway(upstream, connections[1] ?? null)];
  }

  test('the second instance refuses the replay of a create the first made', async () => {
    const upstream = simulatedUpstream();
    const [first, second] = await twoGateways(upstream);
    const body = booking();
    assert.equal((await create(first, body)).status, 201);
    assert.deepEqual(await create(second, body), { status: 422, body: TAKEN_ANSWER });
    assert.equal(upstream.created(), 1);
  });

  test('the second instance refuses it while the first is still on its way', async () => {
    const upstream = simulatedUpstream();
    const [first, second] = await twoGateways(upstream);
    const reached = signal();
    const answer = signal();
    upstream.hooks.push(async (send) => {
      reached.fire();
      await answer.promise;
      return send();
    });
    const body = booking();
    const made = create(first, body);
    await reached.promise;
    const replay = await create(second, body);
    answer.fire();
    assert.deepEqual(replay, { status: 422, body: TAKEN_ANSWER });
    assert.equal((await made).status, 201);
    assert.equal(upstream.created(), 1);
  });

  test('creates at once on both instances: one booking request upstream', async () => {
    const upstream = simulatedUpstream();
    const [first, second] = await twoGateways(upstream);
    const body = booking();
    const answers = await Promise.all([first, second, first, second].map((server) => create(server, body)));
    assert.deepEqual(answers.map((answer) => answer.status).sort(), [201, 422, 422, 422]);
    assert.equal(upstream.created(), 1);
  });

  test('a refusal on one instance frees the externalId for the other; an unknown fate lets one resend through', async () => {
    const upstream = simulatedUpstream();
    const [first, second] = await twoGateways(upstream);
    upstream.hooks.push(async () => Response.json({ message: 'Conflict.' }, { status: 409 }));
    const refused = booking();
    assert.equal((await create(first, refused)).status, 409);
    assert.equal((await create(second, refused)).status, 201);

    upstream.hooks.push(async () => {
      throw new TypeError('socket hang up');
    });
    const lost = booking({ startAt: '2026-03-03T10:00:00Z', endAt: '2026-03-03T11:00:00Z' });
    assert.equal((await create(first, lost)).status, 502);
    const resends = await Promise.all([create(second, lost), create(first, lost)]);
    assert.deepEqual(resends.map((answer) => answer.status).sort(), [201, 422]);
    assert.equal(upstream.created(), 2);
  });
});

describe('when the claims cannot be stored', () => {
  test('Redis gone: the create answers 503 and nothing is sent upstream', async () => {
    const lost = await startRedis();
    const connection = await connectRedis(lost.url);
    try {
      const upstream = simulatedUpstream();
      const server = await gateway(upstream, connection);
      await lost.stop();
      const answer = await create(server, booking());
      assert.equal(answer.status, 503);
      assert.equal(upstream.created(), 0);
    } finally {
      connection.disconnect();
      for (const server of servers.splice(0)) await server.close();
    }
  });
});
