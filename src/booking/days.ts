/**
 * How a day of start times is laid out for the driver: the day strip's summaries and a day's starts
 * grouped by part of day, in the location's time zone. Pure functions, no DOM.
 */
import { dateFormat } from '../i18n/index.js';
import { selectableStarts, toIsoUtc, zoneOffsetMinutes, type DayStarts } from './slots.js';
import type { DayLoad } from './weeks.js';

/** Parts of a local day, in their order within the day. */
export const PARTS_OF_DAY = ['night', 'morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/** Night before 06:00, morning to 12:00, afternoon to 18:00, evening to midnight (local wall clock). */
const FIRST_HOUR: Readonly<Record<PartOfDay, number>> = { night: 0, morning: 6, afternoon: 12, evening: 18 };

/** The local hour (0–23) of an instant in a time zone. */
export function localHour(instantMs: number, timeZone: string): number {
  const wallMinutes = Math.floor(instantMs / 60_000) + zoneOffsetMinutes(instantMs, timeZone);
  return Math.floor((((wallMinutes % 1440) + 1440) % 1440) / 60);
}

/** The part of the local day an instant falls in. */
export function partOfDay(instantMs: number, timeZone: string): PartOfDay {
  const hour = localHour(instantMs, timeZone);
  return PARTS_OF_DAY.findLast((part) => FIRST_HOUR[part] <= hour)!;
}

export interface PartOfDayGroup<T> {
  part: PartOfDay;
  items: T[];
}

/**
 * Items grouped by the part of day of their instant (`instantOf`), parts in day order, empty
 * parts left out; items keep their order within a part.
 */
export function groupByPartOfDay<T>(
  items: readonly T[],
  timeZone: string,
  instantOf: (item: T) => string | number,
): PartOfDayGroup<T>[] {
  const groups = new Map<PartOfDay, T[]>(PARTS_OF_DAY.map((part) => [part, []]));
  for (const item of items) {
    const instant = instantOf(item);
    groups.get(partOfDay(typeof instant === 'number' ? instant : Date.parse(instant), timeZone))!.push(item);
  }
  return [...groups].filter(([, list]) => list.length > 0).map(([part, list]) => ({ part, items: list }));
}

/** One start of a day as the grid shows it: free (selectable) or taken (kept in its place, disabled). */
export interface DaySlot {
  /** ISO 8601 UTC instant. */
  start: string;
  free: boolean;
}

/**
 * A day's starts on the step grid, from its first to its last free start: the free ones, and
 * between them the step-aligned starts that are taken, so rows keep their rhythm. Without a step
 * (`stepMinutes` ≤ 0) only the free starts.
 */
export function daySlots(free: readonly string[], stepMinutes: number, timeZone: string): DaySlot[] {
  const sorted = [...free].sort();
  if (sorted.length < 2 || !(stepMinutes > 0)) return sorted.map((start) => ({ start, free: true }));
  const first = Date.parse(sorted[0]!);
  const last = Date.parse(sorted.at(-1)!);
  const freeSet = new Set(sorted);
  const aligned = selectableStarts({
    windows: [{ startAt: toIsoUtc(first), endAt: toIsoUtc(last + 60_000) }],
    durationMinutes: 1,
    stepMinutes,
    now: first,
    timeZone,
  }).map(toIsoUtc);
  // A free start off the grid (another step than asked) still shows.
  const all = [...new Set([...aligned, ...sorted])].sort();
  return all.map((start) => ({ start, free: freeSet.has(start) }));
}

/** What a day's tab in the strip says. */
export interface DaySummary {
  /** `YYYY-MM-DD`, the local date. */
  date: string;
  /** Short weekday as the locale writes it (`Thu`). */
  weekday: string;
  /** Long weekday (`Thursday`). */
  weekdayLong: string;
  /** Short day and month (`26 Nov`). */
  dayMonth: string;
  /** Long day and month (`26 November`). */
  dayMonthLong: string;
  /** How many starts are free; 0 means "Full" once the day's times are all here. */
  free: number;
  /** Some of the day's times are still loading, or failed to load; null when all are here. */
  load: DayLoad | null;
}

/** A calendar date (`YYYY-MM-DD`) written with `options`, read at noon UTC: the same date whatever the zone. */
const format = (locale: string, options: Intl.DateTimeFormatOptions, date: string): string =>
  dateFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));

/** The day strip's summaries, one per day, in order. */
export function summarizeDays(days: readonly (DayStarts & { state?: DayLoad })[], locale: string): DaySummary[] {
  return days.map(({ date, starts, state }) => ({
    date,
    weekday: format(locale, { weekday: 'short' }, date),
    weekdayLong: format(locale, { weekday: 'long' }, date),
    dayMonth: format(locale, { day: 'numeric', month: 'short' }, date),
    dayMonthLong: format(locale, { day: 'numeric', month: 'long' }, date),
    free: starts.length,
    load: state ?? null,
  }));
}
