/**
 * The driver's choice as the element holds it, turned into the selectable starts (computed once
 * per input, as they are read on every render). The booking Book sends is the booking stage's
 * (`book-choice.ts`). No DOM.
 */
import type { Availability } from './load.js';
import { portsInPlay, unionStarts, type PortChoice } from './ports.js';
import { toIsoUtc } from './slots.js';

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

/** The selectable starts (ISO UTC) for the chosen port (or any fitting one) and duration; the last answer kept. */
export class StartsMemo {
  #key: readonly unknown[] = [];
  #starts: string[] = [];

  starts(input: StartsInput): string[] {
    const { availability, choice, duration, step, now, timeZone } = input;
    const evseIds = portsInPlay(choice);
    // By the EVSEs in play, not the port list: the ports' details arriving after the start times
    // recompute nothing unless they withdraw a port.
    const inPlay = [...evseIds].sort((a, b) => a - b).join(',');
    const key = [availability, inPlay, duration, step, now, timeZone];
    if (key.length === this.#key.length && key.every((value, index) => value === this.#key[index])) {
      return this.#starts;
    }
    this.#starts = unionStarts({
      windowsByEvse: availability,
      evseIds,
      durationMinutes: duration,
      stepMinutes: step,
      now,
      timeZone,
    }).map(toIsoUtc);
    this.#key = key;
    return this.#starts;
  }
}
