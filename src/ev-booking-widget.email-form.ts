/**
 * `<ev-booking-widget>`'s email form part: the email, the summary of what the driver chose and
 * Book (and, when the filters match no port, where the times are to be had), rendered from the
 * widget's template input. In the booking parts' chunk
 * (`components/booking-parts.ts`) with the form's own code: the widget shows it once it is here.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { toIsoUtc } from './booking/slots.js';
import type { BookingChoice } from './components/email-form/email-form.js';
import type { Message } from './booking/view.js';
import type { WidgetHandlers, WidgetTemplateInput } from './ev-booking-widget.template.js';

/** A view message in the language shown (as the widget's template writes it). */
const textOf = (t: WidgetTemplateInput['t'], message: Message | null): string | null =>
  message === null ? null : 'key' in message ? t(message.key) : message.text;

/** What the driver chose, for the summary before Book and the pending card: port (null: any), start, end, zone. */
function bookingChoice(input: WidgetTemplateInput, start: string): BookingChoice {
  const port = input.data?.ports.find((candidate) => candidate.id === input.evseId);
  return {
    port: port ? port.label || port.physicalReference || `#${port.id}` : null,
    start,
    end: toIsoUtc(Date.parse(start) + input.duration * 60_000),
    timeZone: input.timeZone,
  };
}

/**
 * The email, the summary and Book (their code is here: this is in its chunk); above them, when the
 * driver's filters match no port (the times are hidden), where the times are to be had.
 */
export function renderEmailForm(
  input: WidgetTemplateInput,
  handlers: WidgetHandlers,
  selected: string | null,
): TemplateResult {
  const { locale, catalogue, t, view, loading } = input;
  return html`${input.noPort === 'filters' ? html`<p class="note">${t('filtersNoTimes')}</p>` : nothing}<ev-email-form
      exportparts="email-form, button"
      .email=${input.email}
      .busy=${view.busy}
      .disabled=${loading}
      .error=${textOf(t, view.fieldErrors.email)}
      .notFound=${view.noAccount}
      .signupUrl=${input.signupUrl}
      .choice=${selected ? bookingChoice(input, selected) : null}
      .locale=${locale}
      .catalogue=${catalogue}
      @ev-email-input=${handlers.emailInput}
      @ev-email-submit=${handlers.emailSubmit}
    ></ev-email-form>`;
}
