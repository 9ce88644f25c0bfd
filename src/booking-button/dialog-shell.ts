/**
 * `<ev-booking-button>`'s dialog shell, a chunk loaded on the button's first focus or press (SPEC
 * §10 v2): the modal `<dialog>` with its Close button, and its styles; the widget made in it on the
 * first open, the button's attributes and properties passed on to it, and the focus given back to
 * the button when it closes. The element holds the properties and renders its button.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import {
  FORWARDED_ATTRIBUTES,
  FORWARDED_PROPERTIES,
  type EvBookingButton,
  type ForwardedName,
} from '../ev-booking-button.js';
import type { MessageKey } from '../i18n/index.js';

export const dialogStyles = css`
      dialog {
        width: min(64rem, calc(100vw - 2rem));
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
      /* The two panes from a 720 px viewport (styles/layout.ts), one column below. */
      @media (min-width: 720px) {
        ev-booking-widget {
          --_two-pane: 1;
        }
      }
`;

/** Passes `names` from `button` to `widget`: text as the attribute (the widget parses it), anything else as the property. */
export function forward(widget: HTMLElement, button: EvBookingButton, names: Iterable<ForwardedName>): void {
  for (const name of names) {
    const value = button[name];
    const attribute = (FORWARDED_ATTRIBUTES as Record<string, string>)[name];
    if (attribute && (typeof value === 'string' || value == null)) {
      if (value == null) widget.removeAttribute(attribute);
      else widget.setAttribute(attribute, value);
    } else {
      (widget as unknown as Record<string, unknown>)[name] = value;
    }
  }
}

/** Makes the widget in `dialog`, with everything `button` has to pass on. */
export function addWidget(dialog: HTMLDialogElement, button: EvBookingButton): void {
  const widget = document.createElement('ev-booking-widget');
  widget.setAttribute('part', 'widget');
  dialog.append(widget);
  forward(widget, button, [...Object.keys(FORWARDED_ATTRIBUTES), ...FORWARDED_PROPERTIES] as ForwardedName[]);
}

/** The button's texts: its `LocaleController`. */
export interface ButtonLocale {
  t(key: MessageKey): string;
  readonly textLanguage: string;
}

/** The button's dialog: rendered from the first open on, with the widget made in it then. */
export class ButtonDialog {
  readonly #button: EvBookingButton;
  readonly #locale: ButtonLocale;
  /** Whether the dialog has been opened once (the widget exists from then on). */
  #opened = false;

  /** `locale` is the button's (its `LocaleController`): its texts and their language. */
  constructor(button: EvBookingButton, locale: ButtonLocale) {
    this.#button = button;
    this.#locale = locale;
    const root = button.renderRoot as ShadowRoot;
    if (dialogStyles.styleSheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, dialogStyles.styleSheet];
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#button.renderRoot.querySelector('dialog');
  }

  /** The widget in the dialog, once opened. */
  get widget(): HTMLElementTagNameMap['ev-booking-widget'] | null {
    return this.#button.renderRoot.querySelector('ev-booking-widget');
  }

  /** Opens the dialog, rendering it and making the widget the first time. */
  async show(): Promise<void> {
    if (!this.#opened) {
      this.#opened = true;
      this.#button.requestUpdate();
      await this.#button.updateComplete;
      addWidget(this.#dialog!, this.#button);
    }
    if (!this.#dialog!.open) this.#dialog!.showModal();
  }

  close(): void {
    this.#dialog?.close();
  }

  /** Passes the button's changed properties on to the widget, once it exists. */
  forwardChanged(names: ForwardedName[]): void {
    const widget = this.widget;
    if (widget) forward(widget, this.#button, names);
  }

  render(): TemplateResult | typeof nothing {
    if (!this.#opened) return nothing;
    const { t, textLanguage } = this.#locale;
    const label = this.#button.textContent?.trim() || t('openButton');
    return html`<dialog part="dialog" aria-label=${label} @close=${(): void => this.#closed()}>
      <div class="bar">
        <button type="button" part="close" @click=${(): void => this.close()}><span lang=${textLanguage}>${t('close')}</span></button>
      </div>
    </dialog>`;
  }

  /** The dialog closed (Escape or Close): the focus goes back to the button. */
  #closed(): void {
    this.#button.renderRoot.querySelector<HTMLElement>('[part=button]')?.focus();
  }
}
