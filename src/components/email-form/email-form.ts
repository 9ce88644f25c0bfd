import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { isEmail } from '../../api/schemas.js';
import { createEvent, type EmailInputDetail, type EmailSubmitDetail } from '../../events.js';
import { type Catalogue, en, translate } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { styles } from './email-form.styles.js';

/**
 * The driver's email and the Book button.
 *
 * The typed text is the `email` property: it survives re-renders and is sent up with
 * `ev-email-input` on every keystroke. Submitting checks the address first; while `busy` or
 * `disabled` a submit does nothing, so a double click or a held Enter books once.
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
 * @attr summary - The chosen slot, described above the button.
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
  /** The chosen slot, described above the button. */
  summary: string | null = null;
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
      this.renderRoot.querySelector('input')!.focus();
      return;
    }
    this.dispatchEvent(createEvent<EmailSubmitDetail>('ev-email-submit', { email }));
  }

  override render(): TemplateResult {
    const { catalogue, notFound, signupUrl } = this;
    const message = this.#invalid ? translate(catalogue, 'emailInvalid') : this.error;
    const hasMessage = !!message || notFound;
    const signUp = translate(catalogue, 'emailSignUp');
    return html`<form novalidate part="email-form" @submit=${this.#handleSubmit}>
      <label for="email">${translate(catalogue, 'emailLabel')}</label>
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
      <div id="msg" class="msg" aria-live="polite">${message ? html`<p>${message}</p>` : nothing}${
        notFound
          ? html`<p>
              ${translate(catalogue, 'emailNotFound')}
              ${
                // A link only if it is http(s) (relative URLs resolve against the page).
                signupUrl && /^https?:$/.test(Object.assign(document.createElement('a'), { href: signupUrl }).protocol)
                  ? html`<a href=${signupUrl} target="_blank" rel="noopener">${signUp}<span class="vh"> ${translate(
                      catalogue,
                      'newTab',
                    )}</span></a>`
                  : signUp
              }
            </p>`
          : nothing
      }</div>
      ${this.summary ? html`<p class="summary" part="summary">${this.summary}</p>` : nothing}
      <button
        type="submit"
        part="button"
        class="primary"
        ?disabled=${this.disabled}
        aria-disabled=${this.busy || nothing}>${translate(catalogue, this.busy ? 'booking' : 'book')}</button>
    </form>`;
  }
}

if (!customElements.get('ev-email-form')) customElements.define('ev-email-form', EvEmailForm);

declare global {
  interface HTMLElementTagNameMap {
    'ev-email-form': EvEmailForm;
  }
}
