/**
 * English, the booking's texts (the email form, the status tracker and the confirmation card): in
 * the booking parts' chunk, loaded once the first start times are shown (see `./index.ts`). Its
 * keys are the booking's message keys: every other language's `<lang>-booking.ts` is
 * `satisfies BookingCatalogue`, so a missing or an extra key fails `tsc`.
 */
import type { Catalogue } from './en.js';

export const enBooking = {
  pickPort: 'Choose a port first.',
  filtersNoTimes: 'Change the filters to see times.',
  changeFilters: 'No port matches these filters. Change them to book.',
  pickTime: 'Choose a time first.',
  noReason: 'No reason given.',
  emailLabel: 'Email',
  emailInvalid: 'Enter a valid email.',
  emailNotFound: 'No account with this email.',
  emailSignUp: 'Sign up in the driver app',
  newTab: '(new tab)',
  book: 'Book',
  booking: 'Booking…',
  statusSending: 'Sending request…',
  statusPending: 'Booking pending, waiting for confirmation…',
  statusConfirmed: 'Booking confirmed',
  statusRejected: 'Booking rejected',
  statusRejectedReason: 'Booking rejected: {reason}',
  statusTimeout: 'Still pending. Check the driver app.',
  statusError: 'Something went wrong.',
  pickAgain: 'Pick another time',
  checkAgain: 'Check again',
  bookAnother: 'Book another',
  summaryAnyPort: 'any port',
  summaryTitle: 'Your booking',
  confirmedReference: 'Reference',
  confirmedWhen: 'When',
  confirmedPort: 'Port',
  confirmedAddress: 'Address',
  confirmedNext: 'The port is held for you. Start charging from the driver app when you arrive.',
  addToCalendar: 'Add to calendar',
  googleCalendar: 'Google Calendar',
  cancelBooking: 'Cancel booking',
  cancelConfirm: 'Cancel this booking? The port is released for others.',
  cancelYes: 'Yes, cancel it',
  cancelNo: 'Keep it',
  cancelling: 'Cancelling…',
  cancelled: 'Booking cancelled',
  calendarSummary: 'EV charging at {place}',
  calendarPlace: 'the charger',
  pendingHint: 'You can leave this page: the booking goes on, and the driver app shows the answer.',
} as const;

/** The name of a message of the booking's texts. */
export type BookingKey = keyof typeof enBooking;

/** A language's booking texts: one text per booking message key, no more, no fewer. */
export type BookingCatalogue = Readonly<Record<BookingKey, string>>;

/** `catalogue` with English's booking texts where it has none (its booking half not loaded, or failed to). */
export const withBookingTexts = (catalogue: Catalogue): Catalogue & BookingCatalogue => ({
  ...enBooking,
  ...catalogue,
});
