/**
 * The first load (SPEC §4 steps 1–4) and the availability reload, on an API client: no DOM.
 *
 * The availability is asked in "weeks" of at most 7 days per request (for more than 7 days, the
 * first of 2 days: at most 5 for 28 days). The first is asked with the location, and the start
 * times show as soon as both have answered; the later weeks are asked once they are painted, and
 * each fills its days in when it answers (its days say they are loading until then, or that they
 * failed).
 */
import type { ReadCalls, CallOptions } from '../api/client.js';
import type { Evse, EvseAvailability, Location, TimeWindow } from '../api/schemas.js';
import { availabilityRanges, resolveTimeZone, toIsoUtc } from './slots.js';

/** The open windows per EVSE id. */
export type Availability = Map<number, TimeWindow[]>;

/**
 * What the first load brings. Shown in two waves (SPEC §4, v2): first the location and the
 * availability's first week, with `ports` standing in as bare ids (the availability's EVSEs within
 * `evse-ids`) and `portsReady` false; then the ports' details (`portsReady` true).
 */
export interface LoadedData {
  location: Location;
  /** The location's timezone, or the browser's when it has none. */
  timeZone: string;
  /** The bookable ports (within `evse-ids`), in list order; bare ids until `portsReady`. */
  ports: Evse[];
  /** Whether steps 2–3 answered: `ports` has the ports' details and only bookable ones. */
  portsReady: boolean;
  /** The first week's open windows (the later weeks follow: `FirstLoad.laterWeeks`). */
  availability: Availability;
}

export interface LoadInput {
  locationId: number;
  /** How many days ahead (1–28). */
  days: number;
  /** Offer only these EVSEs (empty: all). */
  evseIds: readonly number[];
}

/** One availability request: the instants it covers, [from, to), and its answer. */
export interface WeekLoad {
  from: number;
  to: number;
  answer: Promise<EvseAvailability[]>;
}

/**
 * Lets the browser run what waits (input, a frame, other answers) before the next piece of work:
 * `scheduler.yield()` where there is one (the continuation keeps its place), else a new task.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits for the next frame to be painted, then for a new task: work that follows a long task
 * (reading a big answer, evaluating the bundle) gets a frame of its own instead of making one
 * long frame with it. A hidden page paints no frames: then, as without frames at all (Node), a
 * new task (and at most 50 ms when the page is hidden while waiting).
 */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return nextTask();
  return new Promise((resolve) => {
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      setTimeout(resolve, 0);
    };
    requestAnimationFrame(start);
    setTimeout(start, 50);
  });
}

/** Step 2 and 3: charge points (all pages), then their EVSEs in parallel; only bookable ones. */
export async function loadPorts(
  client: ReadCalls,
  { locationId, evseIds }: LoadInput,
  call: CallOptions = {},
): Promise<Evse[]> {
  const chargePoints = await client.listChargePoints(locationId, call);
  const lists = await Promise.all(chargePoints.map((chargePoint) => client.listEvses(chargePoint.id, call)));
  return lists
    .flat()
    .filter((evse) => evse.bookingEnabled === true && (evseIds.length === 0 || evseIds.includes(evse.id)));
}

/** One availability request: the open windows per EVSE in [from, to). */
const askWeek = (
  client: ReadCalls,
  locationId: number,
  { from, to }: { from: number; to: number },
  call: CallOptions,
): Promise<EvseAvailability[]> =>
  client.checkAvailability(locationId, { startAfter: toIsoUtc(from), endBefore: toIsoUtc(to) }, call);

/**
 * Step 4's requests, all sent now: by default `days` × 24 h from now in weeks (the timezone is not
 * known yet: the location is read at the same time); or the `ranges` given (a retry).
 */
export function askWeeks(
  client: ReadCalls,
  { locationId, days }: LoadInput,
  call: CallOptions = {},
  ranges: readonly { from: number; to: number }[] = weekRanges(Date.now(), days),
): WeekLoad[] {
  return ranges.map((range) => ({ ...range, answer: askWeek(client, locationId, range, call) }));
}

/** The weeks of `days` days from `now`, as instants. */
export const weekRanges = (now: number, days: number): { from: number; to: number }[] =>
  availabilityRanges(now, days).map((range) => ({
    from: Date.parse(range.startAfter),
    to: Date.parse(range.endBefore),
  }));

/** The windows per EVSE with a week's answer added: a new map (the old one is left as it was). */
export function addWeek(availability: Availability, items: readonly EvseAvailability[]): Availability {
  const added: Availability = new Map(availability);
  for (const { evseId, availableSlots } of items) {
    const known = added.get(evseId);
    added.set(evseId, known ? known.concat(availableSlots) : availableSlots);
  }
  return added;
}

/** Step 4 whole (the reload after a start was taken): every week, once all have answered. */
export async function loadAvailability(
  client: ReadCalls,
  input: LoadInput,
  call: CallOptions = {},
): Promise<Availability> {
  const answers = await Promise.all(askWeeks(client, input, call).map((week) => week.answer));
  let availability: Availability = new Map();
  for (const items of answers) {
    // One week per task: a big site's week is tens of thousands of windows.
    await nextTask();
    availability = addWeek(availability, items);
  }
  return availability;
}

/** The ports as far as the availability tells them: its EVSEs (within `evse-ids`) as bare ids, in its order. */
export function portsOfAvailability(availability: Availability, evseIds: readonly number[]): Evse[] {
  return [...availability.keys()].filter((id) => evseIds.length === 0 || evseIds.includes(id)).map((id) => ({ id }));
}

/** The first load's waves. */
export interface FirstLoad {
  /** Steps 1 and 4's first week: what the first start times need. */
  times: Promise<LoadedData>;
  /** Step 4's weeks (one for 7 days or fewer): `times` waits for the first; the later ones are asked after it. */
  weeks: WeekLoad[];
  /** Steps 2 and 3: the bookable ports with their details. */
  ports: Promise<Evse[]>;
}

/**
 * Steps 1–4: the location, the availability's first week and the charge points are asked at once;
 * the EVSE lists follow the charge points, the later weeks the first start times.
 */
export function startLoad(client: ReadCalls, input: LoadInput, call: CallOptions = {}): FirstLoad {
  const location = client.getLocation(input.locationId, call);
  const [firstRange, ...laterRanges] = weekRanges(Date.now(), input.days);
  const [first] = askWeeks(client, input, call, [firstRange!]);
  const times = Promise.all([location, first!.answer]).then(async ([location, items]): Promise<LoadedData> => {
    // The answer was read and checked in the task it arrived in; the times render in a frame after.
    await afterPaint();
    const availability = addWeek(new Map(), items);
    return {
      location,
      timeZone: resolveTimeZone(location.timezone),
      ports: portsOfAvailability(availability, input.evseIds),
      portsReady: false,
      availability,
    };
  });
  // The later weeks are asked once the first start times are painted (rendered in the task `times`
  // resolves in, painted by the frame after it): a big site's week is ~750 KB, whose arrival and
  // reading (~50 ms each) would otherwise hold the first start times, the ports' answers and their
  // list back. Each has its own time limit from when it is asked.
  const shown = times.then(nextTask).then(afterPaint);
  const ports = loadPorts(client, input, call);
  const later = laterRanges.map((range) => ({
    ...range,
    answer: shown.then(() => askWeek(client, input.locationId, range, { ...call, since: Date.now() })),
  }));
  const weeks: WeekLoad[] = [first!, ...later];
  // Waited for later (or never, when the times fail first): not an unhandled rejection meanwhile;
  // nor is `shown`, which fails with the times and which a page of 7 days or fewer never waits for.
  for (const pending of [ports, shown, ...weeks.map((week) => week.answer)]) pending.catch(() => undefined);
  return { times, weeks, ports };
}
