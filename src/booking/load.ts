/**
 * The first load (SPEC §4 steps 1–4) and the availability reload, on an API client: no DOM.
 */
import type { ReadCalls, CallOptions } from '../api/client.js';
import type { Evse, Location, TimeWindow } from '../api/schemas.js';
import { availabilityRanges, resolveTimeZone } from './slots.js';

/** The open windows per EVSE id. */
export type Availability = Map<number, TimeWindow[]>;

/**
 * What the first load brings. Shown in two waves (SPEC §4, v2): first the location and the
 * availability, with `ports` standing in as bare ids (the availability's EVSEs within `evse-ids`)
 * and `portsReady` false; then the ports' details (`portsReady` true).
 */
export interface LoadedData {
  location: Location;
  /** The location's timezone, or the browser's when it has none. */
  timeZone: string;
  /** The bookable ports (within `evse-ids`), in list order; bare ids until `portsReady`. */
  ports: Evse[];
  /** Whether steps 2–3 answered: `ports` has the ports' details and only bookable ones. */
  portsReady: boolean;
  availability: Availability;
}

export interface LoadInput {
  locationId: number;
  /** How many days ahead (1–28). */
  days: number;
  /** Offer only these EVSEs (empty: all). */
  evseIds: readonly number[];
}

/** Steps 2 and 3: charge points (all pages), then their EVSEs in parallel; only bookable ones. */
export async function loadPorts(
  client: ReadCalls,
  { locationId, evseIds }: LoadInput,
  call: CallOptions = {},
): Promise<Evse[]> {
  const chargePoints = await client.listChargePoints(locationId, call);
  const lists = await Promise.all(chargePoints.map((chargePoint) => client.listEvses(chargePoint.id, call)));
  return lists
    .flat()
    .filter((evse) => evse.bookingEnabled === true && (evseIds.length === 0 || evseIds.includes(evse.id)));
}

/** Step 4: the open windows per EVSE from now over `days`, at most 7 days per request, in parallel. */
export async function loadAvailability(
  client: ReadCalls,
  { locationId, days }: LoadInput,
  call: CallOptions = {},
): Promise<Availability> {
  // The timezone is not known yet (the location is read at the same time): `days` × 24 h from now.
  const ranges = availabilityRanges(Date.now(), days);
  const responses = await Promise.all(ranges.map((range) => client.checkAvailability(locationId, range, call)));
  const availability: Availability = new Map();
  for (const item of responses.flat()) {
    availability.set(item.evseId, [...(availability.get(item.evseId) ?? []), ...item.availableSlots]);
  }
  return availability;
}

/** The ports as far as the availability tells them: its EVSEs (within `evse-ids`) as bare ids, in its order. */
export function portsOfAvailability(availability: Availability, evseIds: readonly number[]): Evse[] {
  return [...availability.keys()].filter((id) => evseIds.length === 0 || evseIds.includes(id)).map((id) => ({ id }));
}

/** The first load's two waves, asked at the same time. */
export interface FirstLoad {
  /** Steps 1 and 4: what the start times need. */
  times: Promise<LoadedData>;
  /** Steps 2 and 3: the bookable ports with their details. */
  ports: Promise<Evse[]>;
}

/**
 * Steps 1–4: the location, every availability window (at most 4 for 28 days) and the charge
 * points are asked at once, at most 6 requests before the first start times (a browser's
 * HTTP/1.1 connections per origin); the EVSE lists follow the charge points.
 */
export function startLoad(client: ReadCalls, input: LoadInput, call: CallOptions = {}): FirstLoad {
  const location = client.getLocation(input.locationId, call);
  const availability = loadAvailability(client, input, call);
  const ports = loadPorts(client, input, call);
  // Waited for later (or never, when the times fail first): not an unhandled rejection meanwhile.
  ports.catch(() => undefined);
  const times = Promise.all([location, availability]).then(([location, availability]): LoadedData => ({
    location,
    timeZone: resolveTimeZone(location.timezone),
    ports: portsOfAvailability(availability, input.evseIds),
    portsReady: false,
    availability,
  }));
  return { times, ports };
}
