/** Time arithmetic of the simulator's availability: half-open intervals of epoch milliseconds. */

export interface Interval {
  start: number;
  end: number;
}

/** Whether two half-open intervals share an instant (back-to-back ones do not). */
export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The parts of `range` that no `busy` interval covers, in order. */
export function freeWindows(range: Interval, busy: readonly Interval[]): Interval[] {
  const windows: Interval[] = [];
  let cursor = range.start;
  for (const taken of [...busy].sort((a, b) => a.start - b.start)) {
    if (taken.start >= range.end) break;
    if (taken.end <= cursor) continue;
    if (taken.start > cursor) windows.push({ start: cursor, end: taken.start });
    cursor = Math.max(cursor, taken.end);
  }
  if (cursor < range.end) windows.push({ start: cursor, end: range.end });
  return windows;
}

const MINUTE = 60_000;

/** The first whole minute at or after `ms`: availability never starts in the past. */
export function ceilToMinute(ms: number): number {
  return Math.ceil(ms / MINUTE) * MINUTE;
}
