/**
 * The flow's availability: the first load's weeks (the first shown with the start times, the later
 * ones filling in), the driver's Try again on the weeks that failed, and the reload after a start
 * was taken. Owned by the flow runner (`flow-runner.ts`), which gives it the API calls and signal.
 *
 * A page of 7 days or fewer asks one week: this is all it runs. The later weeks' machinery (adding
 * each as it answers, their loading and failed states, Try again: `availability-weeks.ts`) is a
 * chunk, loaded only for `days` > 7, beside the first requests (`prepare`), never before the first
 * start times. Until it is here, the later weeks' days say they are loading; their answers (asked
 * once the first start times are painted) wait for it.
 */
import type { ReadCalls } from '../api/client.js';
import { isAbortError } from '../api/errors.js';
import { askWeeks, loadAvailability, type Availability, type LoadInput, type WeekLoad } from '../booking/load.js';
import type { WeekStatus } from '../booking/weeks.js';
import type { AvailabilityWeeks } from './availability-weeks.js';

/** The later weeks' chunk's exports. */
type LaterWeeksCode = typeof import('./availability-weeks.js');

export class FlowAvailability {
  /** The open windows per EVSE, of the weeks that have answered. */
  availability: Availability = new Map();
  /** The weeks asked, in order, and how far each has answered. */
  weeks: readonly WeekStatus[] = [];
  readonly #changed: () => void;
  readonly #failed: (error: unknown) => void;
  /** The later weeks, once their code is here and follows them. */
  #later: AvailabilityWeeks | undefined;
  #code: Promise<LaterWeeksCode> | undefined;
  /** Counts the loads: the later weeks' code that arrives after another load (or a reload) starts nothing. */
  #generation = 0;

  /** `changed`: something to show; `failed`: a request failed (to tell the page). */
  constructor(changed: () => void, failed: (error: unknown) => void) {
    this.#changed = changed;
    this.#failed = failed;
  }

  /** More than a week of `days` (7 days per request): the later weeks' code starts loading now. */
  prepare(days: number): void {
    if (days > 7) this.#loadCode().catch(() => undefined);
  }

  /** The later weeks' code, loaded once; a failed load (say, offline) is tried again on the next call. */
  #loadCode(): Promise<LaterWeeksCode> {
    this.#code ??= import('./availability-weeks.js').catch((error: unknown) => {
      this.#code = undefined;
      throw error;
    });
    return this.#code;
  }

  /**
   * The first week (`availability`) is here; the `weeks` after the first fill in as they answer,
   * followed by their code once it is here; if it cannot load, they failed (Try again asks them again).
   */
  begin(availability: Availability, weeks: readonly WeekLoad[], signal: AbortSignal): void {
    const generation = ++this.#generation;
    const current = (): boolean => !signal.aborted && generation === this.#generation;
    this.#later = undefined;
    this.#show(
      availability,
      weeks.map(({ from, to }, index) => ({ from, to, state: index === 0 ? 'loaded' : 'loading' })),
    );
    if (weeks.length < 2) return;
    this.#loadCode().then(
      ({ AvailabilityWeeks }) => {
        if (!current()) return;
        const later = new AvailabilityWeeks(() => this.#show(later.availability, later.weeks), this.#failed);
        this.#later = later;
        later.begin(availability, weeks, signal);
        this.#show(later.availability, later.weeks);
      },
      (error: unknown) => {
        if (!current()) return;
        this.#show(
          availability,
          this.weeks.map((week) => (week.state === 'loaded' ? week : { ...week, state: 'failed' })),
        );
        this.#failed(error);
      },
    );
  }

  #show(availability: Availability, weeks: readonly WeekStatus[]): void {
    this.availability = availability;
    this.weeks = weeks;
    this.#changed();
  }

  /** Asks the weeks that failed again (the driver's "Try again" on their days). */
  retry(client: ReadCalls, input: LoadInput, signal: AbortSignal): void {
    if (this.#later) return this.#later.retry(client, input, signal);
    // Their code failed to load: every later week is asked again, and their code with them.
    const [first, ...later] = this.weeks;
    if (first && later[0]?.state === 'failed') {
      const firstWeek = { ...first, answer: Promise.resolve([]) };
      this.begin(this.availability, [firstWeek, ...askWeeks(client, input, { signal }, later)], signal);
    }
  }

  /** Reads the whole availability again (a start was taken): every week is here; a failure is told to the page. */
  reload(client: ReadCalls, input: LoadInput, signal: AbortSignal): void {
    loadAvailability(client, input, { signal }).then(
      (availability) => {
        if (signal.aborted) return;
        // The later weeks' own answers are not added after this; nor started, if their code is still on its way.
        if (this.#later) this.#later.replace(availability);
        else this.#generation++;
        this.#show(
          availability,
          this.weeks.map((week) => ({ ...week, state: 'loaded' })),
        );
      },
      (error: unknown) => {
        if (!signal.aborted && !isAbortError(error)) this.#failed(error);
      },
    );
  }
}
