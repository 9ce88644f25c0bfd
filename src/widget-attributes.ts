/**
 * How `<ev-booking-widget>` reads its attributes (SPEC §2): its properties table, converters for
 * the ones that do not reflect, and the clamped or defaulted values the element uses.
 */
import type { PropertyDeclarations } from 'lit';
import { parseDurations, parseIntList, parseList } from './booking/slots.js';

/** An attribute's converter for attributes that do not reflect: no attribute, no value. */
export const fromAttribute =
  <T>(parse: (value: string) => T) =>
  (value: string | null): T | undefined =>
    value === null ? undefined : parse(value);

/** `location-id`: an integer, else NaN (reported as a config error). */
export const parseLocationId = (value: string): number => (/^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN);

/** Safe integers only: a longer number would be sent as another id (1e20 prints as 100000000000000000000). */
export const isValidLocationId = (id: number | undefined): id is number => Number.isSafeInteger(id) && id! > 0;

/** `days` rounded into 1–28; 7 when not a number. */
export function clampDays(value: number): number {
  const days = Math.round(Number(value));
  return Number.isFinite(days) ? Math.min(28, Math.max(1, days)) : 7;
}

/** Durations offered when `durations` gives none that is usable. */
export const DEFAULT_DURATIONS = [30, 60, 90, 120];

/** The positive whole minutes of `durations`, else `defaults`. */
export function offeredDurations(durations: readonly number[] | undefined, defaults = DEFAULT_DURATIONS): number[] {
  const valid = (durations ?? []).filter((minutes) => Number.isInteger(minutes) && minutes > 0);
  return valid.length ? valid : defaults;
}

/** The chosen duration if `durations` still offers it, else 60 minutes if offered, else the first. */
export function durationStillOffered(durations: readonly number[] | undefined, chosen: number): number {
  const offered = offeredDurations(durations);
  return offered.includes(chosen) ? chosen : offered.includes(60) ? 60 : offered[0]!;
}

/** `slot-step` when positive, else 30 minutes. */
export const slotStepOf = (step: number): number => (step > 0 ? step : 30);

/** The element's attributes and properties (SPEC §2), then its private reactive state (the driver's choice). */
export const widgetProperties: PropertyDeclarations = {
  locationId: { attribute: 'location-id', converter: fromAttribute(parseLocationId) },
  apiBase: { attribute: 'api-base' },
  locale: {},
  durations: { converter: fromAttribute(parseDurations) },
  slotStep: { attribute: 'slot-step', type: Number },
  days: { type: Number },
  email: {},
  evseIds: { attribute: 'evse-ids', converter: fromAttribute(parseIntList) },
  connectorTypes: { attribute: 'connector-types', converter: fromAttribute(parseList) },
  signupUrl: { attribute: 'signup-url' },
  theme: { reflect: true },
  fetch: { attribute: false },
  authToken: { attribute: false },
  pollTimeout: { attribute: false },
  chosenEvseId: { state: true },
  portFilter: { state: true },
  chosenDuration: { state: true },
  chosenStart: { state: true },
  typedEmail: { state: true },
};
