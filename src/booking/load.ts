/**
 * The first load (SPEC §4 steps 1–4) and the availability reload, on an API client: no DOM.
 */
import type { ApiClient, CallOptions } from '../api/client.js';
import type { Evse, Location, TimeWindow } from '../api/schemas.js';
import { availabilityRanges, resolveTimeZone } from './slots.js';

/** The open windows per EVSE id. */
export type Availability = Map<number, TimeWindow[]>;

/** What the first load brings. */
export interface LoadedData {
  location: Location;
  /** The location's timezone, or the browser's when it has none. */
  timeZone: string;
  /** The bookable ports (within `evse-ids`), in list order. */
  ports: Evse[];
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
async function loadPorts(client: ApiClient, { locationId, evseIds }: LoadInput, call: CallOptions): Promise<Evse[]> {
  const chargePoints = await client.listChargePoints(locationId, call);
  const lists = await Promise.all(chargePoints.map((chargePoint) => client.listEvses(chargePoint.id, call)));
  return lists
    .flat()
    .filter((evse) => evse.bookingEnabled === true && (evseIds.length === 0 || evseIds.includes(evse.id)));
}

/** Step 4: the open windows per EVSE from now over `days`, at most 7 days per request, in parallel. */
export async function loadAvailability(
  client: ApiClient,
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

/** Steps 1–4: 1, 2 and 4 at the same time. */
export async function loadLocation(client: ApiClient, input: LoadInput, call: CallOptions = {}): Promise<LoadedData> {
  const [location, ports, availability] = await Promise.all([
    client.getLocation(input.locationId, call),
    loadPorts(client, input, call),
    loadAvailability(client, input, call),
  ]);
  return { location, timeZone: resolveTimeZone(location.timezone), ports, availability };
}
