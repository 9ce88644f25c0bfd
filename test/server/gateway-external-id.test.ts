/**
 * One create per `externalId` at the gateway (SPEC §8 "never two bookings for one click"), on one
 * instance: a create the browser sends again with the same `externalId` (a dropped connection)
 * never reaches upstream while the first is on its way or once it was made; a create refused (by
 * the gateway or by upstream) frees its `externalId`; after an unknown fate, the widget's resend
 * goes through only when upstream holds no such request. Real Node servers over loopback, the
 * simulator behind them. Across instances sharing Redis: gateway-external-id-redis.test.ts.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  booking,
  closeGateways,
  create,
  gateway,
  lookUp,
  holdNextCreate,
  simulatedUpstream,
  TAKEN_ANSWER,
} from './external-id-support.js';

after(closeGateways);

describe('one create per externalId, on one gateway', () => {
  test('a second create while the first is on its way never reaches upstream; it gets the 422 of a taken externalId', async () => {
    const upstream = simulatedUpstream();
    const server = await gateway(upstream);
    const held = holdNextCreate(upstream);
    const body = booking();
    const first = create(server, body);
    await held.reached;
    const second = await create(server, body);
    held.release();
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

  test('the gateway failing while it sends the create (500): the resend is checked upstream, then sent', async () => {
    const upstream = simulatedUpstream();
    let failures = 1;
    const server = await gateway(upstream, null, {
      wrapUpstream: (door) => async (request) => {
        if (request.method === 'POST' && failures > 0) {
          failures -= 1;
          throw new Error('a bug between the claim and upstream');
        }
        return door(request);
      },
    });
    const body = booking();
    assert.equal((await create(server, body)).status, 500);
    assert.equal((await create(server, body)).status, 201);
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
