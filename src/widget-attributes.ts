/**
 * How `<ev-booking-widget>` reads its attributes (SPEC §2): converters for the ones that do not
 * reflect, the clamped or defaulted values the element uses, and what the flow reads of them.
 */
import type { FlowConfig } from './controllers/flow-hooks.js';

/** An attribute's converter for attributes that do not reflect: no attribute, no value. */
export const fromAttribute =
  <T>(parse: (value: string) => T) =>
  (value: string | null): T | undefined =>
    value === null ? undefined : parse(value);

/**
 * An attribute's converter for a property with a default: the attribute removed, or left empty,
 * gives the default back (Lit would give null, or 0 for a number).
 */
export const orDefault =
  <T>(parse: (value: string) => T, fallback: T) =>
  (value: string | null): T =>
    value === null || value.trim() === '' ? fallback : parse(value);

/** Where the proxy serves the paths of SPEC §4 when `api-base` is not given. */
export const DEFAULT_API_BASE = '/api/ampeco';

/** How many days ahead can be booked when `days` is not given. */
export const DEFAULT_DAYS = 7;

/** Minutes between start times when `slot-step` is not given, or is not positive. */
export const DEFAULT_SLOT_STEP = 30;

/** `location-id`: an integer, else NaN (reported as a config error). */
export const parseLocationId = (value: string): number => (/^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN);

/** Safe integers only: a longer number would be sent as another id (1e20 prints as 100000000000000000000). */
export const isValidLocationId = (id: number | undefined): id is number => Number.isSafeInteger(id) && id! > 0;

/** `days` rounded into 1–28; 7 when not a number. */
export function clampDays(value: number | null | undefined): number {
  const days = value == null ? Number.NaN : Math.round(Number(value));
  return Number.isFinite(days) ? Math.min(28, Math.max(1, days)) : DEFAULT_DAYS;
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
export const slotStepOf = (step: number): number => (step > 0 ? step : DEFAULT_SLOT_STEP);

/**
 * Properties set on the element before its definition loaded (an inline script before the deferred
 * module script) stay on the element itself, hiding its accessors: each of `keys` is set again
 * through them.
 */
export function takeEarlyProperties<T extends object>(element: T, keys: readonly (keyof T)[]): void {
  for (const key of keys) {
    if (!Object.hasOwn(element, key)) continue;
    const value = element[key];
    delete element[key];
    element[key] = value;
  }
}

/** The element's properties that the flow reads. */
export interface FlowProperties {
  locationId?: number;
  apiBase: string;
  fetch?: typeof fetch;
  authToken?: string;
  days: number;
  evseIds?: number[];
  pollTimeout: number;
  loadTimeout: number;
}

/** What the flow runner reads of the element's properties: the location checked, `days` clamped. */
export function flowConfigOf(element: FlowProperties): FlowConfig {
  return {
    valid: isValidLocationId(element.locationId),
    locationId: element.locationId!,
    apiBase: element.apiBase || DEFAULT_API_BASE,
    fetch: element.fetch,
    authToken: element.authToken,
    days: clampDays(element.days),
    evseIds: element.evseIds ?? [],
    pollTimeout: element.pollTimeout,
    loadTimeout: element.loadTimeout,
  };
}
