/**
 * English messages of the first view (the port list's frame, the durations, the start times, the
 * load's failures), inside the script-tag entry: with `en-ports.ts` (the port list's cards and
 * filters, which come with their code after the first start times) the reference catalogue of
 * the first view (every other language is a chunk loaded on demand, see `./index.ts`). The
 * booking's texts (the email form, the status tracker, the confirmation card) are
 * `en-booking.ts`, which comes with the booking parts. Every other language's first-view
 * catalogue is `satisfies FirstViewCatalogue`, so a missing or an extra key fails `tsc`.
 * Placeholders are `{name}`; numbers and dates are formatted by the caller with `Intl`.
 */
import type { BookingKey } from './en-booking.js';
import type { PortKey } from './en-ports.js';

export const en = {
  portGroup: 'Charging port',
  portsLoading: 'Loading ports…',
  slotGroup: 'Start time',
  slotsLoading: 'Loading start times…',
  slotsLoaded: 'Start times shown: {day}, {free}.',
  slotNoTimes: 'No free times',
  slotName: '{time} {zone}, {date}, {duration}',
  tryAgain: 'Try again',
  locationFallback: 'Book a charging slot',
  duration: 'Duration',
  portFirst: 'Choose a port to see its times.',
  offline: "You're offline. We'll retry when you reconnect.",
  errorConfig: 'This widget has no valid location.',
  errorNetwork: "Can't reach the booking service.",
  errorService: 'The booking service had a problem. Try again in a moment.',
  errorUnauthorized: 'Access denied.',
  errorForbidden: 'Booking not allowed here.',
  errorNotFound: 'Location not found.',
  errorRateLimited: 'Too many requests. Try again soon.',
  errorValidation: 'Request not accepted.',
  errorBadResponse: 'Unreadable reply from the service.',
  errorTimeout: 'The service took too long.',
  dayStrip: 'Day',
  dayFree: '{count} free',
  dayFull: 'Full',
  dayLoading: 'Loading',
  dayFailed: 'Not loaded',
  dayTimesLoading: 'The times of this day are still loading…',
  dayTimesFailed: 'The times of this day could not be loaded.',
  partNight: 'Night',
  partMorning: 'Morning',
  partAfternoon: 'Afternoon',
  partEvening: 'Evening',
  slotKeysHint: 'Arrow keys move between times, Page Up and Page Down change the day.',
  slotTakenName: '{time}, taken',
  zoneCityName: '{city} time ({offset})',
  zoneSentence: 'Times are {zone}',
  zoneYours: 'Your own time zone is {zone}.',
  close: 'Close',
  openButton: 'Book a charger',
} as const;

/** The name of a message of the first view: a key of English's first-view catalogue, or of its port texts. */
export type FirstViewKey = keyof typeof en | PortKey;

/** The name of a message: of the first view or of the booking's texts. */
export type MessageKey = FirstViewKey | BookingKey;

/**
 * Texts that are symbols, not words (`#12`, `22 kW`, `AC`, `DC`): a language that writes them as
 * English does leaves them out and English's are shown (they are port texts: `portTexts` fills
 * them in where the port list and the card show them); one that writes them in its own way gives
 * its own (Arabic's power is `22 كيلوواط`).
 */
export type SymbolKey = 'portFallbackName' | 'portPower' | 'currentAc' | 'currentDc';

/** A language's first-view messages: one text per first-view key (the symbols optional), no unknown key. */
export type FirstViewCatalogue = Readonly<
  Record<Exclude<FirstViewKey, SymbolKey>, string> & Partial<Record<SymbolKey, string>>
>;

/**
 * The messages an element holds: the first view's (English's port texts not among them: the parts
 * that show them fill them in, `portTexts`), and the booking's once they are here (an element that
 * shows them fills what is missing from English's, `en-booking.ts`).
 */
export type Catalogue = Omit<FirstViewCatalogue, PortKey> & Partial<Readonly<Record<PortKey | BookingKey, string>>>;
