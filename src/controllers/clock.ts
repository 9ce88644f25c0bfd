import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The page clock: `now`, kept current every 30 s and whenever the page is shown again, so that
 * starts that have passed are no longer offered.
 */
export class ClockController implements ReactiveController {
  /** The time of the last tick (ms since the epoch). */
  now = Date.now();

  readonly #host: ReactiveControllerHost;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    host: ReactiveControllerHost,
    readonly intervalMs = 30_000,
  ) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(this.#tick, this.intervalMs);
    document.addEventListener('visibilitychange', this.#tick);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    document.removeEventListener('visibilitychange', this.#tick);
  }

  #tick = (): void => {
    this.now = Date.now();
    this.#host.requestUpdate();
  };
}
