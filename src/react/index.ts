/**
 * React components for the widget and its parts, made with `@lit/react`'s `createComponent`:
 * props set the elements' properties (so `fetch`, `durations={[30, 60]}` and `evseIds` pass
 * through as values, not strings) and the `on…` props listen to the elements' events.
 *
 * ```tsx
 * import { EvBookingWidget } from 'ev-booking-widget/react';
 *
 * <EvBookingWidget locationId={7} apiBase="/api/ampeco" onBookingConfirmed={(e) => save(e.detail.booking)} />
 * ```
 *
 * Importing this module registers the custom elements (it imports the element modules), so a
 * server render outputs the tags and the browser upgrades them on hydration.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { EvBookingWidget as EvBookingWidgetElement } from '../ev-booking-widget.js';
import { EvPortList as EvPortListElement } from '../components/port-list/port-list.js';
import { EvSlotGrid as EvSlotGridElement } from '../components/slot-grid/slot-grid.js';
import { EvEmailForm as EvEmailFormElement } from '../components/email-form/email-form.js';
import { EvStatusTracker as EvStatusTrackerElement } from '../components/status-tracker/status-tracker.js';
import { EvBookingButton as EvBookingButtonElement } from '../ev-booking-button.js';
import type {
  BookingCancelledDetail,
  BookingConfirmedDetail,
  BookingErrorDetail,
  BookingRejectedDetail,
  BookingRequestedDetail,
  EmailInputDetail,
  EmailSubmitDetail,
  PortSelectDetail,
  SlotSelectDetail,
} from '../events.js';

export type {
  BookingCancelledDetail,
  BookingConfirmedDetail,
  BookingErrorDetail,
  BookingRejectedDetail,
  BookingRequestedDetail,
} from '../events.js';

/** The widget's events (SPEC §5) as React props, each given the `CustomEvent` with its typed `detail`. */
const bookingEvents = {
  onBookingRequested: 'ev-booking-requested' as EventName<CustomEvent<BookingRequestedDetail>>,
  onBookingConfirmed: 'ev-booking-confirmed' as EventName<CustomEvent<BookingConfirmedDetail>>,
  onBookingRejected: 'ev-booking-rejected' as EventName<CustomEvent<BookingRejectedDetail>>,
  onBookingCancelled: 'ev-booking-cancelled' as EventName<CustomEvent<BookingCancelledDetail>>,
  onBookingError: 'ev-booking-error' as EventName<CustomEvent<BookingErrorDetail>>,
};

/**
 * `<ev-booking-widget>` as a React component. Events: `onBookingRequested`,
 * `onBookingConfirmed`, `onBookingRejected`, `onBookingCancelled`, `onBookingError` (SPEC §5), each given the
 * `CustomEvent` with its typed `detail`.
 */
export const EvBookingWidget = createComponent({
  react: React,
  tagName: 'ev-booking-widget',
  elementClass: EvBookingWidgetElement,
  displayName: 'EvBookingWidget',
  events: bookingEvents,
});

/**
 * `<ev-booking-button>` (popup mode) as a React component: the same props as `EvBookingWidget`,
 * its text as children, and the widget's events from the dialog as the same `on…` props.
 */
export const EvBookingButton = createComponent({
  react: React,
  tagName: 'ev-booking-button',
  elementClass: EvBookingButtonElement,
  displayName: 'EvBookingButton',
  events: bookingEvents,
});

/** `<ev-port-list>`: `onPortSelect` gets `detail: { evseId }`. */
export const EvPortList = createComponent({
  react: React,
  tagName: 'ev-port-list',
  elementClass: EvPortListElement,
  displayName: 'EvPortList',
  events: {
    onPortSelect: 'ev-port-select' as EventName<CustomEvent<PortSelectDetail>>,
  },
});

/** `<ev-slot-grid>`: `onSlotSelect` gets `detail: { start }` (ISO UTC). */
export const EvSlotGrid = createComponent({
  react: React,
  tagName: 'ev-slot-grid',
  elementClass: EvSlotGridElement,
  displayName: 'EvSlotGrid',
  events: {
    onSlotSelect: 'ev-slot-select' as EventName<CustomEvent<SlotSelectDetail>>,
  },
});

/** `<ev-email-form>`: `onEmailInput` on every keystroke, `onEmailSubmit` with a valid address. */
export const EvEmailForm = createComponent({
  react: React,
  tagName: 'ev-email-form',
  elementClass: EvEmailFormElement,
  displayName: 'EvEmailForm',
  events: {
    onEmailInput: 'ev-email-input' as EventName<CustomEvent<EmailInputDetail>>,
    onEmailSubmit: 'ev-email-submit' as EventName<CustomEvent<EmailSubmitDetail>>,
  },
});

/** `<ev-status-tracker>`: `onRetry` (check again / try again) and `onPickAgain` (after a rejection). */
export const EvStatusTracker = createComponent({
  react: React,
  tagName: 'ev-status-tracker',
  elementClass: EvStatusTrackerElement,
  displayName: 'EvStatusTracker',
  events: {
    onRetry: 'ev-retry' as EventName<CustomEvent<void>>,
    onPickAgain: 'ev-pick-again' as EventName<CustomEvent<void>>,
  },
});
