/**
 * The driver's choice as the element holds it, turned into the selectable starts and the days they
 * fall on (computed once per input, as they are read on every render). The booking Book sends is the booking stage's
 * (`book-choice.ts`). No DOM.
 */
import type { Availability } from './load.js';
import { portsInPlay, unionStarts, type PortChoice } from './ports.js';
import { groupByDay, localDate, toIsoUtc, type DayStarts } from './slots.js';
import { dayLoads, type DayLoad, type WeekStatus } from './weeks.js';

/** What the starts depend on. */
export interface StartsInput {
  availability: Availability;
  choice: PortChoice;
  /** Minutes booked. */
  duration: number;
  /** Minutes between starts. */
  step: number;
  now: number;
  timeZone: string;
}

/** A value kept while every part of its key stays the same (`===`); made again when one changes. */
class LastMade<T> {
  #key: readonly unknown[] | undefined;
  #value!: T;

  get(key: readonly unknown[], make: () => T): T {
    if (key.length !== this.#key?.length || key.some((part, index) => part !== this.#key![index])) {
      this.#value = make();
      this.#key = key;
    }
    return this.#value;
  }
}

/** One day the grid offers: its starts and, while its week is not here, whether it loads or failed. */
export interface OfferedDay extends DayStarts {
  state?: DayLoad;
}

/**
 * The selectable starts (ISO UTC) for the chosen port (or any fitting one) and duration, and the
 * days they fall on; each kept while its inputs stay (they are read on every render, and a big
 * site's four weeks make thousands of starts).
 */
export class StartsMemo {
  readonly #starts = new LastMade<string[]>();
  readonly #days = new LastMade<OfferedDay[]>();

  starts(input: StartsInput): string[] {
    const { availability, choice, duration, step, now, timeZone } = input;
    const evseIds = portsInPlay(choice);
    // By the EVSEs in play, not the port list: the ports' details arriving after the start times
    // recompute nothing unless they withdraw a port.
    const inPlay = [...evseIds].sort((a, b) => a - b).join(',');
    return this.#starts.get([availability, inPlay, duration, step, now, timeZone], () =>
      unionStarts({
        windowsByEvse: availability,
        evseIds,
        durationMinutes: duration,
        stepMinutes: step,
        now,
        timeZone,
      }).map(toIsoUtc),
    );
  }

  /** `starts` by the `dayCount` local days from `now`'s, each saying whether its week is still loading or failed. */
  days(
    starts: readonly string[],
    {
      now,
      timeZone,
      dayCount,
      weeks,
    }: { now: number; timeZone: string; dayCount: number; weeks: readonly WeekStatus[] },
  ): OfferedDay[] {
    const firstDate = localDate(now, timeZone);
    return this.#days.get([starts, timeZone, firstDate, dayCount, weeks], () => {
      const grouped = groupByDay(starts.map(Date.parse), timeZone, firstDate, dayCount);
      const loads = dayLoads(
        grouped.map((day) => day.date),
        weeks,
        timeZone,
      );
      return grouped.map((day, index) => (loads[index] ? { ...day, state: loads[index] } : day));
    });
  }
}
