/**
 * The availability as its weeks answer: the first load shows the first week's start times, and
 * each later week (one request per 7 days) is added when it answers, in a task of its own; a week
 * that fails marks its days failed until the driver tries it again. A chunk of its own, loaded
 * only by a page of more than 7 days (`flow-availability.ts`, which owns it).
 */
import type { ReadCalls } from '../api/client.js';
import { isAbortError } from '../api/errors.js';
import { addWeek, afterPaint, askWeeks, type Availability, type LoadInput, type WeekLoad } from '../booking/load.js';
import type { WeekState, WeekStatus } from '../booking/weeks.js';

/** `weeks` with the week covering [from, to) in `state`. */
export const withWeekState = (
  weeks: readonly WeekStatus[],
  { from, to }: { from: number; to: number },
  state: WeekState,
): WeekStatus[] => weeks.map((week) => (week.from === from && week.to === to ? { ...week, state } : week));

export class AvailabilityWeeks {
  /** The open windows per EVSE, of the weeks that have answered. */
  availability: Availability = new Map();
  /** The weeks asked, in order, and how far each has answered. */
  weeks: WeekStatus[] = [];
  /** Counts the replacements: a week of an earlier load that answers after one is not added. */
  #generation = 0;
  readonly #changed: () => void;
  readonly #failed: (error: unknown) => void;

  /** `changed`: something to show; `failed`: a week failed (to tell the page). */
  constructor(changed: () => void, failed: (error: unknown) => void) {
    this.#changed = changed;
    this.#failed = failed;
  }

  /** The first week (`availability`) is here; the `weeks` after the first fill in as they answer. */
  begin(availability: Availability, weeks: readonly WeekLoad[], signal: AbortSignal): void {
    this.#generation++;
    this.availability = availability;
    this.weeks = weeks.map(({ from, to }, index) => ({ from, to, state: index === 0 ? 'loaded' : 'loading' }));
    this.#follow(weeks.slice(1), signal);
  }

  /** A whole new availability (the reload after a start was taken): every week is here. */
  replace(availability: Availability): void {
    this.#generation++;
    this.availability = availability;
    this.weeks = this.weeks.map((week) => ({ ...week, state: 'loaded' }));
  }

  /** Asks the weeks that failed again. */
  retry(client: ReadCalls, input: LoadInput, signal: AbortSignal): void {
    const failed = this.weeks.filter((week) => week.state === 'failed');
    if (failed.length === 0) return;
    for (const week of failed) this.weeks = withWeekState(this.weeks, week, 'loading');
    this.#changed();
    this.#follow(askWeeks(client, input, { signal }, failed), signal);
  }

  #follow(weeks: readonly WeekLoad[], signal: AbortSignal): void {
    const generation = this.#generation;
    const current = (): boolean => !signal.aborted && generation === this.#generation;
    for (const week of weeks) {
      week.answer.then(
        async (items) => {
          // The answer was read and checked in the task it arrived in; its days render in a frame after.
          await afterPaint();
          if (!current()) return;
          this.availability = addWeek(this.availability, items);
          this.#set(week, 'loaded');
        },
        (error: unknown) => {
          if (!current() || isAbortError(error)) return;
          this.#set(week, 'failed');
          this.#failed(error);
        },
      );
    }
  }

  #set(week: WeekLoad, state: WeekState): void {
    this.weeks = withWeekState(this.weeks, week, state);
    this.#changed();
  }
}
