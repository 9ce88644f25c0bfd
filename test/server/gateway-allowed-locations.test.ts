/**
 * `ALLOWED_LOCATION_IDS` on what names a charge point or an EVSE rather than a location, over real
 * HTTP: a Node gateway on a loopback port in front of the simulator (location 7: charge points 101
 * and 102, EVSEs 11–13 and 21–24; location 8: charge point 201, EVSEs 31–32), whose clock the
 * test moves. Before the fix, the EVSE list of any charge point of the tenant was readable.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { limitsOver, parseLimitsConfig } from '../../server/limits/index.js';
import type { ProxyServer } from '../../server/node-server.js';
import { booking, closeGateways, create, gateway, simulatedUpstream, START } from './external-id-support.js';

const EVSES = (chargePoint: number): string =>
  `/resources/charge-points/v2.0/${chargePoint}/evses?include[]=connectors`;

interface Setup {
  readonly server: ProxyServer;
  /** `METHOD path` of every call that reached upstream. */
  readonly upstream: string[];
  readonly advance: (ms: number) => void;
}

after(closeGateways);

async function gatewayWith(env: Record<string, string>): Promise<Setup> {
  let clock = START;
  const simulated = simulatedUpstream();
  const upstream: string[] = [];
  const server = await gateway(simulated, null, {
    now: () => clock,
    limits: limitsOver(parseLimitsConfig({ ACTIVE_BOOKINGS_PER_DRIVER: 'off', ...env }), null, () => clock),
    upstreamFetch: (request) => {
      upstream.push(`${request.method} ${new URL(request.url).pathname.replace('/public-api', '')}`);
      return simulated.fetch(request);
    },
  });
  return { server, upstream, advance: (ms) => (clock += ms) };
}

async function read(setup: Setup, path: string): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${setup.server.url}/api/ampeco${path}`);
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('ALLOWED_LOCATION_IDS and the EVSE list of a charge point', () => {
  test('the EVSEs of a charge point at another location answer as those of a charge point that does not exist', async () => {
    const setup = await gatewayWith({ ALLOWED_LOCATION_IDS: '7' });
    const elsewhere = await read(setup, EVSES(201));
    const nowhere = await read(setup, EVSES(999_999));
    assert.equal(nowhere.status, 404);
    assert.deepEqual(elsewhere, nowhere);
    assert.ok(!setup.upstream.includes('GET /resources/charge-points/v2.0/201/evses'), 'never asked upstream');
    const here = await read(setup, EVSES(101));
    assert.equal(here.status, 200);
    assert.deepEqual(
      (JSON.parse(here.text) as { data: { id: number }[] }).data.map((evse) => evse.id),
      [11, 12, 13],
    );
  });

  test('a charge point’s location costs one upstream read per cache lifetime (60 s)', async () => {
    const setup = await gatewayWith({ ALLOWED_LOCATION_IDS: '7' });
    const readsOf101 = (): number =>
      setup.upstream.filter((call) => call === 'GET /resources/charge-points/v2.0/101').length;
    assert.equal((await read(setup, EVSES(101))).status, 200);
    assert.equal((await read(setup, '/resources/charge-points/v2.0/101/evses')).status, 200);
    assert.equal((await read(setup, EVSES(201))).status, 404);
    assert.equal((await read(setup, EVSES(201))).status, 404);
    assert.equal(readsOf101(), 1);
    assert.equal(setup.upstream.filter((call) => call === 'GET /resources/charge-points/v2.0/201').length, 1);
    setup.advance(60_001);
    assert.equal((await read(setup, EVSES(101))).status, 200);
    assert.equal(readsOf101(), 2);
  });

  test('without ALLOWED_LOCATION_IDS, EVSEs are read and booked as before, with no extra upstream call', async () => {
    const setup = await gatewayWith({});
    assert.equal((await read(setup, EVSES(201))).status, 200);
    assert.equal((await read(setup, EVSES(999_999))).status, 404);
    assert.equal((await create(setup.server, booking({ evseId: 11 }))).status, 201);
    assert.deepEqual(setup.upstream, [
      'GET /resources/charge-points/v2.0/201/evses',
      'GET /resources/charge-points/v2.0/999999/evses',
      'GET /resources/users/v1.0',
      'POST /resources/booking-requests/v1.0',
    ]);
  });
});

describe('ALLOWED_LOCATION_IDS and the evseId of a create', () => {
  test('a port of another location, booked under an allowed location, is refused before anything is sent', async () => {
    const setup = await gatewayWith({ ALLOWED_LOCATION_IDS: '7' });
    const elsewhere = await create(setup.server, booking({ evseId: 31 }));
    assert.equal(elsewhere.status, 422);
    const body = elsewhere.body as { reason: string; errors: Record<string, string[]> };
    assert.equal(body.reason, 'location-not-allowed');
    assert.ok(Array.isArray(body.errors['evseId']));
    assert.deepEqual(
      await create(setup.server, booking({ evseId: 999_999 })),
      elsewhere,
      'as a port that does not exist',
    );
    assert.deepEqual(
      setup.upstream.filter((call) => call.startsWith('POST') || call.includes('/users/')),
      [],
      'neither the driver looked up nor a booking request sent',
    );
    assert.equal((await create(setup.server, booking({ evseId: 11 }))).status, 201);
  });
});
