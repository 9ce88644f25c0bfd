/**
 * When `<ev-booking-widget>` shows its booking parts: the email form (and the tracker's view of a
 * booking under way) are the booking parts' chunk, with the language's booking texts beside it.
 * They are asked for once the first start times are on screen (after a painted frame, when the
 * browser is idle: never before the first start times, and usually here before the driver has
 * picked one), at once when a start is picked or a booking is under way. `ready` says that both
 * are here (or the texts failed or are late: English's meanwhile); the host shows the email form
 * from then on. A failed load is tried again on the next ask.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterPaint } from '../booking/load.js';
import { loadBookingParts } from '../components/booking-parts-loader.js';

/** Resolves when the browser is idle (or after a second at most; a task later where there is no idle callback). */
const whenIdle = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 1000 })
      : setTimeout(resolve, 0),
  );

export class BookingPartsController implements ReactiveController {
  /** The parts and the booking texts are here: the email form shows. */
  ready = false;
  readonly #host: ReactiveControllerHost;
  readonly #loadTexts: () => Promise<void>;
  #loading: Promise<void> | undefined;
  /** The ask once idle, while it waits for its turn. */
  #idle: Promise<void> | undefined;
  #connected = false;

  /** `loadTexts` loads the host's booking texts (`LocaleController.loadBookingTexts`). */
  constructor(host: ReactiveControllerHost, loadTexts: () => Promise<void>) {
    this.#host = host;
    this.#loadTexts = loadTexts;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
  }

  /** Asks for the parts now (a start was picked, a booking is under way). */
  prepare(): void {
    this.#loading ??= Promise.all([loadBookingParts(), this.#loadTexts()]).then(
      () => {
        this.ready = true;
        this.#host.requestUpdate();
      },
      () => (this.#loading = undefined),
    );
  }

  /** The first start times are on screen: asks for the parts once a frame is painted and the browser is idle. */
  prepareWhenIdle(): void {
    this.#idle ??= afterPaint()
      .then(whenIdle)
      .then(() => {
        if (this.#connected) this.prepare();
        else this.#idle = undefined;
      });
  }

  /** Resolves once an ask on its way (or waiting for an idle moment) has ended; at once when none is, or when they are here. */
  async settled(): Promise<void> {
    if (this.ready) return;
    await this.#idle;
    await this.#loading;
  }
}
