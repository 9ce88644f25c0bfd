/**
 * The booking Book sends: the chosen start when it is still offered, with the chosen port, or
 * with "any available port" the first matching port, in list order, whose open window holds the
 * whole booking (SPEC §4 step 5). Part of the booking stage chunk: made only when a Book is sent.
 */
import type { StartsInput } from './choice.js';
import { portsInPlay, whyNoPort, type PortChoice } from './ports.js';
import { mergeWindows, toIsoUtc, type Window } from './slots.js';
import type { BookingChoice } from './states.js';

const MINUTE = 60_000;

/** Whether one window (after joining touching and overlapping ones) holds all of [start, end]. */
function windowsHold(windows: readonly Window[], start: number, end: number): boolean {
  return mergeWindows(windows).some(([from, to]) => from! <= start && end <= to!);
}

/**
 * The EVSE a booking of [start, start + duration] goes to with "any port": the first of `evseIds`
 * (in list order) whose open window holds the whole booking; null when none does.
 */
export function chooseEvse(
  start: number,
  durationMinutes: number,
  evseIds: readonly number[],
  windowsByEvse: ReadonlyMap<number, readonly Window[]>,
): number | null {
  const end = start + durationMinutes * MINUTE;
  return evseIds.find((evseId) => windowsHold(windowsByEvse.get(evseId) ?? [], start, end)) ?? null;
}

/**
 * The EVSE a booking of `start` for `durationMinutes` is sent with: the chosen one, or with "any
 * port" the first matching port in list order whose window holds the whole booking (SPEC §4 step 5).
 */
export function evseForBooking(
  choice: PortChoice,
  start: number,
  durationMinutes: number,
  windowsByEvse: ReadonlyMap<number, readonly Window[]>,
): number | null {
  return choice.evseId ?? chooseEvse(start, durationMinutes, portsInPlay(choice), windowsByEvse);
}

/**
 * The booking Book sends: the chosen start when it is still offered (with the port whose window
 * holds the whole booking, for "any port"), else no time (the flow then says which field is missing).
 */
export function bookingOf(
  input: StartsInput & { locationId: number; email: string; start: string | null; starts: readonly string[] },
): BookingChoice {
  const { start, duration, choice } = input;
  const offered = start !== null && input.starts.includes(start);
  return {
    locationId: input.locationId,
    evseId: offered ? evseForBooking(choice, Date.parse(start), duration, input.availability) : choice.evseId,
    startAt: offered ? start : null,
    endAt: offered ? toIsoUtc(Date.parse(start) + duration * MINUTE) : null,
    email: input.email,
    filtersMatchNoPort: whyNoPort(choice) === 'filters',
  };
}
