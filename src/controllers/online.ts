/**
 * Whether the browser says it is online: `offline` after its `offline` event (or a Book sent
 * without a network), and `back` called on its `online` event, while the host is connected.
 */
import type { ReactiveController, ReactiveElement } from 'lit';

export class OnlineController implements ReactiveController {
  /** The browser said it is offline (and has not said it is back). */
  offline = false;

  constructor(
    private readonly host: ReactiveElement,
    /** The browser is back online; `wasOffline` says whether it had said it was not. */
    private readonly back: (wasOffline: boolean) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('online', this.#handleOnline);
    window.addEventListener('offline', this.#handleOffline);
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#handleOnline);
    window.removeEventListener('offline', this.#handleOffline);
  }

  /**
   * Marks the page offline (its `offline` event, or Book pressed while `navigator.onLine` is false).
   * Already offline, the notice goes for one update and comes back: a new alert, read out again.
   */
  wentOffline = (): void => {
    const again = this.offline;
    this.offline = !again;
    this.host.requestUpdate();
    // Unless the browser came back meanwhile.
    if (again)
      void this.host.updateComplete.then(() => (this.offline = !navigator.onLine) && this.host.requestUpdate());
  };

  #handleOnline = (): void => {
    const wasOffline = this.offline;
    this.offline = false;
    this.host.requestUpdate();
    this.back(wasOffline);
  };

  #handleOffline = this.wentOffline;
}
