/**
 * Time arithmetic of the booking flow: available windows → selectable start instants, grouped by the
 * location's local day. Pure functions, no DOM. Every value is a UTC instant (ms since the epoch);
 * the location's timezone only decides what "aligned to the step" and "which day" mean, so results
 * are exact across DST changes (a 60-minute booking is 60 real minutes, a skipped local hour offers
 * no start, a repeated local hour offers both of its instants).
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** The API answers availability for at most 7 days per request. */
const MAX_RANGE = 7 * DAY;

export const DEFAULT_DURATIONS: readonly number[] = [30, 60, 90, 120];

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

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The local wall-clock time of an instant, expressed as if it were a UTC instant (whole seconds). */
function wallClock(instantMs: number, timeZone: string): number {
  const p: Record<string, number> = {};
  for (const { type, value } of formatter(timeZone).formatToParts(instantMs)) p[type] = Number(value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
}

/** The zone's offset from UTC at an instant, in minutes (`+120` for EET, `-300` for EST). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return Math.round((wallClock(whole, timeZone) - whole) / MINUTE);
}

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
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD` of a "wall clock as UTC" value. */
function dateOfWall(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The local date (`YYYY-MM-DD`) of an instant in a timezone. */
export function localDate(instantMs: number, timeZone: string): string {
  return dateOfWall(wallClock(instantMs, timeZone));
}

/** `YYYY-MM-DD` → midnight of that date as a "wall clock as UTC" value, or NaN. */
function wallOfDate(dateStr: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateStr);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
}

/** The calendar date `days` after `dateStr`. */
export function addDays(dateStr: string, days: number): string {
  return dateOfWall(wallOfDate(dateStr) + days * DAY);
}

/**
 * The instant at which a local wall-clock time happens. A time that occurs twice (fall back) gives
 * the earlier instant; a time that does not exist (in a spring-forward gap) is moved later by the
 * gap's length, as Temporal's `compatible` disambiguation does (so a day starting in a gap starts
 * when the gap ends).
 */
function instantOfWall(wall: number, timeZone: string): number {
  const before = zoneOffsetMinutes(wall - DAY, timeZone) * MINUTE;
  const after = zoneOffsetMinutes(wall + DAY, timeZone) * MINUTE;
  const a = wall - before;
  const b = wall - after;
  const aValid = zoneOffsetMinutes(a, timeZone) * MINUTE === before;
  const bValid = zoneOffsetMinutes(b, timeZone) * MINUTE === after;
  if (aValid && bValid) return Math.min(a, b);
  if (bValid) return b;
  return a;
}

/** The first instant of a local date (`YYYY-MM-DD`) in a timezone; correct on DST days. */
export function startOfLocalDay(dateStr: string, timeZone: string): number {
  return instantOfWall(wallOfDate(dateStr), timeZone);
}

/** ISO 8601 UTC without milliseconds: `2026-03-01T10:00:00Z`. */
export function toIsoUtc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + 'Z';
}

interface Segment {
  start: number;
  end: number;
  /** Offset in ms. */
  offset: number;
}

/**
 * Splits [from, to) (whole minutes) into pieces of constant UTC offset. Samples hourly (zones never
 * change offset twice within an hour) and finds each change to the minute by bisection.
 */
function offsetSegments(from: number, to: number, timeZone: string): Segment[] {
  const offsetAt = (t: number): number => zoneOffsetMinutes(t, timeZone) * MINUTE;
  const segments: Segment[] = [];
  let start = from;
  let offset = offsetAt(from);
  for (let t = from; t < to;) {
    const next = Math.min(t + HOUR, to);
    const nextOffset = offsetAt(next);
    if (nextOffset !== offset) {
      // The change happens in (t, next]: find the first minute with the new offset.
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE) {
        const mid = lo + Math.max(1, Math.floor((hi - lo) / 2 / MINUTE)) * MINUTE;
        if (offsetAt(mid) === offset) lo = mid;
        else hi = mid;
      }
      segments.push({ start, end: hi, offset });
      start = hi;
      offset = offsetAt(hi);
    }
    t = next;
  }
  segments.push({ start, end: to, offset });
  return segments;
}

/** Sorted, merged [start, end) intervals (ms) of the windows; touching or overlapping ones join. */
function mergeWindows(windows: readonly Window[]): [number, number][] {
  const spans = windows
    .map((w): [number, number] => [Date.parse(w.startAt), Date.parse(w.endAt)])
    .filter(([s, e]) => s < e)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

/**
 * The start instants (ms, sorted, unique) a driver may pick: aligned to `stepMinutes` on the
 * location's local wall clock (counted from local midnight, so :00/:30 for a 30-minute step, even in
 * a +05:45 zone), not before `now`, and such that [start, start + duration] lies inside one
 * available window (touching and overlapping windows are merged first).
 */
export function selectableStarts(input: SelectableStartsInput): number[] {
  const { durationMinutes, stepMinutes, now, timeZone } = input;
  if (!(durationMinutes > 0) || !(stepMinutes > 0)) return [];
  const duration = durationMinutes * MINUTE;
  const step = Math.max(1, Math.round(stepMinutes)) * MINUTE;
  /** The smallest aligned wall-clock value ≥ wall; every local midnight is aligned. */
  const alignUp = (wall: number): number => {
    const midnight = Math.floor(wall / DAY) * DAY;
    return Math.min(midnight + Math.ceil((wall - midnight) / step) * step, midnight + DAY);
  };
  const starts: number[] = [];
  for (const [ws, we] of mergeWindows(input.windows)) {
    // Starts are whole minutes in [lo, to).
    const lo = Math.ceil(Math.max(ws, now) / MINUTE) * MINUTE;
    const to = Math.floor((we - duration) / MINUTE) * MINUTE + MINUTE;
    if (lo >= to) continue;
    for (const seg of offsetSegments(lo, to, timeZone)) {
      for (let wall = alignUp(seg.start + seg.offset); wall - seg.offset < seg.end; wall = alignUp(wall + 1)) {
        starts.push(wall - seg.offset);
      }
    }
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

/**
 * Starts grouped by the local day they fall on. With `firstDate` and `dayCount`, exactly those days
 * are returned (empty ones included, starts outside them dropped); otherwise the days that have starts.
 */
export function groupByDay(
  starts: readonly number[],
  timeZone: string,
  firstDate?: string,
  dayCount?: number,
): DayStarts[] {
  const days = new Map<string, string[]>();
  if (firstDate && dayCount && dayCount > 0) {
    for (let i = 0; i < dayCount; i++) days.set(addDays(firstDate, i), []);
  }
  const fixed = days.size > 0;
  for (const start of [...starts].sort((a, b) => a - b)) {
    const date = localDate(start, timeZone);
    let list = days.get(date);
    if (!list) {
      if (fixed) continue;
      days.set(date, (list = []));
    }
    list.push(toIsoUtc(start));
  }
  return [...days].map(([date, list]) => ({ date, starts: list }));
}

/**
 * The availability requests for `days` days: from `now` (rounded down to the minute) to the end of
 * the last local day in `timeZone`, or, when the zone is not known yet (the location is still being
 * read), to `days` × 24 hours from now; in chunks of at most 7 days.
 */
export function availabilityRanges(now: number, days: number, timeZone?: string): AvailabilityRange[] {
  const start = Math.floor(now / MINUTE) * MINUTE;
  const count = Math.max(1, Math.floor(days));
  const end = timeZone ? startOfLocalDay(addDays(localDate(now, timeZone), count), timeZone) : start + count * DAY;
  const ranges: AvailabilityRange[] = [];
  for (let from = start; from < end; from += MAX_RANGE) {
    ranges.push({ startAfter: toIsoUtc(from), endBefore: toIsoUtc(Math.min(from + MAX_RANGE, end)) });
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
  if (!/^[+]?\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

/** Unique positive integers of a comma list, in their order; invalid entries are dropped. */
export function parseIntList(value: string | null | undefined, max = Number.MAX_SAFE_INTEGER): number[] {
  const out: number[] = [];
  for (const entry of parseList(value)) {
    const n = parseIntInRange(entry, 1, max);
    if (n !== null && !out.includes(n)) out.push(n);
  }
  return out;
}

/**
 * Durations in minutes from the `durations` attribute (`'30, 60,abc,90'` → `[30, 60, 90]`): positive
 * whole minutes up to a day, unique, ascending; the default list when nothing valid is left.
 */
export function parseDurations(value: string | null | undefined): number[] {
  const list = parseIntList(value, 1440).sort((a, b) => a - b);
  return list.length > 0 ? list : [...DEFAULT_DURATIONS];
}
