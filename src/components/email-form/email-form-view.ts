/**
 * `<ev-email-form>`'s view: the form, its checks and its events, in the booking parts' chunk
 * (`../booking-parts.ts`). The element (`email-form.ts`, in the entry) holds the properties and
 * renders this once it is here.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isEmail } from '../../api/schemas.js';
import { createEvent, type EmailInputDetail, type EmailSubmitDetail } from '../../events.js';
import { formatWhen } from '../../i18n/when.js';
import { zoneNameInWords } from '../../i18n/zone.js';
import { translate, type MessageKey } from '../../i18n/index.js';
import { withBookingTexts } from '../../i18n/en-booking.js';
import type { EvEmailForm } from './email-form.js';

export { styles as emailFormStyles } from './email-form.styles.js';

export class EmailFormView {
  readonly #host: EvEmailForm;
  /** The last submit found the address malformed (set by a submit, which then requests an update). */
  #invalid = false;
  /** The field has been rendered (and given the `email` property) once. */
  #rendered = false;

  constructor(host: EvEmailForm) {
    this.#host = host;
  }

  /** The message `key` in the host's language (English's booking texts where its catalogue has none). */
  #t(key: MessageKey): string {
    return translate(withBookingTexts(this.#host.catalogue), key);
  }

  updated(changed: PropertyValues<EvEmailForm>): void {
    // Write the value only when it differs from what the field shows: rewriting the typed text
    // would move the caret (and an email field reports its value without surrounding spaces).
    // The view's first render (its code came after the element's first update) shows it too.
    const input = this.#host.renderRoot.querySelector('input')!;
    if ((changed.has('email') || !this.#rendered) && input.value !== this.#host.email) input.value = this.#host.email;
    this.#rendered = true;
  }

  readonly #handleInput = (event: Event): void => {
    const host = this.#host;
    host.email = (event.target as HTMLInputElement).value;
    if (this.#invalid) this.#invalid = !isEmail(host.email.trim());
    host.dispatchEvent(createEvent<EmailInputDetail>('ev-email-input', { email: host.email }));
  };

  readonly #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const host = this.#host;
    if (host.busy || host.disabled) return;
    const email = host.email.trim();
    this.#invalid = !isEmail(email);
    host.requestUpdate();
    if (this.#invalid) {
      // Marked invalid and described by the message first, then focused: read out together.
      void host.updateComplete.then(() => host.renderRoot.querySelector('input')!.focus());
      return;
    }
    host.dispatchEvent(createEvent<EmailSubmitDetail>('ev-email-submit', { email }));
  };

  /**
   * The summary's text: port (or any port) · date · start–end · zone, the date and times in the
   * locale's `lang` (the texts' may be English's, SPEC §6); else the `summary` text.
   */
  #summaryText(): TemplateResult | string | null {
    const { choice, locale, catalogue } = this.#host;
    if (!choice) return this.#host.summary;
    const { start, end, timeZone } = choice;
    const { date, times } = formatWhen(locale, timeZone, Date.parse(start), Date.parse(end));
    const port = choice.port ?? this.#t('summaryAnyPort');
    const zone = zoneNameInWords(catalogue, locale, timeZone, Date.parse(start));
    return html`${port} · <span lang=${locale}>${date} · ${times}</span> · ${zone}`;
  }

  render(): TemplateResult {
    const host = this.#host;
    const { notFound, signupUrl } = host;
    const summary = this.#summaryText();
    const message = this.#invalid ? this.#t('emailInvalid') : host.error;
    const hasMessage = !!message || notFound;
    const signUp = this.#t('emailSignUp');
    return html`<form novalidate part="email-form" @submit=${this.#handleSubmit}>
      <label for="email">${this.#t('emailLabel')}</label>
      <input
        id="email"
        part="input"
        type="email"
        name="email"
        autocomplete="email"
        spellcheck="false"
        ?disabled=${host.disabled}
        ?readonly=${host.busy}
        aria-invalid=${hasMessage}
        aria-describedby=${hasMessage ? 'msg' : nothing}
        @input=${this.#handleInput} />
      <div id="msg" class="msg" aria-live="polite" aria-atomic="true">${message ? html`<p>${message}</p>` : nothing}${
        notFound
          ? // The space is in the sentence's own text: standing alone between two bindings, Chromium
            // leaves it out of the field's description ("email.Sign up").
            html`<p>${`${this.#t('emailNotFound')} `}${
              // A link only if it is http(s) (relative URLs resolve against the page).
              signupUrl && /^https?:$/.test(Object.assign(document.createElement('a'), { href: signupUrl }).protocol)
                ? html`<a href=${signupUrl} target="_blank" rel="noopener">${signUp}<span class="vh"> ${this.#t(
                    'newTab',
                  )}</span></a>`
                : signUp
            }</p>`
          : nothing
      }</div>
      ${
        summary
          ? html`<div class="summary" part="summary" id="summary">
              <p class="summary-title">${this.#t('summaryTitle')}</p>
              <p class="summary-text">${summary}</p>
            </div>`
          : nothing
      }
      <button
        type="submit"
        part="button"
        class="primary"
        aria-describedby=${summary ? 'summary' : nothing}
        ?disabled=${host.disabled}
        aria-disabled=${host.busy || nothing}>${this.#t(host.busy ? 'booking' : 'book')}</button>
    </form>`;
  }
}
