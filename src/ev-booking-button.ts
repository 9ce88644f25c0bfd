import {
  LitElement,
  css,
  html,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { LocaleController } from './controllers/locale.js';
import { loadOnce } from './load-once.js';
import { base, tokens } from './styles/tokens.js';

type ButtonDialog = import('./booking-button/dialog-shell.js').ButtonDialog;

/** The attributes `<ev-booking-widget>` takes, forwarded as they are written. */
export const FORWARDED_ATTRIBUTES = {
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
export const FORWARDED_PROPERTIES = ['fetch', 'authToken', 'pollTimeout', 'loadTimeout'] as const;

export type ForwardedName = keyof typeof FORWARDED_ATTRIBUTES | (typeof FORWARDED_PROPERTIES)[number];

/**
 * Popup mode: a button that opens an `<ev-booking-widget>` in a modal native `<dialog>`.
 *
 * It takes the widget's attributes and properties and passes them on. The focus moves into the
 * dialog when it opens; Escape or the Close button closes it and the focus returns to the button.
 * The widget's events (`ev-booking-*`, bubbling and composed) come out of this element. The widget
 * is made when the dialog first opens and stays (a booking in progress goes on while closed).
 *
 * The script-tag entry holds the element, its properties and its button; the dialog, the widget
 * made in it and what passes the properties on (`booking-button/dialog-shell.ts`) are a chunk,
 * loaded when the button is first focused or pressed (`show()` waits for it).
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
 * @fires ev-booking-requested - From the widget in the dialog, as on `<ev-booking-widget>`.
 * @fires ev-booking-confirmed - From the widget in the dialog, as on `<ev-booking-widget>`.
 * @fires ev-booking-rejected - From the widget in the dialog, as on `<ev-booking-widget>`.
 * @fires ev-booking-cancelled - From the widget in the dialog, as on `<ev-booking-widget>`.
 * @fires ev-booking-error - From the widget in the dialog, as on `<ev-booking-widget>`.
 *
 * @cssprop --ev-font, --ev-color-bg, --ev-color-fg, --ev-color-muted, --ev-color-accent, --ev-color-accent-fg, --ev-color-border, --ev-color-danger, --ev-color-success, --ev-color-scheme, --ev-radius, --ev-space, --ev-button-bg, --ev-button-fg, --ev-focus-ring - As on `<ev-booking-widget>`: they style the button, the dialog and the widget in it.
 *
 * Its attributes are `<ev-booking-widget>`'s (`FORWARDED_ATTRIBUTES`), passed on as they are written.
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
    `,
  ];
  static override properties: PropertyDeclarations = {
    // `theme` reflects, as on the widget: the button's own styles, the dialog's and the widget's in it follow the attribute.
    ...Object.fromEntries(
      Object.entries(FORWARDED_ATTRIBUTES).map(([name, attribute]) => [name, { attribute, reflect: name === 'theme' }]),
    ),
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
  loadTimeout?: number;

  #locale = new LocaleController(this, () => this.locale);

  /** The dialog and the widget in it: a chunk, loaded on the button's first focus or press. */
  #dialog: ButtonDialog | null = null;

  /** Loads the dialog's code (once; after a failed load, again). */
  readonly #loadDialog = loadOnce(() =>
    import('./booking-button/dialog-shell.js').then(
      (shell) => (this.#dialog = new shell.ButtonDialog(this, this.#locale)),
    ),
  );

  /** The widget in the dialog, once opened. */
  get widget(): HTMLElementTagNameMap['ev-booking-widget'] | null {
    return this.#dialog?.widget ?? null;
  }

  /** Opens the dialog (making the widget the first time). */
  async show(): Promise<void> {
    await (await this.#loadDialog()).show();
  }

  /** Closes the dialog; the focus returns to the button. */
  close(): void {
    this.#dialog?.close();
  }

  override updated(changed: PropertyValues<this>): void {
    // Before the first open there is no widget, and the dialog forwards everything when it makes it.
    this.#dialog?.forwardChanged([...changed.keys()] as ForwardedName[]);
  }

  override render(): TemplateResult {
    const { t, textLanguage } = this.#locale;
    return html`<button
        type="button"
        part="button"
        class="primary"
        aria-haspopup="dialog"
        @focus=${(): void => void this.#loadDialog().catch(() => undefined)}
        @click=${this.show}>
        <slot><span lang=${textLanguage}>${t('openButton')}</span></slot>
      </button>
      ${this.#dialog?.render() ?? nothing}`;
  }
}

if (!customElements.get('ev-booking-button')) customElements.define('ev-booking-button', EvBookingButton);

declare global {
  interface HTMLElementTagNameMap {
    'ev-booking-button': EvBookingButton;
  }
}
