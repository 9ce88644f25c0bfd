/**
 * When `<ev-booking-widget>` shows its booking parts: the email form (and the tracker's view of a
 * booking under way) are the booking parts' chunk, with the language's booking texts beside it.
 * They are asked for once the first start times are on screen (after a painted frame, when the
 * browser is idle: never before the first start times, and usually here before the driver has
 * picked one), at once when a start is picked or a booking is under way. `parts` are there once both
 * are here (or the texts failed or are late: English's meanwhile); the host shows the email form
 * from then on. A failed load is tried again on the next ask.
 *
 * At the same idle moment it asks for the port list's cards (`port-cards.ts`), which the port list
 * loads when the ports' details arrive: usually here before them, so the list does not wait for it.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import type { State } from '../booking/states.js';
import { afterPaint } from '../booking/load.js';
import { loadBookingParts, type BookingParts } from '../components/booking-parts-loader.js';

/** Resolves when the browser is idle (or after a second at most; a task later where there is no idle callback). */
const whenIdle = (): Promise<void> =>
  new Promise((resolve) =>
    typeof requestIdleCallback === 'function'
      ? requestIdleCallback(() => resolve(), { timeout: 1000 })
      : setTimeout(resolve, 0),
  );

export class BookingPartsController implements ReactiveController {
  /** The booking parts, once here with the booking texts: the email form shows. */
  parts: BookingParts | undefined;
  readonly #host: ReactiveElement;
  readonly #texts: { loadBookingTexts(): Promise<void> };
  readonly #flow: { readonly state: State };
  #loading: Promise<void> | undefined;
  /** The ask once idle, while it waits for its turn. */
  #idle: Promise<void> | undefined;
  #connected = false;

  /** `texts` loads the host's booking texts (its `LocaleController`); `flow` says where the flow is (its `FlowRunner`). */
  constructor(host: ReactiveElement, texts: { loadBookingTexts(): Promise<void> }, flow: { readonly state: State }) {
    this.#host = host;
    this.#texts = texts;
    this.#flow = flow;
    host.addController(this);
  }

  hostUpdated(): void {
    // The first start times are on screen: the parts come next; a booking under way (say, resumed) needs them now.
    const { kind } = this.#flow.state;
    if (kind === 'choosing') this.prepareWhenIdle();
    else if (kind !== 'loading' && kind !== 'load-failed' && kind !== 'config-error') this.prepare();
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
  }

  /** Asks for the parts now (a start was picked, a booking is under way). */
  prepare(): void {
    this.#loading ??= Promise.all([loadBookingParts(), this.#texts.loadBookingTexts()]).then(
      ([parts]) => {
        this.parts = parts;
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
        if (!this.#connected) {
          this.#idle = undefined;
          return;
        }
        this.prepare();
        // The port list asks for them itself (and again after a failure); this only asks earlier.
        import('../components/port-list/port-cards.js').catch(() => undefined);
      });
  }

  /** Resolves once an ask on its way (or waiting for an idle moment) has ended; at once when none is, or when they are here. */
  async settled(): Promise<void> {
    if (this.parts) return;
    await this.#idle;
    await this.#loading;
  }

  /** Resolves once the parts in the host have rendered (the email form, the tracker). */
  async rendered(): Promise<void> {
    const root = this.#host.renderRoot;
    await root.querySelector('ev-email-form')?.updateComplete;
    await root.querySelector('ev-status-tracker')?.updateComplete;
  }
}
