/**
 * ev-booking-widget: registers `<ev-booking-widget>` and its four parts, and exports their classes,
 * the event detail types and the API types (inferred from the zod schemas).
 */
export { EvBookingWidget } from './ev-booking-widget.js';
export { EvPortList } from './components/port-list/port-list.js';
export { EvSlotGrid, type SlotDay } from './components/slot-grid/slot-grid.js';
export { EvEmailForm } from './components/email-form/email-form.js';
export { EvStatusTracker, type TrackedBooking } from './components/status-tracker/status-tracker.js';
export { EvDurationPicker } from './components/duration-picker/duration-picker.js';
export { EvBookingButton } from './ev-booking-button.js';
export type {
  BookingRequestedDetail,
  BookingConfirmedDetail,
  BookingRejectedDetail,
  BookingCancelledDetail,
  BookingErrorDetail,
} from './events.js';
export type { ErrorCode } from './api/errors.js';
export type { Booking, BookingRequest, Evse, Location, Connector, EvseAvailability } from './api/schemas.js';
