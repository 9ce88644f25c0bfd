/**
 * `<ev-booking-widget>`'s view model: what its template shows, derived from the flow's state, the
 * locale, the page clock, the attributes and the driver's choice; and the choice's port and
 * selectable starts, which a Book reads too. No DOM: the element gathers its parts, this derives.
 */
import type { StartsInput, StartsMemo } from './booking/choice.js';
import { isFiltered, whyNoPort, type PortChoice, type PortFilter } from './booking/ports.js';
import { resolveTimeZone } from './booking/slots.js';
import { viewWith } from './booking/view.js';
import type { BookingPartsController } from './controllers/booking-parts.js';
import type { FlowRunner } from './controllers/flow-runner.js';
import type { LoadRetryController } from './controllers/load-retry.js';
import type { LocaleController } from './controllers/locale.js';
import type { WidgetTemplateInput } from './ev-booking-widget.template.js';
import { clampDays, offeredDurations, slotStepOf } from './widget-attributes.js';

/** What the driver chose so far, as the element keeps it. */
export interface DriverChoice {
  /** The chosen port (EVSE id); null is "Any available port". */
  evseId: number | null;
  filter: PortFilter;
  /** Minutes. */
  duration: number;
  /** ISO UTC, or null before a start is picked. */
  start: string | null;
  email: string;
}

/** The element's parts the view is derived from. */
export interface WidgetParts {
  flow: FlowRunner;
  locale: LocaleController;
  /** The page clock's minute. */
  now: number;
  loadRetry: LoadRetryController;
  bookingParts: BookingPartsController;
  starts: StartsMemo;
  choice: DriverChoice;
  /** The attributes as set (clamped and defaulted here). */
  attributes: { days: number; slotStep: number; durations: number[]; signupUrl: string | undefined };
}

/** The port choice: the chosen EVSE, or any port fitting the filter. */
export const portChoiceOf = ({ flow, choice }: WidgetParts): PortChoice => ({
  ports: flow.data?.ports ?? [],
  evseId: choice.evseId,
  filter: choice.filter,
});

/** What the selectable starts depend on, at the clock's minute, in `timeZone`. */
export const startsInputOf = (parts: WidgetParts, timeZone: string): StartsInput => ({
  availability: parts.flow.availability,
  choice: portChoiceOf(parts),
  duration: parts.choice.duration,
  step: slotStepOf(parts.attributes.slotStep),
  now: parts.now,
  timeZone,
});

/** What the template shows. */
export function widgetViewOf(parts: WidgetParts): WidgetTemplateInput {
  const { flow, choice, attributes } = parts;
  const data = flow.data;
  // No zone before the location answers: nothing zoned is shown while loading.
  const timeZone = data?.timeZone ?? 'UTC';
  const flowView = viewWith(flow.state, flow.stage?.outcomeOf);
  const { fatal, retrying } = parts.loadRetry.fatal(flowView);
  const view = { ...flowView, fatal };
  // Until the locale's messages are here too (no flash of English): they load beside the data.
  // With a connector filter the start times need the ports' details too (SPEC §4, v2).
  const filtered = isFiltered(choice.filter);
  const loading = view.loading || !data || parts.locale.loading || (view.portsLoading && filtered);
  const { locale, textLanguage, direction, catalogue, t } = parts.locale;
  const starts = loading ? [] : parts.starts.starts(startsInputOf(parts, timeZone));
  return {
    locale,
    textLanguage,
    direction,
    catalogue,
    t,
    view,
    data,
    loading,
    timeZone,
    ownTimeZone: data ? resolveTimeZone(null) : timeZone,
    now: parts.now,
    offeredDays: loading
      ? []
      : parts.starts.days(starts, {
          now: parts.now,
          timeZone,
          dayCount: clampDays(attributes.days),
          weeks: flow.availabilityWeeks.weeks,
        }),
    slotStep: slotStepOf(attributes.slotStep),
    starts,
    evseId: choice.evseId,
    // While the ports load, the choice is any port (no "pick a port first" before they are shown).
    noPort: loading || view.portsLoading ? null : whyNoPort(portChoiceOf(parts)),
    portFilter: choice.filter,
    duration: choice.duration,
    durations: offeredDurations(attributes.durations),
    start: choice.start,
    email: choice.email,
    signupUrl: attributes.signupUrl ?? null,
    offline: flow.offline,
    stage: flow.stage,
    bookingParts: parts.bookingParts.parts,
    retrying,
  };
}
