import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Whether the day strip hides days past its start or its end (it scrolls sideways), for the fade
 * and the chevron on that side, and the chevrons' scrolling. Measured after each update of the
 * host, when the host is resized and when the strip scrolls.
 */
export class StripOverflow implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #resize = new ResizeObserver(() => this.measure());
  /** Days hidden past the strip's start, and past its end. */
  more = { before: false, after: false };

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  get #strip(): Element | null {
    return this.#host.renderRoot.querySelector('.strip');
  }

  hostConnected(): void {
    this.#resize.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
  }

  hostUpdated(): void {
    this.measure();
  }

  /** Measures the strip (`scrollLeft` runs from 0 to negative in right-to-left text). */
  readonly measure = (): void => {
    const strip = this.#strip;
    if (!strip) return;
    const scrolled = Math.abs(strip.scrollLeft);
    const more = { before: scrolled > 1, after: scrolled + strip.clientWidth < strip.scrollWidth - 1 };
    if (more.before === this.more.before && more.after === this.more.after) return;
    this.more = more;
    this.#host.requestUpdate();
  };

  /** Scrolls the strip by most of its width, toward its end or its start. */
  readonly scroll = (towardEnd: boolean): void => {
    const strip = this.#strip;
    if (!strip) return;
    const rtl = getComputedStyle(strip).direction === 'rtl';
    strip.scrollBy({ left: (towardEnd === rtl ? -1 : 1) * strip.clientWidth * 0.8, behavior: 'smooth' });
  };
}
