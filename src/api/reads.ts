/**
 * The first load's calls (SPEC §4 steps 1–4): the location, its charge points and their EVSEs,
 * and the availability. In the script-tag entry; the booking calls are in `bookings.ts`, part of
 * the booking stage chunk.
 */
import type { CallOptions, Transport } from './transport.js';
import {
  AvailabilityResponse,
  ChargePointList,
  EvseList,
  LocationResponse,
  type AvailabilityBody,
  type ChargePoint,
  type Evse,
  type EvseAvailability,
  type Location,
} from './schemas.js';

export interface ReadCalls {
  getLocation(id: number, options?: CallOptions): Promise<Location>;
  /** Every charge point of the location, following `links.next`. */
  listChargePoints(locationId: number, options?: CallOptions): Promise<ChargePoint[]>;
  /** Every EVSE of the charge point with its connectors, following `links.next`. */
  listEvses(chargePointId: number, options?: CallOptions): Promise<Evse[]>;
  /** Free windows per bookable EVSE in `range` (at most 7 days). Retried like a GET. */
  checkAvailability(locationId: number, range: AvailabilityBody, options?: CallOptions): Promise<EvseAvailability[]>;
}

export function readCalls({ read, list }: Transport): ReadCalls {
  return {
    getLocation: (id, call) => read(LocationResponse, `/resources/locations/v2.0/${id}`, call),

    listChargePoints: (locationId, call) =>
      list(ChargePointList, `/resources/charge-points/v2.0?filter[locationId]=${locationId}`, call),

    listEvses: (chargePointId, call) =>
      list(EvseList, `/resources/charge-points/v2.0/${chargePointId}/evses?include[]=connectors`, call),

    // The body as given: `{startAfter, endBefore}` (the proxy refuses anything else).
    checkAvailability: (locationId, range, call) =>
      read(AvailabilityResponse, `/actions/locations/v2.0/${locationId}/check-booking-availability`, call, {
        body: range,
      }),
  };
}
