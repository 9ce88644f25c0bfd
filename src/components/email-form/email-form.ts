import { LitElement, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { en, type Catalogue } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { PartView } from '../booking-parts-loader.js';
import type { EmailFormView } from './email-form-view.js';

/** What the driver chose, summarized above Book. */
export interface BookingChoice {
  /** The port's label, or null for "any port". */
  port: string | null;
  /** ISO 8601 UTC instants. */
  start: string;
  end: string;
  /** IANA zone the times are shown in (the location's). */
  timeZone: string;
}

/**
 * The driver's email and the Book button, with a summary of the choice tied to Book.
 *
 * The typed text is the `email` property: it survives re-renders and is sent up with
 * `ev-email-input` on every keystroke. Submitting checks the address first; while `busy` or
 * `disabled` a submit does nothing, so a double click or a held Enter books once. The message
 * region next to the field always exists (empty when there is nothing to say), so that screen
 * readers announce a message when it appears; the field is marked invalid and described by it
 * before the focus moves to it.
 *
 * The element is registered by the script-tag entry; its form (code, styles and English texts)
 * is the booking parts' chunk, which it loads when it connects and renders once here
 * (`updateComplete` waits for it). `<ev-booking-widget>` shows it once its first start times are
 * on screen.
 *
 * @summary Asks for the driver-app account's email and submits the booking.
 *
 * @fires ev-email-input - The driver typed. `detail: { email: string }` (as typed).
 * @fires ev-email-submit - A valid address was submitted. `detail: { email: string }` (trimmed).
 *
 * @csspart email-form - The form.
 * @csspart input - The email text box.
 * @csspart summary - The description of the chosen slot.
 * @csspart button - The Book button.
 *
 * @cssprop --ev-button-bg - Background of the Book button (default `--ev-color-accent`).
 * @cssprop --ev-button-fg - Text of the Book button (default `--ev-color-accent-fg`).
 * @cssprop --ev-color-bg, --ev-color-fg, --ev-color-accent, --ev-color-border, --ev-color-danger - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr email - The address in the field (a prefill, then what the driver typed).
 * @attr disabled - Disables the field and the button.
 * @attr busy - A booking is on its way: the button stays focusable but does nothing.
 * @attr error - A message about the email to show next to the field.
 * @attr not-found - No driver account uses the email: shows the sign-up hint.
 * @attr signup-url - Where drivers sign up (opens in a new tab).
 * @attr summary - The chosen slot as text, described above the button (`choice` is the structured form).
 * @attr locale - BCP 47 locale of the dates, times and numbers (default `en`); the texts are the `catalogue` property's, English unless a host gives its own.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvEmailForm extends LitElement {
  static override styles = [tokens, base];
  static override properties: PropertyDeclarations = {
    email: {},
    disabled: { type: Boolean, reflect: true },
    busy: { type: Boolean, reflect: true },
    error: {},
    notFound: { type: Boolean, attribute: 'not-found' },
    signupUrl: { attribute: 'signup-url' },
    summary: {},
    choice: { attribute: false },
    locale: {},
    catalogue: { attribute: false },
  };
  static override shadowRootOptions: ShadowRootInit = { mode: 'open', delegatesFocus: true };

  /** The address in the field. */
  email = '';
  /** Disables the field and the button. */
  disabled = false;
  /** A booking is on its way; submits are ignored. */
  busy = false;
  /** A message about the email (e.g. a 422 field error), shown next to the field. */
  error: string | null = null;
  /** No driver account uses the email. */
  notFound = false;
  /** Where drivers sign up; linked from the not-found hint. */
  signupUrl: string | null = null;
  /** The chosen slot as text, described above the button (when no `choice`). */
  summary: string | null = null;
  /** The chosen port, date, start–end and zone, summarized above Book and tied to it. */
  choice: BookingChoice | null = null;
  /** BCP 47 locale of the dates, times and numbers; the texts are `catalogue`'s. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  /** The form: the booking parts' chunk. */
  readonly #form = new PartView<EmailFormView>(this, (parts) => ({
    view: new parts.EmailFormView(this),
    styles: [parts.emailFormStyles],
  }));

  override connectedCallback(): void {
    super.connectedCallback();
    this.#form.load();
  }

  /** Resolves once rendered with the form's code (after it has arrived, when it is on its way). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#form.view) return done;
    await this.#form.settled();
    return super.getUpdateComplete();
  }

  override willUpdate(): void {
    // A load that failed (say, offline) is tried again at the next update.
    if (!this.#form.view) this.#form.load();
  }

  override updated(changed: PropertyValues<this>): void {
    this.#form.view?.updated(changed);
  }

  override render(): TemplateResult | typeof nothing {
    return this.#form.view?.render() ?? nothing;
  }
}

if (!customElements.get('ev-email-form')) customElements.define('ev-email-form', EvEmailForm);

declare global {
  interface HTMLElementTagNameMap {
    'ev-email-form': EvEmailForm;
  }
}
