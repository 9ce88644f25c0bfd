/**
 * One create per `externalId` across two gateway instances sharing one real `redis-server`
 * (SPEC §8, §9 scale-out): a replay on the other instance never reaches upstream, a refusal or an
 * unknown fate on one is seen by the other; and with Redis gone, a create is not sent at all.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { connectRedis } from '../../server/limits/redis.js';
import type { ProxyServer } from '../../server/node-server.js';
import {
  booking,
  closeGateways,
  create,
  gateway,
  holdNextCreate,
  simulatedUpstream,
  TAKEN_ANSWER,
  type SimulatedUpstream,
} from './external-id-support.js';
import { redisForTests, startRedis } from './redis.js';

describe('one create per externalId across two gateways sharing Redis', () => {
  // Registered first: the gateways close before their Redis does.
  after(closeGateways);
  const { connections } = redisForTests(2);

  async function twoGateways(upstream: SimulatedUpstream): Promise<[ProxyServer, ProxyServer]> {
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
    const held = holdNextCreate(upstream);
    const body = booking();
    const made = create(first, body);
    await held.reached;
    const replay = await create(second, body);
    held.release();
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
      await closeGateways();
    }
  });
});
