/**
 * Loads the booking parts (`booking-parts.ts`): the code of `<ev-email-form>` and of
 * `<ev-status-tracker>`'s view of a booking under way, with their styles and English's booking
 * texts, a chunk beside the entry (`chunk-booking-parts-….js`). Both elements are registered by
 * the entry and render once it is here; `<ev-booking-widget>` asks for it once its first start
 * times are shown (or a start is picked, or a booking is under way), a part on its own when it
 * connects. Loaded once per page; a failed load is tried again on the next call.
 */
import { adoptStyles, type CSSResultOrNative, type LitElement } from 'lit';
import { loadOnce } from '../load-once.js';

/** The booking parts chunk's exports. */
export type BookingParts = typeof import('./booking-parts.js');

/** The booking parts, once loaded (a part connected later makes its view at once). */
let loaded: BookingParts | undefined;

export const loadBookingParts: () => Promise<BookingParts> = loadOnce(() =>
  import('./booking-parts.js').then((parts) => (loaded = parts)),
);

/**
 * A part's view from the booking parts, for the element registered by the entry that shows it:
 * `load()` loads the chunk (once), adopts the view's styles beside the element's own, makes the
 * view and asks the element to update (at once when the chunk is already here: the element's
 * update that asked renders with it); `settled()` waits for a load on its way, so that the
 * element's `updateComplete` resolves once it has rendered with its code.
 */
export class PartView<View> {
  /** The view, once its code is here. */
  view: View | undefined;
  readonly #host: LitElement;
  readonly #make: (parts: BookingParts) => { view: View; styles: CSSResultOrNative[] };
  #loading: Promise<void> | undefined;

  constructor(host: LitElement, make: (parts: BookingParts) => { view: View; styles: CSSResultOrNative[] }) {
    this.#host = host;
    this.#make = make;
  }

  /** Loads the view (once; after a failed load, again). */
  load(): void {
    if (this.view) return;
    if (loaded) return this.#use(loaded);
    this.#loading ??= loadBookingParts().then(
      (parts) => this.#use(parts),
      (error: unknown) => {
        this.#loading = undefined;
        console.warn('[ev-booking-widget] the booking parts did not load.', error);
      },
    );
  }

  #use(parts: BookingParts): void {
    if (this.view) return;
    const { view, styles } = this.#make(parts);
    const own = (this.#host.constructor as typeof LitElement).elementStyles;
    adoptStyles(this.#host.renderRoot as ShadowRoot, [...own, ...styles]);
    this.view = view;
    this.#host.requestUpdate();
  }

  /** Resolves once a load on its way has ended (at once when none is). */
  async settled(): Promise<void> {
    if (!this.view) await this.#loading;
  }
}
