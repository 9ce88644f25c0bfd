import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FlowView } from '../booking/view.js';

type Fatal = NonNullable<FlowView['fatal']>;

/**
 * Try again after a failed first load (audit finding 1): the alert and its button stay while the
 * load runs again, the button busy, so the focus stays on it and is still there when the load
 * fails again. When it succeeds, the focus (if it was on the button) goes on to the start times.
 */
export class LoadRetryController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #view: () => FlowView;
  readonly #focusStarts: () => void;
  /** The failure whose retry runs. */
  #failure: Fatal | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, view: () => FlowView, focusStarts: () => void) {
    this.#host = host;
    this.#view = view;
    this.#focusStarts = focusStarts;
    host.addController(this);
  }

  /** The alert to show: the load's failure, or the one whose retry runs; `retrying` while it runs. */
  fatal(view: FlowView): { fatal: Fatal | null; retrying: boolean } {
    return { fatal: view.fatal ?? this.#failure, retrying: !view.fatal && !!this.#failure };
  }

  /** Try again: `retry` runs the load again (once at a time). */
  retry(retry: () => void): void {
    const { fatal } = this.#view();
    if (this.#failure || !fatal) return;
    this.#failure = fatal;
    retry();
  }

  hostUpdate(): void {
    if (!this.#failure) return;
    const { fatal, loading, portsLoading } = this.#view();
    if (!fatal && (loading || portsLoading)) return;
    this.#failure = null;
    // Loaded: the button goes, the focus on it goes on to the start times.
    if (!fatal && this.#host.matches(':focus-within')) this.#focusStarts();
  }
}
