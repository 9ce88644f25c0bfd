/**
 * English messages: the reference catalogue, inside the script-tag entry (every other language is
 * a chunk loaded on demand, see `./index.ts`). Its keys are the message keys: every other catalogue
 * is `satisfies Catalogue`, so a missing or an extra key fails `tsc`. Placeholders are `{name}`;
 * numbers and dates are formatted by the caller with `Intl`.
 */
export const en = {
  portGroup: 'Charging port',
  portsEmpty: 'No bookable ports here',
  portsLoading: 'Loading ports…',
  portFallbackName: '#{id}',
  portPower: '{power} kW',
  portOutOfOrder: 'Out of order',
  portUnavailable: 'Unavailable',
  slotGroup: 'Start time',
  slotsLoading: 'Loading times…',
  slotPrevDay: 'Previous day',
  slotNextDay: 'Next day',
  slotNoTimes: 'No free times',
  slotTimeZone: 'Times in {zone}',
  slotName: '{time}, {date}, {duration}',
  emailLabel: 'Email',
  emailInvalid: 'Enter a valid email.',
  emailNotFound: 'No account with this email.',
  emailSignUp: 'Sign up in the driver app',
  newTab: '(new tab)',
  book: 'Book',
  booking: 'Booking…',
  statusSending: 'Sending request…',
  statusPending: 'Waiting for confirmation…',
  statusConfirmed: 'Booking confirmed',
  statusRejected: 'Booking rejected',
  statusRejectedReason: 'Booking rejected: {reason}',
  statusTimeout: 'Still pending. Check the driver app.',
  statusError: 'Something went wrong.',
  pickAgain: 'Pick another time',
  checkAgain: 'Check again',
  tryAgain: 'Try again',
  locationFallback: 'Book a charging slot',
  duration: 'Duration',
  zoneDiffers: 'Your time zone: {zone}',
  pickPort: 'Choose a port first.',
  portFirst: 'Choose a port to see its times.',
  pickTime: 'Choose a time first.',
  noReason: 'No reason given.',
  bookAnother: 'Book another',
  offline: "You're offline. We'll retry when you reconnect.",
  errorConfig: 'This widget has no valid location.',
  errorNetwork: "Can't reach the booking service.",
  errorUnauthorized: 'Access denied.',
  errorForbidden: 'Booking not allowed here.',
  errorNotFound: 'Location not found.',
  errorRateLimited: 'Too many requests. Try again soon.',
  errorValidation: 'Request not accepted.',
  errorBadResponse: 'Unreadable reply from the service.',
  errorTimeout: 'The service took too long.',
} as const;

/** The name of a message: a key of the English catalogue. */
export type MessageKey = keyof typeof en;

/** A language's messages: one text per message key, no more, no fewer. */
export type Catalogue = Readonly<Record<MessageKey, string>>;
