import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Gives its host an `AbortSignal` that aborts (with an `AbortError`) when the host leaves the
 * document, so every request and timer tied to it stops with the element. A fresh signal is made
 * when the host connects again.
 */
export class DisconnectAbortController implements ReactiveController {
  #controller = new AbortController();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  hostConnected(): void {
    if (this.#controller.signal.aborted) this.#controller = new AbortController();
  }

  hostDisconnected(): void {
    this.#controller.abort();
  }
}
