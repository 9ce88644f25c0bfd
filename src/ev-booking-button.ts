import { LitElement, css, html, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { LocaleController } from './controllers/locale.js';
import { base, tokens } from './styles/tokens.js';

/** The attributes `<ev-booking-widget>` takes, forwarded as they are written. */
const FORWARDED_ATTRIBUTES = {
  locationId: 'location-id',
  apiBase: 'api-base',
  locale: 'locale',
  durations: 'durations',
  slotStep: 'slot-step',
  days: 'days',
  email: 'email',
  evseIds: 'evse-ids',
  connectorTypes: 'connector-types',
  signupUrl: 'signup-url',
  theme: 'theme',
} as const;

/** The properties without an attribute, forwarded as properties. */
const FORWARDED_PROPERTIES = ['fetch', 'authToken', 'pollTimeout'] as const;

type ForwardedName = keyof typeof FORWARDED_ATTRIBUTES | (typeof FORWARDED_PROPERTIES)[number];

/**
 * Popup mode: a button that opens an `<ev-booking-widget>` in a modal native `<dialog>`.
 *
 * It takes the widget's attributes and properties and passes them on. The focus moves into the
 * dialog when it opens; Escape or the Close button closes it and the focus returns to the button.
 * The widget's events (`ev-booking-*`, bubbling and composed) come out of this element. The widget
 * is made when the dialog first opens and stays (a booking in progress goes on while closed).
 *
 * @summary A "Book a charger" button with the booking widget in a dialog.
 *
 * @slot - The button's text (default "Book a charger").
 *
 * @csspart button - The opening button.
 * @csspart dialog - The dialog.
 * @csspart close - The dialog's Close button.
 * @csspart widget - The `<ev-booking-widget>` inside.
 *
 * @attr location-id, api-base, locale, durations, slot-step, days, email, evse-ids, connector-types, signup-url, theme - As on `<ev-booking-widget>`.
 */
export class EvBookingButton extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        display: inline-block;
        background: none;
      }
      dialog {
        width: min(44rem, calc(100vw - 2rem));
        max-height: calc(100dvh - 2rem);
        padding: calc(var(--_space) * 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_background);
        color: var(--_text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      .bar {
        display: flex;
        justify-content: flex-end;
        margin-bottom: var(--_space);
      }
      ev-booking-widget {
        border: 0;
        padding: 0;
        max-width: none;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    ...Object.fromEntries(Object.entries(FORWARDED_ATTRIBUTES).map(([name, attribute]) => [name, { attribute }])),
    ...Object.fromEntries(FORWARDED_PROPERTIES.map((name) => [name, { attribute: false }])),
  };

  locationId?: string | number;
  apiBase?: string;
  locale?: string;
  durations?: string | number[];
  slotStep?: string | number;
  days?: string | number;
  email?: string;
  evseIds?: string | number[];
  connectorTypes?: string | string[];
  signupUrl?: string;
  theme?: string;
  fetch?: typeof fetch;
  authToken?: string;
  pollTimeout?: number;

  #locale = new LocaleController(this, () => this.locale);

  /** Whether the dialog has been opened once (the widget exists from then on). */
  #opened = false;

  get #dialog(): HTMLDialogElement {
    return this.renderRoot.querySelector('dialog')!;
  }

  /** The widget in the dialog, once opened. */
  get widget(): HTMLElementTagNameMap['ev-booking-widget'] | null {
    return this.renderRoot.querySelector('ev-booking-widget');
  }

  /** Opens the dialog (making the widget the first time). */
  async show(): Promise<void> {
    if (!this.#opened) {
      this.#opened = true;
      const widget = document.createElement('ev-booking-widget');
      widget.setAttribute('part', 'widget');
      this.#dialog.append(widget);
      this.#forward(Object.keys(FORWARDED_ATTRIBUTES).concat(FORWARDED_PROPERTIES) as ForwardedName[]);
    }
    if (!this.#dialog.open) this.#dialog.showModal();
  }

  /** Closes the dialog; the focus returns to the button. */
  close(): void {
    this.#dialog.close();
  }

  #forward(names: Iterable<ForwardedName>): void {
    const widget = this.widget as unknown as Record<string, unknown> | null;
    if (!widget) return;
    for (const name of names) {
      const value = this[name];
      const attribute = (FORWARDED_ATTRIBUTES as Record<string, string>)[name];
      // Text as the attribute (the widget parses it); anything else as the property.
      if (attribute && (typeof value === 'string' || value == null)) {
        if (value == null) (widget as unknown as Element).removeAttribute(attribute);
        else (widget as unknown as Element).setAttribute(attribute, value);
      } else {
        widget[name] = value;
      }
    }
  }

  override updated(changed: PropertyValues<this>): void {
    this.#forward([...changed.keys()] as ForwardedName[]);
  }

  #handleClose(): void {
    this.renderRoot.querySelector<HTMLElement>('[part=button]')?.focus();
  }

  override render(): TemplateResult {
    const { t, textLanguage } = this.#locale;
    const label = this.textContent?.trim() || t('openButton');
    return html`<button type="button" part="button" class="primary" aria-haspopup="dialog" @click=${this.show}>
        <slot><span lang=${textLanguage}>${t('openButton')}</span></slot>
      </button>
      <dialog part="dialog" aria-label=${label} @close=${this.#handleClose}>
        <div class="bar">
          <button type="button" part="close" @click=${this.close}><span lang=${textLanguage}>${t('close')}</span></button>
        </div>
      </dialog>`;
  }
}

if (!customElements.get('ev-booking-button')) customElements.define('ev-booking-button', EvBookingButton);

declare global {
  interface HTMLElementTagNameMap {
    'ev-booking-button': EvBookingButton;
  }
}
