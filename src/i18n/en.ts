/**
 * English messages: the reference catalogue. Every other language is one file exporting a
 * `Messages` object with the same keys, listed in `catalogs` in `./index.ts`.
 * Placeholders are `{name}`; numbers and dates are formatted by the caller with `Intl`.
 */
export const en = {
  portGroup: 'Charging port',
  portsEmpty: 'No bookable ports at this location',
  portsLoading: 'Loading charging ports…',
  portFallbackName: '#{id}',
  portPower: '{power} kW',
  portOutOfOrder: 'Out of order',
  portUnavailable: 'Unavailable',
  slotGroup: 'Start time',
  slotsLoading: 'Loading free times…',
  slotPrevDay: 'Previous day',
  slotNextDay: 'Next day',
  slotNoTimes: 'No free times on this day',
  slotTimeZone: 'Times in {zone}',
  slotName: '{time}, {date}, {duration}',
  emailLabel: 'Email',
  emailInvalid: 'Enter a valid email address, like name@example.com',
  emailNotFound: 'No driver account uses this email.',
  emailSignUp: 'Sign up in the driver app',
  newTab: '(opens in a new tab)',
  book: 'Book this slot',
  booking: 'Booking…',
  statusSending: 'Sending your booking request…',
  statusPending: 'Waiting for the operator to confirm…',
  statusConfirmed: 'Booking confirmed',
  statusRejected: 'Booking request rejected',
  statusRejectedReason: 'Booking request rejected: {reason}',
  statusTimeout: "Your request is still pending. We'll keep it; check the driver app.",
  statusError: 'Something went wrong.',
  pickAgain: 'Pick another time',
  checkAgain: 'Check again',
  tryAgain: 'Try again',
} as const;
