/**
 * The flow's availability: the first load's weeks (the first shown with the start times, the later
 * ones filling in), the driver's Try again on the weeks that failed, and the reload after a start
 * was taken. Owned by the flow runner (`flow-runner.ts`), which gives it the API calls and signal.
 */
import type { ReadCalls } from '../api/client.js';
import { isAbortError } from '../api/errors.js';
import { loadAvailability, type Availability, type LoadInput, type WeekLoad } from '../booking/load.js';
import type { WeekStatus } from '../booking/weeks.js';
import { AvailabilityWeeks } from './availability-weeks.js';

export class FlowAvailability {
  readonly #weeks: AvailabilityWeeks;
  readonly #changed: () => void;
  readonly #failed: (error: unknown) => void;

  /** `changed`: something to show; `failed`: a request failed (to tell the page). */
  constructor(changed: () => void, failed: (error: unknown) => void) {
    this.#changed = changed;
    this.#failed = failed;
    this.#weeks = new AvailabilityWeeks(changed, failed);
  }

  /** The open windows per EVSE, of the weeks that have answered. */
  get availability(): Availability {
    return this.#weeks.availability;
  }

  /** The weeks asked, in order, and how far each has answered. */
  get weeks(): readonly WeekStatus[] {
    return this.#weeks.weeks;
  }

  /** The first week (`availability`) is here; the `weeks` after the first fill in as they answer. */
  begin(availability: Availability, weeks: readonly WeekLoad[], signal: AbortSignal): void {
    this.#weeks.begin(availability, weeks, signal);
  }

  /** Asks the weeks that failed again (the driver's "Try again" on their days). */
  retry(client: ReadCalls, input: LoadInput, signal: AbortSignal): void {
    this.#weeks.retry(client, input, signal);
  }

  /** Reads the whole availability again (a start was taken); a failure is told to the page. */
  reload(client: ReadCalls, input: LoadInput, signal: AbortSignal): void {
    loadAvailability(client, input, { signal }).then(
      (availability) => {
        if (signal.aborted) return;
        this.#weeks.replace(availability);
        this.#changed();
      },
      (error: unknown) => {
        if (!signal.aborted && !isAbortError(error)) this.#failed(error);
      },
    );
  }
}
