import { LitElement, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { parseDurations, parseIntList, parseList, resolveTimeZone } from './booking/slots.js';
import { NO_FILTER, portAfterLoad, type PortFilter } from './booking/ports.js';
import { StartsMemo } from './booking/choice.js';
import {
  flowConfigOf,
  DEFAULT_DURATIONS,
  durationStillOffered,
  fromAttribute,
  orDefault,
  parseLocationId,
  takeEarlyProperties,
  DEFAULT_API_BASE,
  DEFAULT_DAYS,
  DEFAULT_SLOT_STEP,
} from './widget-attributes.js';
import { firstRenderReady } from './controllers/first-render.js';
import { viewWith } from './booking/view.js';
import { BookingPartsController } from './controllers/booking-parts.js';
import { ClockController } from './controllers/clock.js';
import { focusPart } from './controllers/focus-part.js';
import { FlowRunner } from './controllers/flow-runner.js';
import { LocaleController } from './controllers/locale.js';
import { LoadRetryController } from './controllers/load-retry.js';
import { renderWidget, type WidgetHandlers } from './ev-booking-widget.template.js';
import { startsInputOf, widgetViewOf, type WidgetParts } from './widget-view.js';
import { widgetStyles } from './ev-booking-widget.styles.js';

/**
 * Books a charging slot at one Ampeco location: port, start time and duration, the driver's email,
 * and the request's life from pending to confirmed (and, if the driver wishes, cancelled).
 *
 * @summary An embeddable EV charging booking widget for Ampeco networks.
 *
 *
 * @fires ev-booking-requested - The booking request was created (pending). `detail: { bookingRequest }`
 * @fires ev-booking-confirmed - The request was approved and the booking read. `detail: { bookingRequest, booking }`
 * @fires ev-booking-rejected - The request was rejected. `detail: { bookingRequest, reason }`
 * @fires ev-booking-cancelled - The driver cancelled the confirmed booking. `detail: { booking }`
 * @fires ev-booking-error - A failure the driver cannot fix by editing input. `detail: { code, message, status? }`
 *
 * @csspart base - The widget's outer block.
 * @csspart heading - The location name.
 * @csspart port-list - The list of charging ports.
 * @csspart duration - The duration pills (a group named "Duration").
 * @csspart pill - One duration.
 * @csspart slot-grid - The grid of start times.
 * @csspart email-form - The email form.
 * @csspart button - The Book button.
 * @csspart status - The booking status.
 * @csspart card - The confirmation card.
 * @csspart calendar - The card's Add to calendar links.
 * @csspart add-to-calendar - The card's .ics download link.
 *
 * @cssprop --ev-font - Font family (inherits the page's by default).
 * @cssprop --ev-color-bg - Background colour.
 * @cssprop --ev-color-fg - Text colour.
 * @cssprop --ev-color-muted - Secondary text colour.
 * @cssprop --ev-color-accent - Accent colour (selection, buttons).
 * @cssprop --ev-color-accent-fg - Text on the accent colour.
 * @cssprop --ev-color-border - Border colour.
 * @cssprop --ev-color-danger - Errors and rejections.
 * @cssprop --ev-color-success - Confirmations.
 * @cssprop --ev-radius - Corner radius.
 * @cssprop --ev-space - Base spacing unit.
 * @cssprop --ev-color-scheme - The `color-scheme` of the native controls (`light` or `dark`, from the theme by default).
 * @cssprop --ev-button-bg - Background of the primary buttons (Book); default the accent colour.
 * @cssprop --ev-button-fg - Text of the primary buttons; default the text on the accent colour.
 * @cssprop --ev-focus-ring - The keyboard focus outline's colour; default the accent colour.
 * @cssprop --ev-port-list-selected-border - Border of the chosen port (default `--ev-color-accent`).
 * @cssprop --ev-slot-grid-selected-bg - Background of the chosen time (default `--ev-color-accent`).
 * @cssprop --ev-slot-grid-selected-fg - Text of the chosen time (default `--ev-color-accent-fg`).
 * @cssprop --ev-slot-grid-columns - A fixed number of time columns (default: as many as fit).
 * @cssprop --ev-status-tracker-confirmed-color - "Booking confirmed" (default `--ev-color-success`).
 * @cssprop --ev-status-tracker-error-color - Rejections and errors of the booking (default `--ev-color-danger`).
 */
export class EvBookingWidget extends LitElement {
  static override styles = widgetStyles;

  /** The attributes and properties of SPEC §2, then the private reactive state (the driver's choice). */
  static override properties: PropertyDeclarations = {
    locationId: { attribute: 'location-id', converter: fromAttribute(parseLocationId) },
    apiBase: { attribute: 'api-base', converter: orDefault(String, DEFAULT_API_BASE) },
    locale: {},
    durations: { converter: fromAttribute(parseDurations) },
    slotStep: { attribute: 'slot-step', converter: orDefault(Number, DEFAULT_SLOT_STEP) },
    days: { converter: orDefault(Number, DEFAULT_DAYS) },
    email: {},
    evseIds: { attribute: 'evse-ids', converter: fromAttribute(parseIntList) },
    connectorTypes: { attribute: 'connector-types', converter: fromAttribute(parseList) },
    signupUrl: { attribute: 'signup-url' },
    theme: { reflect: true },
    pollTimeout: { attribute: false },
    loadTimeout: { attribute: false },
    chosenEvseId: { state: true },
    portFilter: { state: true },
    chosenDuration: { state: true },
    chosenStart: { state: true },
    typedEmail: { state: true },
  };

  /** Ampeco location to book at. */
  locationId?: number;
  /** Where the proxy serves the Ampeco Public API paths. */
  apiBase = '/api/ampeco';
  /** BCP 47 language tag; default the page's `lang`, then the browser's. */
  locale?: string;
  /** Durations offered to the driver, in minutes. */
  durations: number[] = DEFAULT_DURATIONS;
  /** Granularity of start times, in minutes. */
  slotStep = 30;
  /** How many days ahead can be booked (1–28). */
  days = 7;
  /** Prefills the email field. */
  email = '';
  /** Offer only these EVSEs. */
  evseIds?: number[];
  /** Preset connector filter: Ampeco connector types (`ccs2`). */
  connectorTypes?: string[];
  /** Link shown when no driver account matches the email. */
  signupUrl?: string;
  /** Colour scheme. */
  theme: 'light' | 'dark' | 'auto' = 'auto';
  #fetch?: typeof fetch;
  #authToken?: string;
  /** Custom fetch, e.g. to add the host portal's own auth header. */
  get fetch(): typeof fetch | undefined {
    return this.#fetch;
  }
  set fetch(value: typeof fetch | undefined) {
    const old = this.#fetch;
    this.#fetch = value;
    this.requestUpdate('fetch', old);
  }
  /** A host-portal identity token (JWT), sent as `Authorization: Bearer …` on every request (SPEC §9 portal mode). */
  get authToken(): string | undefined {
    return this.#authToken;
  }
  set authToken(value: string | undefined) {
    const old = this.#authToken;
    this.#authToken = value;
    this.requestUpdate('authToken', old);
  }
  /** How long to wait for the operator's decision before saying the request is still pending (ms). */
  pollTimeout = 60_000;
  /**
   * How long the first load may take, its retries included, before the widget says it failed and
   * offers Try again (ms); any other read of the proxy likewise. Each attempt is given up to 8 s.
   */
  loadTimeout = 20_000;

  /** The chosen port (EVSE id); null is "Any available port" when more than one is bookable. */
  private chosenEvseId: number | null = null;
  /** The driver's connector and AC/DC filter (for "any port"). */
  private portFilter: PortFilter = NO_FILTER;
  /** The chosen duration, in minutes. */
  private chosenDuration = 60;
  /** The chosen start (ISO UTC). */
  private chosenStart: string | null = null;
  /** What the driver typed in the email field (the `email` property until the driver types). */
  private typedEmail = '';

  /** The locale, its direction and its messages (loaded at connection, beside the first API requests). */
  #locale = new LocaleController(this, () => this.locale);
  #clock = new ClockController(this);
  #flow = new FlowRunner(this, {
    config: () => flowConfigOf(this),
    noReasonText: () => this.#locale.t('noReason'),
    // The port chosen from the availability alone may turn out not to be bookable; the only port is chosen.
    loaded: ({ ports }) => (this.chosenEvseId = portAfterLoad(this.chosenEvseId, ports)),
    clearStart: () => (this.chosenStart = null),
    focus: (target) => void focusPart(this, target),
  });
  #loadRetry = new LoadRetryController(
    this,
    () => viewWith(this.#flow.state),
    () => void focusPart(this, 'slots'),
  );
  /** The email form's code and the booking texts: asked for once the first start times are on screen. */
  #bookingParts = new BookingPartsController(this, this.#locale, this.#flow);
  #emailTouched = false;
  #starts = new StartsMemo();

  constructor() {
    super();
    // Lit holds the properties a page set before the definition loaded until the first update; the
    // first requests leave at connection, before it, and must carry these two (own accessors).
    takeEarlyProperties(this, ['fetch', 'authToken']);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('connectorTypes'))
      this.portFilter = { ...this.portFilter, connectorTypes: this.connectorTypes ?? [] };
    if (changed.has('email') && !this.#emailTouched) this.typedEmail = this.email ?? '';
    if (changed.has('durations')) this.chosenDuration = durationStillOffered(this.durations, this.chosenDuration);
    if (changed.has('locationId') || changed.has('apiBase') || changed.has('fetch') || changed.has('days')) {
      this.chosenEvseId = null;
      this.chosenStart = null;
    }
  }

  /** The parts the view and a Book are derived from (`widget-view.ts`). */
  get #parts(): WidgetParts {
    return {
      flow: this.#flow,
      locale: this.#locale,
      now: this.#clock.now,
      loadRetry: this.#loadRetry,
      bookingParts: this.#bookingParts,
      starts: this.#starts,
      choice: {
        evseId: this.chosenEvseId,
        filter: this.portFilter,
        duration: this.chosenDuration,
        start: this.chosenStart,
        email: this.typedEmail,
      },
      attributes: { days: this.days, slotStep: this.slotStep, durations: this.durations, signupUrl: this.signupUrl },
    };
  }

  /** What the driver does, from the template's parts: the choice kept here, the rest told to the flow. */
  #handlers: WidgetHandlers = {
    dispatch: (event) => this.#flow.dispatch(event),
    retryLoad: () => this.#loadRetry.retry(() => this.#flow.dispatch({ type: 'retry' })),
    portSelect: ({ detail }) => {
      if (this.chosenEvseId !== detail.evseId) this.chosenStart = null;
      this.chosenEvseId = detail.evseId;
      this.#flow.dispatch({ type: 'edited', field: 'port' });
    },
    portFilter: ({ detail }) => {
      this.portFilter = detail;
      this.#flow.dispatch({ type: 'edited', field: 'port' });
    },
    durationSelect: ({ detail }) => {
      this.chosenDuration = detail.minutes;
      this.#flow.dispatch({ type: 'edited', field: 'duration' });
    },
    daysRetry: () => this.#flow.retryWeeks(),
    slotSelect: ({ detail }) => {
      this.chosenStart = detail.start;
      // Booking is near: its code loads now, so that Book does not wait for it.
      this.#flow.prepareBooking();
      this.#bookingParts.prepare();
      this.#flow.dispatch({ type: 'edited', field: 'slot' });
    },
    emailInput: ({ detail }) => {
      this.#emailTouched = true;
      this.typedEmail = detail.email;
      this.#flow.dispatch({ type: 'edited', field: 'email' });
    },
    emailSubmit: ({ detail }) => this.#book(detail.email),
    // The tracker asked and the driver confirmed: the machine's own confirm step, passed through.
    cancelBooking: () => {
      this.#flow.dispatch({ type: 'cancel' });
      this.#flow.dispatch({ type: 'cancel-confirmed' });
    },
  };

  /** Book: what the driver chose, handed to the flow (which books it once). */
  #book(email: string): void {
    const { valid, locationId } = flowConfigOf(this);
    if (!valid) return;
    this.#emailTouched = true;
    this.typedEmail = email;
    const timeZone = this.#flow.data?.timeZone ?? resolveTimeZone(null);
    // Read when the Book is sent: after the ports' details when it waited for them, and after the
    // booking stage, whose code makes it.
    this.#flow.book((stage) => {
      const input = startsInputOf(this.#parts, timeZone);
      const starts = this.#starts.starts(input);
      return stage.bookingOf({ ...input, locationId, email, start: this.chosenStart, starts });
    });
  }

  /** The first requests leave before the shadow root and its styles are made (10–30 ms ahead of them). */
  override connectedCallback(): void {
    this.#flow.hostConnected();
    super.connectedCallback();
  }

  /** The first render waits for the first requests and the page's first formats (see `firstRenderReady`). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated) return super.scheduleUpdate();
    return firstRenderReady(this.#locale.locale).then(() => super.scheduleUpdate());
  }

  /** Resolves once rendered, the booking parts that were on their way included (the email form, the tracker). */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#bookingParts.settled(); // they render at the update their arrival asks for
    const done = await super.getUpdateComplete();
    await this.#bookingParts.rendered();
    return done;
  }

  override render(): TemplateResult {
    return renderWidget(widgetViewOf(this.#parts), this.#handlers);
  }
}

if (!customElements.get('ev-booking-widget')) customElements.define('ev-booking-widget', EvBookingWidget);

declare global {
  interface HTMLElementTagNameMap {
    'ev-booking-widget': EvBookingWidget;
  }
}
