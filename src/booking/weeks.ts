/**
 * How far the availability's weeks have answered (each 7-day request answers on its own), and
 * what that means for the days the slot grid shows. Pure functions, no DOM.
 */
import { addDays, startOfLocalDay } from './slots.js';

export type WeekState = 'loading' | 'loaded' | 'failed';

/** One availability request: the instants it covers, [from, to), and how far it has answered. */
export interface WeekStatus {
  from: number;
  to: number;
  state: WeekState;
}

/** A day whose times are not all here: some still loading, or some failed to load. */
export type DayLoad = 'loading' | 'failed';

/**
 * For each local date (`YYYY-MM-DD`, in order) in `timeZone`: `failed` when the day overlaps a
 * week that failed, else `loading` when it overlaps one still loading, else null (all its times
 * are here).
 */
export function dayLoads(dates: readonly string[], weeks: readonly WeekStatus[], timeZone: string): (DayLoad | null)[] {
  const missing = weeks.filter((week) => week.state !== 'loaded');
  if (missing.length === 0) return dates.map(() => null);
  return dates.map((date) => {
    const start = startOfLocalDay(date, timeZone);
    const end = startOfLocalDay(addDays(date, 1), timeZone);
    const overlapping = missing.filter((week) => week.from < end && start < week.to);
    if (overlapping.some((week) => week.state === 'failed')) return 'failed';
    return overlapping.length > 0 ? 'loading' : null;
  });
}
