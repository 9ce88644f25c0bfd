/**
 * The booking parts: what `<ev-email-form>` and `<ev-status-tracker>` render once a driver can
 * book, a chunk beside the entry (`chunk-booking-parts-….js`, loaded by `booking-parts-loader.ts`)
 * that an English page loads once its first start times are shown, never before them. In it: the
 * email form's view and styles (and the widget's template of it), the tracker's view of a booking under way (progress, outcomes, the
 * action button, the pending and the confirmation card) with its styles, and English's booking
 * texts (`i18n/en-booking.ts`), which fill what a catalogue without its booking half lacks.
 */
export { EmailFormView, emailFormStyles } from './email-form/email-form-view.js';
export { TrackerView, trackerStyles } from './status-tracker/tracker-view.js';
export { enBooking } from '../i18n/en-booking.js';
export { renderEmailForm } from '../ev-booking-widget.email-form.js';
