/**
 * Which ports a driver's choice covers, and which one a booking goes to. Pure functions, no DOM.
 *
 * "Any available port" offers the union of the matching ports' start times (SPEC §4 step 5); the
 * port a booking goes to is chosen by the booking stage's `book-choice.ts`.
 */
import type { Evse } from '../api/schemas.js';
import { joinSpans, mergeWindows, startsInSpans, type Window } from './slots.js';

const MINUTE = 60_000;

/** AC or DC, as the port list's narrowing offers it. */
export type CurrentType = 'ac' | 'dc';

/** What the driver's car needs: connector types (any of them) and a current type; empty means any. */
export interface PortFilter {
  /** Ampeco connector types, lower case (`ccs2`, `type2`); empty: any connector. */
  connectorTypes: readonly string[];
  /** `ac`, `dc`, or null for either. */
  currentType: CurrentType | null;
}

export const NO_FILTER: PortFilter = { connectorTypes: [], currentType: null };

/** A port the driver may book: booking is enabled and its status is `enabled` (or not given). */
export const isBookable = (port: Evse): boolean =>
  port.bookingEnabled !== false && (port.status ?? 'enabled') === 'enabled';

/** The lower-case connector types of a port, unique, in the order the API lists them. */
export const connectorTypesOf = (port: Evse): string[] => [
  ...new Set((port.connectors ?? []).map((connector) => connector.type.toLowerCase())),
];

/** The connector types of all ports, unique, in order of first appearance. */
export const allConnectorTypes = (ports: readonly Evse[]): string[] => [...new Set(ports.flatMap(connectorTypesOf))];

/** The current types (AC/DC) the ports have, in the order `ac`, `dc`. */
export const allCurrentTypes = (ports: readonly Evse[]): CurrentType[] =>
  (['ac', 'dc'] as const).filter((type) => ports.some((port) => port.currentType === type));

/** Whether a port fits the filter: one of its connectors is of a wanted type, and its current type matches. */
export function portMatches(port: Evse, filter: PortFilter): boolean {
  const wanted = filter.connectorTypes.map((type) => type.toLowerCase());
  const connectorFits = wanted.length === 0 || connectorTypesOf(port).some((type) => wanted.includes(type));
  const currentFits = filter.currentType === null || port.currentType === filter.currentType;
  return connectorFits && currentFits;
}

/** The bookable ports that fit the filter, in list order. */
export const matchingPorts = (ports: readonly Evse[], filter: PortFilter): Evse[] =>
  ports.filter((port) => isBookable(port) && portMatches(port, filter));

/** Whether "Any available port" is offered: more than one port is bookable. */
export const offersAnyPort = (ports: readonly Evse[]): boolean => ports.filter(isBookable).length > 1;

export interface UnionStartsInput {
  /** Open windows per EVSE id. */
  windowsByEvse: ReadonlyMap<number, readonly Window[]>;
  /** The EVSEs whose starts count (the matching ports, or every EVSE of the availability answer). */
  evseIds: readonly number[];
  durationMinutes: number;
  stepMinutes: number;
  now: number;
  timeZone: string;
}

/**
 * The union of the selectable starts (ms, sorted, unique) of several ports: "any port".
 *
 * A port offers a start when one of its (merged) windows holds the whole booking: when the start
 * lies in [window start, window end − duration]. So the union over the ports is the aligned starts
 * within the union of those intervals: they are joined across the ports first, then the starts
 * are found once, not once per port (200 ports × 28 days found 270,000 starts for ~1,300 distinct
 * ones).
 */
export function unionStarts({ windowsByEvse, evseIds, ...rest }: UnionStartsInput): number[] {
  const duration = rest.durationMinutes * MINUTE;
  // Each port's merged windows that can hold a booking, sorted, then joined where their start
  // intervals meet: [from, to] and [from2, to2] share starts when from2 ≤ to − duration.
  const spans: number[][] = [];
  for (const evseId of evseIds) {
    for (const span of mergeWindows(windowsByEvse.get(evseId) ?? [])) {
      if (span[0]! <= span[1]! - duration) spans.push(span);
    }
  }
  return startsInSpans(joinSpans(spans, duration), rest);
}

/** What the driver chose as port: one EVSE, or any port that fits the filter. */
export interface PortChoice {
  /** The bookable ports in list order (all of the location's, as loaded). */
  ports: readonly Evse[];
  /** The chosen EVSE, or null: any port when offered, else none yet. */
  evseId: number | null;
  filter: PortFilter;
}

/** Whether the driver narrowed the ports by connector type or current. */
export const isFiltered = (filter: PortFilter): boolean =>
  filter.connectorTypes.length > 0 || filter.currentType !== null;

/** The EVSEs whose starts count: the chosen one, or every matching port with "any port"; none when nothing is chosen. */
export function portsInPlay({ ports, evseId, filter }: PortChoice): number[] {
  if (evseId !== null) return [evseId];
  return offersAnyPort(ports) ? matchingPorts(ports, filter).map((port) => port.id) : [];
}

/**
 * Why a choice (its ports' details here) has no port in play: no bookable port at all (`none`),
 * filters that match none (`filters`), or a port to be chosen (`choose`); null when some port is.
 */
export function whyNoPort(choice: PortChoice): 'none' | 'filters' | 'choose' | null {
  if (portsInPlay(choice).length > 0) return null;
  if (!choice.ports.some(isBookable)) return 'none';
  return isFiltered(choice.filter) ? 'filters' : 'choose';
}

/**
 * The chosen port once the ports' details are here: forgotten if it is not bookable after all
 * (it was chosen from the availability alone); the only bookable port when none is chosen.
 */
export function portAfterLoad(evseId: number | null, ports: readonly Evse[]): number | null {
  const selectable = ports.filter((port) => (port.status ?? 'enabled') === 'enabled');
  const chosen = evseId !== null && selectable.some((port) => port.id === evseId) ? evseId : null;
  return chosen === null && selectable.length === 1 ? selectable[0]!.id : chosen;
}
