import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isEmail } from '../../api/schemas.js';
import { createEvent, type EmailInputDetail, type EmailSubmitDetail } from '../../events.js';
import { formatWhen, zoneNameInWords } from '../../i18n/zone.js';
import { en, translate, type Catalogue } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { styles } from './email-form.styles.js';

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
 * @attr locale - BCP 47 locale of the texts.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvEmailForm extends LitElement {
  static override styles = [tokens, base, styles];
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
  /** BCP 47 locale of the texts. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  /** The last submit found the address malformed (set by a submit, which then requests an update). */
  #invalid = false;

  override updated(changed: PropertyValues<this>): void {
    // Write the value only when it differs from what the field shows: rewriting the typed text
    // would move the caret (and an email field reports its value without surrounding spaces).
    // (The template always has the field.)
    const input = this.renderRoot.querySelector('input')!;
    if (changed.has('email') && input.value !== this.email) input.value = this.email;
  }

  #handleInput(event: Event): void {
    this.email = (event.target as HTMLInputElement).value;
    if (this.#invalid) this.#invalid = !isEmail(this.email.trim());
    this.dispatchEvent(createEvent<EmailInputDetail>('ev-email-input', { email: this.email }));
  }

  #handleSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || this.disabled) return;
    const email = this.email.trim();
    this.#invalid = !isEmail(email);
    this.requestUpdate();
    if (this.#invalid) {
      // Marked invalid and described by the message first, then focused: read out together.
      void this.updateComplete.then(() => this.renderRoot.querySelector('input')!.focus());
      return;
    }
    this.dispatchEvent(createEvent<EmailSubmitDetail>('ev-email-submit', { email }));
  }

  /** The summary's text: port (or any port) · date · start–end · zone; else the `summary` text. */
  #summaryText(): string | null {
    const { choice, locale } = this;
    if (!choice) return this.summary;
    const { start, end, timeZone } = choice;
    const { date, times } = formatWhen(locale, timeZone, Date.parse(start), Date.parse(end));
    return [
      choice.port ?? translate(this.catalogue, 'summaryAnyPort'),
      date,
      times,
      zoneNameInWords(this.catalogue, locale, timeZone, Date.parse(start)),
    ].join(' · ');
  }

  override render(): TemplateResult {
    const { notFound, signupUrl } = this;
    const summary = this.#summaryText();
    const message = this.#invalid ? translate(this.catalogue, 'emailInvalid') : this.error;
    const hasMessage = !!message || notFound;
    const signUp = translate(this.catalogue, 'emailSignUp');
    return html`<form novalidate part="email-form" @submit=${this.#handleSubmit}>
      <label for="email">${translate(this.catalogue, 'emailLabel')}</label>
      <input
        id="email"
        part="input"
        type="email"
        name="email"
        autocomplete="email"
        spellcheck="false"
        ?disabled=${this.disabled}
        ?readonly=${this.busy}
        aria-invalid=${hasMessage}
        aria-describedby=${hasMessage ? 'msg' : nothing}
        @input=${this.#handleInput} />
      <div id="msg" class="msg" aria-live="polite" aria-atomic="true">${message ? html`<p>${message}</p>` : nothing}${
        notFound
          ? html`<p>
              ${translate(this.catalogue, 'emailNotFound')}
              ${
                // A link only if it is http(s) (relative URLs resolve against the page).
                signupUrl && /^https?:$/.test(Object.assign(document.createElement('a'), { href: signupUrl }).protocol)
                  ? html`<a href=${signupUrl} target="_blank" rel="noopener">${signUp}<span class="vh"> ${translate(
                      this.catalogue,
                      'newTab',
                    )}</span></a>`
                  : signUp
              }
            </p>`
          : nothing
      }</div>
      ${
        summary
          ? html`<div class="summary" part="summary" id="summary">
              <p class="summary-title">${translate(this.catalogue, 'summaryTitle')}</p>
              <p class="summary-text">${summary}</p>
            </div>`
          : nothing
      }
      <button
        type="submit"
        part="button"
        class="primary"
        aria-describedby=${summary ? 'summary' : nothing}
        ?disabled=${this.disabled}
        aria-disabled=${this.busy || nothing}>${translate(this.catalogue, this.busy ? 'booking' : 'book')}</button>
    </form>`;
  }
}

if (!customElements.get('ev-email-form')) customElements.define('ev-email-form', EvEmailForm);

declare global {
  interface HTMLElementTagNameMap {
    'ev-email-form': EvEmailForm;
  }
}
