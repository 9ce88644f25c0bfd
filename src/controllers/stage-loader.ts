/**
 * Loads the booking stage (`booking/booking-stage.ts`), the chunk with the machine's second half and the
 * booking calls, once: when the driver picks a start time, when a pending request kept before a
 * reload is found, or when Book asks for it. Never before the first start times.
 */
import { loadBookingParts } from '../components/booking-parts-loader.js';
import { loadOnce } from '../load-once.js';

/** The booking stage chunk's exports. */
export type BookingStage = typeof import('../booking/booking-stage.js');

export class StageLoader {
  /** The stage, once loaded. */
  stage: BookingStage | undefined;

  /** The stage, loaded once; a failed load (say, offline) is tried again on the next call. */
  readonly load: () => Promise<BookingStage> = loadOnce(() => {
    // The status tracker's view of a booking under way (the booking parts' chunk) is shown from the
    // first Book on: it comes with the stage, if not here yet (the tracker renders it once its status leaves `idle`).
    loadBookingParts().catch(() => undefined);
    return import('../booking/booking-stage.js').then((stage) => (this.stage = stage));
  });
}
