/**
 * A generated site for the benchmarks: the simulator's location 7 (Europe/Sofia) with
 * `chargePoints` × `evsesPerChargePoint` bookable EVSEs, each free 2.5 h out of every 3 h (offset
 * per EVSE), so that the availability has thousands of windows (200 EVSEs × 7 days ≈ 11,000
 * windows, ~750 KB of JSON per 7-day answer, as a big site's would be).
 *
 * The location and the shapes of charge points and EVSEs come from the simulator (its answers are
 * checked against Ampeco's OpenAPI definition), only multiplied; every other request is the
 * simulator's own.
 */

const HOUR = 3_600_000;
/** Each EVSE is free for FREE out of every PERIOD. */
const PERIOD = 3 * HOUR;
const FREE = 2.5 * HOUR;
const isoSeconds = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** An API handler (`Request → Response`, paths under `/public-api`) for the generated site. */
export function generatedSite(simulator, { chargePoints, evsesPerChargePoint }) {
  const get = async (path) =>
    (
      await simulator.fetch(
        new Request(`http://simulator.invalid/public-api${path}`, { headers: { authorization: 'Bearer bench' } }),
      )
    ).json();
  const json = (body) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const chargePointIds = Array.from({ length: chargePoints }, (_, i) => 1001 + i);
  const evseId = (chargePoint, i) => (chargePoint - 1000) * 100 + i + 1;
  const evseIds = chargePointIds.flatMap((cp) => Array.from({ length: evsesPerChargePoint }, (_, i) => evseId(cp, i)));
  let templates;
  const template = async () =>
    (templates ??= {
      chargePoints: await get('/resources/charge-points/v2.0?filter[locationId]=7'),
      evses: await get('/resources/charge-points/v2.0/101/evses?include[]=connectors'),
    });

  /**
   * The availability answer, written straight as JSON from windows serialized once: the bench's
   * server must answer within its fixed delay even on a busy machine (building and stringifying
   * 11,000 objects per answer took it 300 ms there, and answers queued behind each other), and
   * each of the six distinct window lists joined once per answer (~1 ms instead of ~15).
   */
  const base = Math.floor(Date.now() / HOUR) * HOUR - PERIOD;
  const serialized = new Map();
  const windowJson = (start, end) => `{"startAt":"${isoSeconds(start)}","endAt":"${isoSeconds(end)}"}`;
  const whole = (t) => serialized.get(t) ?? serialized.set(t, windowJson(t, t + FREE)).get(t);
  /** The windows within [from, to) of the EVSEs whose first window starts at `first`, as JSON. */
  const windowsFrom = (first, from, to) => {
    const windows = [];
    for (let k = Math.max(0, Math.floor((from - first - FREE) / PERIOD) + 1); first + k * PERIOD < to; k++) {
      const t = first + k * PERIOD;
      windows.push(t >= from && t + FREE <= to ? whole(t) : windowJson(Math.max(t, from), Math.min(t + FREE, to)));
    }
    return windows.join(',');
  };
  // EVSE n's windows start at one of SHIFTS offsets (n % SHIFTS): each list is written once per answer.
  const SHIFTS = 6;
  const availability = (from, to) => {
    const lists = Array.from({ length: SHIFTS }, (_, shift) => windowsFrom(base + shift * 30 * 60_000, from, to));
    const items = evseIds.map((id, n) => `{"evseId":${id},"availableSlots":[${lists[n % SHIFTS]}]}`);
    return `{"data":[${items.join(',')}]}`;
  };

  availability(Date.now(), Date.now() + 30 * 24 * HOUR);

  const handler = async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace('/public-api', '');
    if (request.method === 'GET' && path === '/resources/charge-points/v2.0') {
      const list = (await template()).chargePoints;
      return json({
        ...list,
        data: chargePointIds.map((id, i) => ({ ...list.data[0], id, name: `Charger ${i + 1}` })),
      });
    }
    const evses = /^\/resources\/charge-points\/v2\.0\/(\d+)\/evses$/.exec(path);
    if (request.method === 'GET' && evses && chargePointIds.includes(Number(evses[1]))) {
      const cp = Number(evses[1]);
      const list = (await template()).evses;
      const first = list.data[0];
      return json({
        ...list,
        data: Array.from({ length: evsesPerChargePoint }, (_, i) => {
          const id = evseId(cp, i);
          const n = (cp - 1001) * evsesPerChargePoint + i + 1;
          return {
            ...first,
            id,
            label: `Port ${n}`,
            physicalReference: `BENCH-${id}`,
            networkId: String(n),
            bookingEnabled: true,
            connectors: (first.connectors ?? []).map((c, k) => ({ ...c, id: id * 10 + k })),
          };
        }),
      });
    }
    if (request.method === 'POST' && /\/check-booking-availability$/.test(path)) {
      const { startAfter, endBefore } = await request.json();
      const body = availability(Date.parse(startAfter), Date.parse(endBefore));
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    }
    return simulator.fetch(request);
  };
  return { handler, evseIds };
}
