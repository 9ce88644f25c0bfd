/**
 * English's texts of the port list's cards and filters: "Any available port", a port's name,
 * power and state, the connector and AC/DC filters. No port is shown before the first start times
 * (the list shows its skeleton until the ports' details are here), so these come with the cards'
 * code, in its chunk (`port-cards.ts`), not in the entry; every other language has them in its
 * first view. Part of English's first-view catalogue for the type checker (`FirstViewKey`).
 */
import type { Catalogue } from './en.js';

export const enPorts = {
  portsEmpty: 'No bookable ports here',
  portFallbackName: '#{id}',
  portPower: '{power} kW',
  portOutOfOrder: 'Out of order',
  portUnavailable: 'Unavailable',
  anyPort: 'Any available port',
  anyPortHint: 'We pick a free one that fits',
  noMatchingPorts: 'No port matches these filters',
  portsMatching: 'Matching ports: {count}',
  connectorFilter: 'Connector',
  currentFilter: 'Current',
  allConnectors: 'All',
  currentAc: 'AC',
  currentDc: 'DC',
} as const;

/** The name of a port text. */
export type PortKey = keyof typeof enPorts;

/**
 * `catalogue` with English's port texts where it has none: English's own catalogue (whose port
 * texts are these), and a language that leaves a symbol out (`#12`, `22 kW`, `AC`, `DC`).
 */
export const portTexts = (catalogue: Catalogue): Catalogue => ({ ...enPorts, ...catalogue });
