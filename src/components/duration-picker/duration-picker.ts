import { LitElement, css, html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { parseDurations } from '../../booking/slots.js';
import { createEvent, type DurationSelectDetail } from '../../events.js';
import { en, formatMinutes, translate, type Catalogue } from '../../i18n/index.js';
import { pills } from '../../styles/pills.js';
import { base, tokens } from '../../styles/tokens.js';

/**
 * The booking's length as a row of pills: native radio buttons in a group named "Duration".
 *
 * @summary Lets the driver pick how long to book.
 *
 * @fires ev-duration-select - The driver picked a duration. `detail: { minutes: number }`.
 *
 * @csspart duration - The fieldset.
 * @csspart pill - One duration.
 *
 * @cssprop --ev-font, --ev-color-bg, --ev-color-fg, --ev-color-muted, --ev-color-accent, --ev-color-border, --ev-radius, --ev-space, --ev-focus-ring - As on `<ev-booking-widget>`.
 *
 * @attr durations - Minutes offered, a comma list (default `30,60,90,120`).
 * @attr value - The chosen duration in minutes.
 * @attr locale - BCP 47 locale of the dates, times and numbers (default `en`); the texts are the `catalogue` property's, English unless a host gives its own.
 * @attr disabled - Disables every pill.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvDurationPicker extends LitElement {
  static override styles = [
    tokens,
    base,
    pills,
    css`
      .pill:has(:checked) {
        box-shadow: inset 0 0 0 1px var(--_accent);
      }
      .pill:has(:disabled) {
        cursor: not-allowed;
        color: var(--_muted);
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    durations: { converter: { fromAttribute: parseDurations } },
    value: { type: Number },
    locale: {},
    catalogue: { attribute: false },
    disabled: { type: Boolean, reflect: true },
  };

  /** Minutes offered, ascending. */
  durations: number[] = [30, 60, 90, 120];
  /** The chosen duration in minutes. */
  value = 60;
  /** BCP 47 locale of the dates, times and numbers; the texts are `catalogue`'s. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;
  /** Disables every pill. */
  disabled = false;

  #handleChange(event: Event): void {
    const minutes = Number((event.target as HTMLInputElement).value);
    this.value = minutes;
    this.dispatchEvent(createEvent<DurationSelectDetail>('ev-duration-select', { minutes }));
  }

  override render(): TemplateResult {
    const { locale } = this;
    return html`<fieldset part="duration" ?disabled=${this.disabled}>
      <legend>${translate(this.catalogue, 'duration')}</legend>
      <div class="pills">
        ${this.durations.map(
          (minutes) => html`<label class="pill" part="pill"
            ><input
              type="radio"
              name="duration"
              value=${minutes}
              .checked=${minutes === this.value}
              @change=${this.#handleChange} /><span lang=${locale}>${formatMinutes(locale, minutes)}</span></label
          >`,
        )}
      </div>
    </fieldset>`;
  }
}

if (!customElements.get('ev-duration-picker')) customElements.define('ev-duration-picker', EvDurationPicker);

declare global {
  interface HTMLElementTagNameMap {
    'ev-duration-picker': EvDurationPicker;
  }
}
