/**
 * Time arithmetic of the booking flow: available windows → selectable start instants, grouped by the
 * location's local day. Pure functions, no DOM. Every value is a UTC instant (ms since the epoch);
 * the location's timezone only decides what "aligned to the step" and "which day" mean, so results
 * are exact across DST changes (a 60-minute booking is 60 real minutes, a skipped local hour offers
 * no start, a repeated local hour offers both of its instants).
 */

import { instantOf } from '../api/instants.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The API answers availability for at most 7 days per request. */
const MAX_RANGE = 7 * DAY;
/**
 * The first request of a page of more than 7 days, which asks in pieces and follows the later
 * ones as they answer anyway: its first start times wait for this piece alone, and a big site's
 * 7 days of windows are ~750 kB to read and check (200 EVSEs), 2 days ~220 kB. Two days from now
 * hold the rest of today and all of tomorrow.
 */
const FIRST_RANGE_OF_MANY = 2 * DAY;

export interface Window {
  startAt: string;
  endAt: string;
}

export interface SelectableStartsInput {
  windows: readonly Window[];
  durationMinutes: number;
  stepMinutes: number;
  /** Starts before this instant are not offered. */
  now: number;
  timeZone: string;
}

export interface DayStarts {
  /** Local date, `YYYY-MM-DD`. */
  date: string;
  /** ISO 8601 UTC instants, `YYYY-MM-DDTHH:MM:SSZ`. */
  starts: string[];
}

export interface AvailabilityRange {
  startAfter: string;
  endBefore: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Writes an instant's UTC offset in a zone, `GMT+05:45` (`GMT` or `GMT+00:00` for zero). */
const formatter = (timeZone: string): Intl.DateTimeFormat =>
  formatters.get(timeZone) ??
  formatters.set(timeZone, new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })).get(timeZone)!;

/**
 * Offsets already read, per zone and instant: each is a `format` call (~5 µs), and a big site's
 * windows share their instants (200 EVSEs × 4 weeks read the same half hours over and over).
 */
const knownOffsets = new Map<string, Map<number, number>>();

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(instantMs: number, timeZone: string): number {
  let known = knownOffsets.get(timeZone);
  if (!known) knownOffsets.set(timeZone, (known = new Map()));
  const cached = known.get(instantMs);
  if (cached !== undefined) return cached;
  if (known.size >= 50_000) known.clear();
  // The offset may have seconds (`GMT+00:09:21`, old local mean times); they round to the minute.
  const [, sign, h, m, s] = /(.)(\d\d):(\d\d):?(\d*)$/.exec(formatter(timeZone).format(instantMs)) ?? [];
  const offset = sign ? Math.round(Number(sign + (+h! * 3600 + +m! * 60 + +s!)) / 60) * MINUTE : 0;
  known.set(instantMs, offset);
  return offset;
}

/** The zone's offset from UTC at an instant, in minutes (`+120` for EET, `-300` for EST). */
export const zoneOffsetMinutes = (instantMs: number, timeZone: string): number =>
  offsetAt(instantMs, timeZone) / MINUTE;

/**
 * The runtime's own zone, read once: every `Intl.DateTimeFormat()` costs ~0.3 ms (the first one
 * ~50 ms, ICU's data), and a render asked for it up to twice.
 */
let runtimeZone: string | undefined;

/**
 * A usable IANA timezone: `timeZone` when the runtime knows it, otherwise the browser's own
 * (a location's `timezone` may be null or unknown).
 */
export function resolveTimeZone(timeZone: string | null | undefined): string {
  if (timeZone) {
    try {
      formatter(timeZone);
      return timeZone;
    } catch {
      // unknown zone: fall through to the runtime's
    }
  }
  return (runtimeZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/** ISO 8601 UTC without milliseconds: `2026-03-01T10:00:00Z`. */
export function toIsoUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}

/** The local date (`YYYY-MM-DD`) of an instant in a timezone. */
export function localDate(instantMs: number, timeZone: string): string {
  return toIsoUtc(instantMs + offsetAt(instantMs, timeZone)).slice(0, 10);
}

/** The calendar date `days` after `dateStr` (`YYYY-MM-DD`, which `Date.parse` reads as UTC). */
export function addDays(dateStr: string, days: number): string {
  return toIsoUtc(Date.parse(dateStr) + days * DAY).slice(0, 10);
}

/**
 * The first instant of a local date (`YYYY-MM-DD`) in a timezone; correct on DST days. A midnight
 * that occurs twice gives the earlier instant; one that does not exist (in a spring-forward gap) is
 * moved later by the gap's length, as Temporal's `compatible` disambiguation does (so a day starting
 * in a gap starts when the gap ends).
 */
export function startOfLocalDay(dateStr: string, timeZone: string): number {
  const wall = Date.parse(dateStr);
  // The instants with the offsets of a day before and a day after; valid if that is their offset.
  const [a, b] = [-DAY, DAY].map((d) => wall - offsetAt(wall + d, timeZone)) as [number, number];
  const valid = (instant: number): boolean => offsetAt(instant, timeZone) === wall - instant;
  return valid(b) && !(valid(a) && a < b) ? b : a;
}

/**
 * A window's [start, end) in ms since the epoch. Its texts were read when the answer was checked
 * (`instantOf` keeps each distinct text's instant): no text is parsed again, on any render.
 */
export const spanOf = (window: Window): readonly [number, number] => [
  instantOf(window.startAt),
  instantOf(window.endAt),
];

/**
 * Sorted, merged [start, end) intervals (ms) of the windows; touching or overlapping ones join. A
 * new array is made per merged interval only (a big site has ~50,000 windows, read on every change
 * of the choice or of the weeks that have answered).
 */
export function mergeWindows(windows: readonly Window[]): number[][] {
  return joinSpans(windows.map(spanOf).filter(([start, end]) => start < end));
}

/**
 * [start, end] spans (ms), sorted and joined where one begins at most `reach` ms before the previous
 * one ends (0: touching or overlapping spans join); a new array per joined span, the input's kept.
 */
export function joinSpans(spans: (readonly number[])[], reach = 0): number[][] {
  const joined: number[][] = [];
  for (const [start, end] of spans.sort((x, y) => x[0]! - y[0]!)) {
    const last = joined.at(-1);
    if (last && start! <= last[1]! - reach) last[1] = Math.max(last[1]!, end!);
    else joined.push([start!, end!]);
  }
  return joined;
}

/**
 * The start instants (ms, sorted, unique) a driver may pick: aligned to `stepMinutes` on the
 * location's local wall clock (counted from local midnight, so :00/:30 for a 30-minute step, even in
 * a +05:45 zone), not before `now`, and such that [start, start + duration] lies inside one
 * available window (touching and overlapping windows are merged first).
 */
export function selectableStarts({ windows, ...rest }: SelectableStartsInput): number[] {
  return startsInSpans(mergeWindows(windows), rest);
}

/**
 * `selectableStarts` of sorted, disjoint [start, end) spans (ms): the aligned starts, not before
 * `now`, whose booking lies inside one span.
 */
export function startsInSpans(
  spans: readonly (readonly number[])[],
  { durationMinutes, stepMinutes, now, timeZone }: Omit<SelectableStartsInput, 'windows'>,
): number[] {
  const starts: number[] = [];
  if (!(durationMinutes > 0) || !(stepMinutes > 0)) return starts;
  const step = Math.max(1, Math.round(stepMinutes)) * MINUTE;
  /** The smallest aligned wall-clock value ≥ wall; every local midnight is aligned. */
  const alignUp = (wall: number): number => {
    const midnight = Math.floor(wall / DAY) * DAY;
    return Math.min(midnight + Math.ceil((wall - midnight) / step) * step, midnight + DAY);
  };
  for (const [ws, we] of spans) {
    // Starts are whole minutes in [from, to), taken piece by piece of constant UTC offset.
    const to = Math.floor((we! - durationMinutes * MINUTE) / MINUTE) * MINUTE + MINUTE;
    for (let from = Math.ceil(Math.max(ws!, now) / MINUTE) * MINUTE, end; from < to; from = end) {
      const offset = offsetAt(from, timeZone);
      // The piece ends where the offset changes: sampled hourly (zones never change offset twice
      // within an hour), then found to the minute.
      end = from;
      while (end < to && offsetAt(Math.min(end + HOUR, to), timeZone) === offset) end = Math.min(end + HOUR, to);
      if (end < to) while (offsetAt((end += MINUTE), timeZone) === offset);
      for (let wall = alignUp(from + offset); wall - offset < end; wall = alignUp(wall + 1)) starts.push(wall - offset);
    }
  }
  return starts;
}

/**
 * Starts grouped by the local day they fall on. With `firstDate` and `dayCount`, exactly those days
 * are returned (empty ones included, starts outside them dropped); otherwise the days that have starts.
 */
export function groupByDay(starts: readonly number[], timeZone: string, firstDate?: string, dayCount = 0): DayStarts[] {
  const days = new Map<string, string[]>();
  for (let i = 0; firstDate && i < dayCount; i++) days.set(addDays(firstDate, i), []);
  const fixed = days.size > 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    const date = localDate(start, timeZone);
    if (!fixed && !days.has(date)) days.set(date, []);
    days.get(date)?.push(toIsoUtc(start));
  }
  return [...days].map(([date, list]) => ({ date, starts: list }));
}

/**
 * The end of `days` local days from `now` in `timeZone` (the start of the next local day), an
 * `end` for `availabilityRanges`.
 */
export function endOfLocalDays(now: number, days: number, timeZone: string): number {
  return startOfLocalDay(addDays(localDate(now, timeZone), Math.max(1, Math.floor(days))), timeZone);
}

/**
 * The availability requests for `days` days: from `now` (rounded down to the minute) to `end`, by
 * default `days` × 24 hours from now (the widget asks before it knows the location's zone; with
 * `endOfLocalDays`, to the end of the last local day); in chunks of at most 7 days, the first of
 * 2 days when there is more than one (`FIRST_RANGE_OF_MANY`).
 */
export function availabilityRanges(now: number, days: number, end?: number): AvailabilityRange[] {
  const start = Math.floor(now / MINUTE) * MINUTE;
  end ??= start + Math.max(1, Math.floor(days)) * DAY;
  const ranges: AvailabilityRange[] = [];
  let span = end - start > MAX_RANGE ? FIRST_RANGE_OF_MANY : MAX_RANGE;
  for (let from = start; from < end; span = MAX_RANGE) {
    const to = Math.min(from + span, end);
    ranges.push({ startAfter: toIsoUtc(from), endBefore: toIsoUtc(to) });
    from = to;
  }
  return ranges;
}

/** Trimmed, non-empty entries of a comma-separated list. */
export function parseList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An integer in [min, max] written in decimal digits, or null. */
export function parseIntInRange(value: string | number | null | undefined, min: number, max: number): number | null {
  const text = String(value ?? '').trim();
  const n = Number(text);
  return /^\+?\d+$/.test(text) && n >= min && n <= max ? n : null;
}

/** Unique positive integers of a comma list, in their order; invalid entries are dropped. */
export function parseIntList(value: string | null | undefined, max = Number.MAX_SAFE_INTEGER): number[] {
  return [
    ...new Set(
      parseList(value)
        .filter((entry) => /^\+?\d+$/.test(entry) && +entry && +entry <= max)
        .map(Number),
    ),
  ];
}

/**
 * Durations in minutes from the `durations` attribute (`'30, 60,abc,90'` → `[30, 60, 90]`): positive
 * whole minutes up to a day, unique, ascending; `30,60,90,120` when nothing valid is left.
 */
export function parseDurations(value: string | null | undefined): number[] {
  const list = parseIntList(value, 1440).sort((a, b) => a - b);
  return list[0] ? list : [30, 60, 90, 120];
}
