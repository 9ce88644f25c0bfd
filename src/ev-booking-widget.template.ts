/**
 * The widget's template: the view model and the choice in, the parts out. No state of its own;
 * what the driver does goes back to the element through `handlers`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { otherLanguage, pickTranslation } from './booking/describe.js';
import type { OfferedDay } from './booking/choice.js';
import type { LoadedData } from './booking/load.js';
import type { BookingParts } from './components/booking-parts-loader.js';
import type { BookingStage } from './controllers/flow-runner.js';
import type { FlowEvent } from './booking/states.js';
import type { FlowView, Message } from './booking/view.js';
import type {
  DurationSelectDetail,
  EmailInputDetail,
  EmailSubmitDetail,
  PortFilterDetail,
  PortSelectDetail,
  SlotSelectDetail,
} from './events.js';
import type { PortFilter } from './booking/ports.js';
import { type Catalogue, type MessageKey, type MessageParams } from './i18n/index.js';
import { zoneNameInWords } from './i18n/zone.js';
// The parts the template renders, registered with it.
import './components/port-list/port-list.js';
import './components/duration-picker/duration-picker.js';
import './components/slot-grid/slot-grid.js';
import './components/email-form/email-form.js';
import './components/status-tracker/status-tracker.js';

export interface WidgetTemplateInput {
  /** The resolved locale, for `Intl` formats. */
  locale: string;
  /** The language of the texts (`en` while the locale's catalogue is not here). */
  textLanguage: string;
  direction: 'ltr' | 'rtl';
  catalogue: Catalogue;
  /** The message `key` in the language shown. */
  t: (key: MessageKey, params?: MessageParams) => string;
  view: FlowView;
  data: LoadedData | undefined;
  loading: boolean;
  timeZone: string;
  /** The browser's own timezone. */
  ownTimeZone: string;
  now: number;
  /** The days the grid offers (none while loading), each with its starts; a day whose week has not answered says so. */
  offeredDays: OfferedDay[];
  /** Minutes between starts (taken starts between free ones keep their place in the grid). */
  slotStep: number;
  /** The selectable starts (ISO UTC) for the chosen port and duration. */
  starts: string[];
  evseId: number | null;
  /**
   * Why the choice has no times, once loaded: no port is chosen and "any port" is not offered
   * (`choose`), the driver's filters match no port (`filters`), or there is no bookable port at
   * all (`none`: the port list says so, nothing asks to choose one); null when a port, or "any
   * available port" with some port fitting the filters, is chosen.
   */
  noPort: 'choose' | 'filters' | 'none' | null;
  portFilter: PortFilter;
  duration: number;
  durations: number[];
  start: string | null;
  email: string;
  signupUrl: string | null;
  offline: boolean;
  /** The booking stage, once loaded (the booking as the tracker shows it comes from it). */
  stage: BookingStage | undefined;
  /** The booking parts, once here with the booking texts (asked for once the first start times are shown): the email form. */
  bookingParts: BookingParts | undefined;
  /** Try again after a failed load runs: its alert stays, the button busy. */
  retrying: boolean;
}

export interface WidgetHandlers {
  dispatch(event: FlowEvent): void;
  /** Try again after a failed load. */
  retryLoad(): void;
  portSelect(event: CustomEvent<PortSelectDetail>): void;
  portFilter(event: CustomEvent<PortFilterDetail>): void;
  durationSelect(event: CustomEvent<DurationSelectDetail>): void;
  slotSelect(event: CustomEvent<SlotSelectDetail>): void;
  /** The driver asked for the days that failed to load again. */
  daysRetry(): void;
  emailInput(event: CustomEvent<EmailInputDetail>): void;
  emailSubmit(event: CustomEvent<EmailSubmitDetail>): void;
  /** The driver confirmed cancelling, in the tracker's own confirm step. */
  cancelBooking(): void;
}

const textOf = (t: WidgetTemplateInput['t'], message: Message | null): string | null =>
  message === null ? null : 'key' in message ? t(message.key) : message.text;

function renderFatal(
  { textLanguage, direction, t, view, offline, retrying }: WidgetTemplateInput,
  handlers: WidgetHandlers,
): TemplateResult {
  const fatal = view.fatal!;
  return html`<div part="base" lang=${textLanguage} dir=${direction}>
    <div class="fatal" role="alert" part="status">
      <p>${t(fatal.key)}</p>
      ${offline ? html`<p>${t('offline')}</p>` : nothing}
      ${
        fatal.retryable
          ? html`<button aria-disabled=${retrying || nothing} @click=${handlers.retryLoad}>${
              retrying ? html`<span class="spinner" aria-hidden="true"></span>` : nothing
            }${t('tryAgain')}</button>`
          : nothing
      }
    </div>
  </div>`;
}

/** The port, duration, start and email controls. */
function renderChoice(input: WidgetTemplateInput, handlers: WidgetHandlers): TemplateResult {
  const { locale, catalogue, t, view, data, loading, timeZone, starts, evseId, duration } = input;
  const selected = input.start && starts.includes(input.start) ? input.start : null;
  const error = (message: Message | null): TemplateResult | typeof nothing =>
    message ? html`<p class="error" role="alert">${textOf(t, message)}</p>` : nothing;
  return html`<div class="booker">
    <div class="pane what">
    <ev-port-list
      exportparts="port-list"
      .ports=${data?.ports ?? []}
      .selected=${evseId}
      .connectorTypes=${input.portFilter.connectorTypes}
      .currentType=${input.portFilter.currentType}
      .loading=${loading || view.portsLoading}
      .disabled=${view.busy}
      .locale=${locale}
      .catalogue=${catalogue}
      @ev-port-select=${handlers.portSelect}
      @ev-port-filter=${handlers.portFilter}
    ></ev-port-list>
    ${error(view.fieldErrors.port)}
    <ev-duration-picker
      exportparts="duration, pill"
      .durations=${input.durations}
      .value=${duration}
      .disabled=${view.busy}
      .locale=${locale}
      .catalogue=${catalogue}
      @ev-duration-select=${handlers.durationSelect}
    ></ev-duration-picker>
    </div>
    <div class="pane when">
    ${
      // Only when a port is to be chosen: filters that match none are the email form part's to explain, no
      // bookable port at all the port list's.
      input.noPort === 'choose' ? html`<p class="note">${t('portFirst')}</p>` : nothing
    }
    <ev-slot-grid
      ?hidden=${input.noPort !== null}
      exportparts="slot-grid"
      .days=${input.offeredDays}
      .timeZone=${timeZone}
      .locale=${locale}
      .catalogue=${catalogue}
      .selected=${selected}
      .duration=${duration}
      .step=${input.slotStep}
      .loading=${loading}
      .disabled=${view.busy || input.noPort !== null}
      @ev-slot-select=${handlers.slotSelect}
      @ev-slot-retry=${handlers.daysRetry}
    ></ev-slot-grid>
    ${error(view.fieldErrors.slot)}
    ${input.bookingParts?.renderEmailForm(input, handlers, selected) ?? nothing}
    </div>
  </div>`;
}

export function renderWidget(input: WidgetTemplateInput, handlers: WidgetHandlers): TemplateResult {
  const { locale, textLanguage, direction, catalogue, t, view, data, timeZone, ownTimeZone } = input;
  if (view.fatal) return renderFatal(input, handlers);
  const picked = data && pickTranslation(data.location.name, locale);
  const name = picked ? picked.text : data ? t('locationFallback') : '';
  // A name in another language than the texts (no translation for the locale) says which (SPEC §6).
  const nameLang = picked && otherLanguage(picked.lang, textLanguage);
  // What the tracker shows: the booking stage tells it (only a booking shows one).
  const { booking, status } = input.stage
    ? input.stage.trackerView(input, name, nameLang)
    : { booking: null, status: view.status };
  // No aria-busy here: it would silence the slot grid's loading announcements (the parts that load say so).
  return html`<div part="base" lang=${textLanguage} dir=${direction}>
    <h2 part="heading" lang=${nameLang ?? nothing} aria-hidden=${name ? nothing : 'true'}>${name}</h2>
    ${
      data && ownTimeZone !== timeZone
        ? html`<p class="note">${t('zoneYours', { zone: zoneNameInWords(catalogue, locale, ownTimeZone, input.now) })}</p>`
        : nothing
    }
    ${view.done ? nothing : renderChoice(input, handlers)}
    ${input.offline ? html`<p class="error" role="alert">${t('offline')}</p>` : nothing}
    <ev-status-tracker
        exportparts="status, card, calendar, add-to-calendar"
        .status=${status}
        .message=${textOf(t, view.confirmed ? view.cancelError : view.statusMessage)}
        .retryable=${view.retryable}
        .cancellable=${view.cancel !== 'unavailable'}
        .booking=${booking}
        .locale=${locale}
        .catalogue=${catalogue}
        @ev-retry=${(): void => handlers.dispatch({ type: 'retry' })}
        @ev-pick-again=${(): void => handlers.dispatch({ type: 'pick-again' })}
        @ev-cancel-booking=${handlers.cancelBooking}
        @ev-book-another=${(): void => handlers.dispatch({ type: 'book-another' })}
      ></ev-status-tracker>
  </div>`;
}
