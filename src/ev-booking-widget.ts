import { LitElement, html, css, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import { createClient, isTransient, type ApiClient as Client } from './api/client.js';
import { ApiError, isAbortError as isAbort, type ErrorCode } from './api/errors.js';
import type { Booking, BookingRequest, CreateBookingRequestBody, Evse, Location, TimeWindow } from './api/schemas.js';
import {
  availabilityRanges,
  groupByDay,
  localDate,
  parseDurations,
  parseIntList,
  resolveTimeZone,
  selectableStarts,
  toIsoUtc,
} from './booking/slots.js';
import { pollBookingRequest } from './booking/poll.js';
import { bookingUserId, findConfirmedBooking, newExternalId } from './booking/flow.js';
import { DisconnectAbortController } from './controllers/abort-controller.js';
import { LocaleController } from './controllers/locale.js';
import { visibleSleep } from './controllers/visibility.js';
import { createEvent, type BookingErrorDetail, type EmailSubmitDetail } from './events.js';
import { dateFormat, formatMinutes, language, zoneName, type MessageKey } from './i18n/index.js';
import { base, tokens } from './styles/tokens.js';
import type { BookingStatus } from './components/status-tracker/status-tracker.js';
import './components/port-list/port-list.js';
import type { EvSlotGrid } from './components/slot-grid/slot-grid.js';
import './components/slot-grid/slot-grid.js';
import './components/email-form/email-form.js';
import './components/status-tracker/status-tracker.js';

/** What the first load brings: SPEC §4 steps 1–4. */
interface LoadedData {
  location: Location;
  timeZone: string;
  ports: Evse[];
}

const MINUTE_MS = 60_000;

/** The message key of an error code: `not-found` → `errorNotFound`. */
const errorKey = (code: ErrorCode): MessageKey =>
  `error${`-${code}`.replace(/-(.)/g, (_, c: string) => c.toUpperCase())}` as MessageKey;

/** Which fields of a 422's `errors` stand next to which control (SPEC §8); the rest go to the status. */
const FIELD_KEYS = {
  emailError: ['email', 'userId'],
  portError: ['evseId'],
  slotError: ['startAt', 'endAt'],
} as const;

function errorCode(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.code : 'bad-response';
}

/** An attribute's converter (a function: `fromAttribute` only, as none of these reflects); no attribute, no value. */
const fromAttribute =
  <T>(parse: (value: string) => T) =>
  (value: string | null): T | undefined =>
    value === null ? undefined : parse(value);

/**
 * A start (and end) as the locale writes them in the location's timezone, with the zone's short
 * name, then `extra` (if any) as the locale joins a list (`, ` in English, `، ` in Arabic).
 */
function describe(
  locale: string,
  timeZone: string,
  extra: string | null | undefined,
  start: string,
  end?: string,
): string {
  const format = dateFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: 'numeric',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const when = end ? format.formatRange(Date.parse(start), Date.parse(end)) : format.format(Date.parse(start));
  return extra ? new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format([when, extra]) : when;
}

/** The translation for `locale`: exact, then same language, then English, then the first. */
function pickTranslation(names: Location['name'], locale: string): string | null | undefined {
  const list = (names ?? []).filter((n) => n.translation);
  const tag = (l?: string | null): string => (l ?? '').toLowerCase().replace('_', '-');
  const lang = (l?: string | null): string => language(l ?? '');
  return (
    list.find((n) => tag(n.locale) === tag(locale)) ??
    list.find((n) => lang(n.locale) === lang(locale)) ??
    list.find((n) => lang(n.locale) === 'en') ??
    list[0]
  )?.translation;
}

/**
 * Books a charging slot at one Ampeco location: port, start time and duration, the driver's email,
 * and the request's life from pending to confirmed.
 *
 * @summary An embeddable EV charging booking widget for Ampeco networks.
 *
 * @attr location-id - Ampeco location to book at (required integer).
 * @attr api-base - Where the proxy serves the Ampeco Public API paths. Default `/api/ampeco`.
 * @attr locale - UI language and formats. Default the page's `lang`, then the browser's.
 * @attr durations - Durations offered, in minutes, comma separated. Default `30,60,90,120`.
 * @attr slot-step - Granularity of start times in minutes. Default `30`.
 * @attr days - How many days ahead can be booked, 1–28. Default `7`.
 * @attr email - Prefills the email field.
 * @attr evse-ids - Offer only these EVSEs (comma separated ids).
 * @attr signup-url - Link shown when no driver account matches the email.
 * @attr theme - `light`, `dark` or `auto` (default).
 *
 * @fires ev-booking-requested - The booking request was created (pending). `detail: { bookingRequest }`
 * @fires ev-booking-confirmed - The request was approved and the booking read. `detail: { bookingRequest, booking }`
 * @fires ev-booking-rejected - The request was rejected. `detail: { bookingRequest, reason }`
 * @fires ev-booking-error - A failure the driver cannot fix by editing input. `detail: { code, message, status? }`
 *
 * @csspart base - The widget's outer block.
 * @csspart heading - The location name.
 * @csspart port-list - The list of charging ports.
 * @csspart duration - The duration control.
 * @csspart slot-grid - The grid of start times.
 * @csspart email-form - The email form.
 * @csspart button - The Book button.
 * @csspart status - The booking status.
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
 */
export class EvBookingWidget extends LitElement {
  static override styles = [
    tokens,
    base,
    css`
      :host {
        max-width: 40rem;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: calc(var(--_space) * 2);
      }
      [part=base] {
        display: grid;
        gap: calc(var(--_space) * 2);
      }
      h2 {
        margin: 0;
        font-size: 1.25em;
        min-height: 1.4em;
      }
      .note {
        color: var(--_muted);
        font-size: 0.875em;
      }
      .duration {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--_space);
      }
      label {
        font-weight: 600;
      }
      .error {
        color: var(--_danger);
      }
      .fatal {
        display: grid;
        gap: var(--_space);
        justify-items: start;
      }
    `,
  ];

  #disconnect = new DisconnectAbortController(this);
  /** The locale, its direction and its messages (loaded at connection, beside the first API requests). */
  #locale = new LocaleController(this, () => this.locale);

  static override properties = {
    locationId: {
      attribute: 'location-id',
      converter: fromAttribute((v) => (/^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN)),
    },
    apiBase: { attribute: 'api-base' },
    locale: {},
    durations: { converter: fromAttribute(parseDurations) },
    slotStep: { attribute: 'slot-step', type: Number },
    days: { type: Number },
    email: {},
    evseIds: { attribute: 'evse-ids', converter: fromAttribute(parseIntList) },
    signupUrl: { attribute: 'signup-url' },
    theme: { reflect: true },
    fetch: { attribute: false },
    pollTimeout: { attribute: false },
    // Private reactive state.
    ...Object.fromEntries(
      'windows evseId duration start typedEmail phase message detail emailError portError slotError notFound now offline'
        .split(' ')
        .map((name) => [name, { state: true }]),
    ),
  };

  /** Ampeco location to book at. */
  locationId?: number;

  /** Where the proxy serves the Ampeco Public API paths. */
  apiBase = '/api/ampeco';

  /** BCP 47 language tag; default the page's `lang`, then the browser's. */
  locale?: string;

  /** Durations offered to the driver, in minutes. */
  durations: number[] = [30, 60, 90, 120];

  /** Granularity of start times, in minutes. */
  slotStep = 30;

  /** How many days ahead can be booked (1–28). */
  days = 7;

  /** Prefills the email field. */
  email = '';

  /** Offer only these EVSEs. */
  evseIds?: number[];

  /** Link shown when no driver account matches the email. */
  signupUrl?: string;

  /** Colour scheme. */
  theme: 'light' | 'dark' | 'auto' = 'auto';

  /** Custom fetch, e.g. to add the host portal's own auth header. */
  fetch?: typeof fetch;

  /** How long to wait for the operator's decision before saying the request is still pending (ms). */
  pollTimeout = 60_000;

  /** The open windows per EVSE id. */
  private windows = new Map<number, TimeWindow[]>();
  /** The chosen port (EVSE id), duration (minutes) and start (ISO UTC). */
  private evseId: number | null = null;
  private duration = 60;
  private start: string | null = null;
  private typedEmail = '';
  /** The booking's status, with its message (reason, error) and detail (the confirmed booking). */
  private phase: BookingStatus = 'idle';
  private message: string | null = null;
  private detail: string | null = null;
  private emailError: string | null = null;
  private portError: string | null = null;
  private slotError: string | null = null;
  private notFound = false;
  private now = Date.now();
  private offline = false;

  #client?: Client;
  /** A create request whose fate is unknown (its answer was lost): looked up before any new attempt. */
  #uncertainAttempt?: CreateBookingRequestBody;
  /** What "Try again" does after a Book failed for a passing reason: that Book again, or tracking its request. */
  #retry?: () => Promise<void>;
  #trackedRequest?: BookingRequest;
  #clockTimer?: ReturnType<typeof setInterval>;
  #emailTouched = false;

  /**
   * Without `args` the task never runs by itself (as with `autoRun: false`): only `run()`, which
   * reads the inputs when called.
   */
  #loadTask = new Task(this, async (_: readonly unknown[], { signal }): Promise<LoadedData> => {
    const locationId = this.locationId!;
    const days = this.#clampedDays;
    const client = createClient({
      apiBase: this.apiBase,
      signal: AbortSignal.any([signal, this.#disconnect.signal]),
      fetch: this.fetch,
    });
    this.#client = client;
    this.windows = new Map();
    try {
      const [location, ports, availability] = await Promise.all([
        client.getLocation(locationId),
        this.#loadPorts(client, locationId),
        this.#fetchAvailability(client, locationId, days),
      ]);
      const timeZone = resolveTimeZone(location.timezone);
      this.windows = availability;
      const selectable = ports.filter((p) => (p.status ?? 'enabled') === 'enabled');
      if (this.evseId === null && selectable.length === 1) this.evseId = selectable[0]!.id;
      void this.#resumePending(client, locationId);
      return { location, timeZone, ports };
    } catch (error) {
      if (!isAbort(error)) this.#reportError(error);
      throw error;
    }
  });

  get #clampedDays(): number {
    const days = Math.round(Number(this.days));
    return Number.isFinite(days) ? Math.min(28, Math.max(1, days)) : 7;
  }

  /** The first load's failure, if it failed. */
  get #loadFailure(): ErrorCode | null {
    return this.#loadTask.status === 3 /* TaskStatus.ERROR */ ? errorCode(this.#loadTask.error) : null;
  }

  get #hasValidLocation(): boolean {
    // Safe integers only: a longer number would be sent as another id (1e20 prints as 100000000000000000000).
    return Number.isSafeInteger(this.locationId) && this.locationId! > 0;
  }

  /**
   * The pending request id kept for this location in `sessionStorage`: read (no argument), kept, or
   * forgotten (`null`). Storage may be unavailable (privacy mode): resumption is then not offered.
   */
  #pendingId(id?: number | null): string | null | undefined {
    const key = `ev-booking-widget:pending:${this.apiBase}:${this.locationId}`;
    try {
      if (id === undefined) return sessionStorage.getItem(key);
      if (id === null) sessionStorage.removeItem(key);
      else sessionStorage.setItem(key, String(id));
    } catch {
      /* no storage */
    }
    return undefined;
  }

  /** Keeps "now" current so that starts that have passed are no longer offered. */
  #tick = (): void => {
    this.now = Date.now();
  };

  /** Back online: whatever failed for want of a network is tried again without the driver asking. */
  #handleOnline = (): void => {
    if (this.offline || this.#loadFailure === 'network') {
      this.offline = false;
      this.#handleRetry();
    }
  };

  #handleOffline = (): void => {
    this.offline = true;
  };

  /** Adds (or removes) the page listeners: the clock on visibility, online and offline. */
  #listen(method: 'addEventListener' | 'removeEventListener'): void {
    document[method]('visibilitychange', this.#tick);
    window[method]('online', this.#handleOnline);
    window[method]('offline', this.#handleOffline);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#clockTimer = setInterval(this.#tick, 30_000);
    this.#listen('addEventListener');
    // A widget moved in the document was aborted on removal: load it again.
    if (this.hasUpdated && this.#hasValidLocation) void this.#loadTask.run();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#clockTimer);
    this.#listen('removeEventListener');
  }

  /** Whether focus was in the widget when this update began (read by `updated`). */
  #focusWasInside = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#focusWasInside = this.matches(':focus-within');
    if (changed.has('email') && !this.#emailTouched) this.typedEmail = this.email ?? '';
    if (changed.has('durations')) {
      const offered = this.#offeredDurations;
      if (!offered.includes(this.duration)) this.duration = offered.includes(60) ? 60 : offered[0]!;
    }
    const reload = ['locationId', 'apiBase', 'fetch', 'days'].some((k) => changed.has(k as keyof EvBookingWidget));
    if (reload) {
      this.#uncertainAttempt = this.#retry = undefined;
      this.evseId = null;
      this.start = null;
      this.phase = 'idle';
      this.detail = null;
      this.#clearMessages();
      if (this.#hasValidLocation) {
        void this.#loadTask.run();
      } else {
        this.#client = undefined;
        this.#reportError(
          new ApiError('config', `location-id ${this.locationId === undefined ? 'missing' : 'invalid'}`),
        );
      }
    }
  }

  get #offeredDurations(): number[] {
    const list = (this.durations ?? []).filter((d) => Number.isInteger(d) && d > 0);
    return list.length ? list : [30, 60, 90, 120];
  }

  /** Clears the status message and every message next to a control. */
  #clearMessages(): void {
    this.message = null;
    this.emailError = null;
    this.portError = null;
    this.slotError = null;
    this.notFound = false;
  }

  /** Steps 2 and 3: charge points (all pages), then their EVSEs in parallel. */
  async #loadPorts(client: Client, locationId: number): Promise<Evse[]> {
    const chargePoints = await client.listChargePoints(locationId);
    const lists = await Promise.all(chargePoints.map((cp) => client.listEvses(cp.id)));
    const only = this.evseIds;
    return lists.flat().filter((evse) => evse.bookingEnabled === true && (!only?.length || only.includes(evse.id)));
  }

  /** Step 4: the open windows per EVSE from now over `days`, at most 7 days per request, in parallel. */
  async #fetchAvailability(client: Client, locationId: number, days: number): Promise<Map<number, TimeWindow[]>> {
    // The timezone is not known yet (the location is read at the same time): `days` × 24 h from now.
    const ranges = availabilityRanges(Date.now(), days);
    const responses = await Promise.all(ranges.map((range) => client.checkAvailability(locationId, range)));
    const windows = new Map<number, TimeWindow[]>();
    for (const item of responses.flat()) {
      windows.set(item.evseId, [...(windows.get(item.evseId) ?? []), ...item.availableSlots]);
    }
    return windows;
  }

  async #reloadAvailability(): Promise<void> {
    if (!this.#client || !this.#hasValidLocation) return;
    try {
      this.windows = await this.#fetchAvailability(this.#client, this.locationId as number, this.#clampedDays);
    } catch (error) {
      if (!isAbort(error)) this.#reportError(error);
    }
  }

  #reportError(error: unknown): void {
    const api = error instanceof ApiError;
    if (!api) console.error('[ev-booking-widget]', error);
    this.dispatchEvent(
      createEvent<BookingErrorDetail>(
        'ev-booking-error',
        api
          ? {
              code: error.code,
              message: error.message,
              ...(error.status !== undefined ? { status: error.status } : {}),
            }
          : { code: 'bad-response', message: String((error as Error)?.message ?? error) },
      ),
    );
  }

  #handlePortSelect(event: CustomEvent<{ evseId: number | null }>): void {
    if (this.evseId !== event.detail.evseId) this.start = null;
    this.evseId = event.detail.evseId;
    this.slotError = null;
    this.portError = null;
  }

  #handleDurationChange(event: Event): void {
    this.duration = Number((event.target as HTMLSelectElement).value);
    this.slotError = null;
  }

  #handleSlotSelect(event: CustomEvent<{ start: string }>): void {
    this.start = event.detail.start;
    this.slotError = null;
    if (this.phase === 'rejected' || this.phase === 'error') this.phase = 'idle';
  }

  #handleEmailInput(event: CustomEvent<{ email: string }>): void {
    this.#emailTouched = true;
    this.typedEmail = event.detail.email;
    this.emailError = null;
    this.notFound = false;
  }

  get #busy(): boolean {
    return this.phase === 'sending' || this.phase === 'pending';
  }

  #handleEmailSubmit(event: CustomEvent<EmailSubmitDetail>): Promise<void> {
    return this.#submit(event.detail);
  }

  /** Book: the user look-up, then steps 6–8 (SPEC §4). */
  async #submit(detail: EmailSubmitDetail): Promise<void> {
    // The guard is synchronous: a second click or a held Enter lands here while the first is busy.
    if (this.#busy || !this.#client || !this.#hasValidLocation) return;
    this.#retry = undefined;
    this.#emailTouched = true;
    this.typedEmail = detail.email;
    const client = this.#client;
    const start = this.start;
    const evseId = this.evseId;
    if (evseId === null) {
      this.slotError = this.#locale.t('pickPort');
      return;
    }
    if (!start || !this.#currentStarts().includes(start)) {
      this.slotError = this.#locale.t('pickTime');
      return;
    }
    if (!navigator.onLine) {
      this.offline = true;
      return;
    }
    this.phase = 'sending';
    this.#clearMessages();
    try {
      const user = await client.findUserByEmail(detail.email);
      if (!user) {
        this.notFound = true;
        this.phase = 'idle';
        return;
      }
      const startMs = Date.parse(start);
      const body: CreateBookingRequestBody = {
        type: 'create',
        userId: bookingUserId(user),
        locationId: this.locationId as number,
        startAt: toIsoUtc(startMs),
        endAt: toIsoUtc(startMs + this.duration * MINUTE_MS),
        evseId,
        externalId: newExternalId(),
      };
      const bookingRequest = await this.#createOnce(client, body);
      this.dispatchEvent(createEvent('ev-booking-requested', { bookingRequest }));
      // From here on the request exists: "Try again" tracks it, never books again.
      return this.#follow(client, bookingRequest);
    } catch (error) {
      // Failed before a request was made, for a passing reason: "Try again" is this Book again.
      this.#failed(error, () => this.#submit(detail));
    }
  }

  /** Steps 7 and 8 for `request`; on a passing failure, "Try again" follows it again. */
  async #follow(client: Client, request: BookingRequest): Promise<void> {
    try {
      await this.#track(client, request);
    } catch (error) {
      this.#failed(error, () => this.#follow(client, request));
    }
  }

  /** The error state for `error`, with `retry` for "Try again" when it may pass (network, 5xx, time-out, 429). */
  #failed(error: unknown, retry: () => Promise<void>): void {
    if (isTransient(error)) this.#retry = retry;
    this.#handleFlowError(error);
  }

  /**
   * Sends the create request for `body`, never a second booking unseen: when an earlier attempt
   * ended without a certain answer (lost response, time-out, 5xx), it is looked up by its
   * `externalId` first and, if it was made, tracked instead, whatever is asked now (the driver then
   * sees the booking that exists); if not, `body` is sent, under the earlier `externalId` when it is
   * the same booking.
   */
  async #createOnce(client: Client, body: CreateBookingRequestBody): Promise<BookingRequest> {
    const previous = this.#uncertainAttempt;
    // The same booking: every field but the attempt's `externalId` alike (in the same order).
    const same = (b: CreateBookingRequestBody): string => JSON.stringify({ ...b, externalId: 0 });
    let found;
    if (previous) {
      found = await client.findBookingRequestByExternalId(previous.externalId!);
      if (same(previous) === same(body)) body = previous;
    }
    try {
      const created = found ?? (await client.createBookingRequest(body));
      this.#uncertainAttempt = undefined;
      return created;
    } catch (error) {
      const status = (error instanceof ApiError && error.status) || 0;
      this.#uncertainAttempt = (status >= 400 && status < 500) || isAbort(error) ? undefined : body;
      throw error;
    }
  }

  #handleFlowError(error: unknown): void {
    if (isAbort(error)) return;
    this.phase = 'error';
    if (error instanceof ApiError && error.fieldErrors) {
      // A 422 (the only error with field messages).
      // Every message stands next to what the driver can change to answer it; the rest (about the
      // location, say) is a failure the driver cannot fix, shown in the status and reported.
      const fields = error.fieldErrors;
      const at = (keys: readonly string[]): string | null => keys.flatMap((k) => fields[k] ?? []).join(' ') || null;
      for (const [control, keys] of Object.entries(FIELD_KEYS)) this[control as keyof typeof FIELD_KEYS] = at(keys);
      const placed: readonly string[] = Object.values(FIELD_KEYS).flat();
      const rest = at(Object.keys(fields).filter((k) => !placed.includes(k)));
      if (!rest && (this.emailError || this.portError || this.slotError)) {
        this.phase = 'idle';
        this.message = null;
        return;
      }
      this.message = rest ?? error.message;
    } else {
      this.message = this.#locale.t(errorKey(errorCode(error)));
    }
    this.#reportError(error);
  }

  /** Steps 7 and 8: poll the request, then read the confirmed booking. */
  async #track(client: Client, bookingRequest: BookingRequest): Promise<void> {
    this.#trackedRequest = bookingRequest;
    this.phase = 'pending';
    this.message = null;
    this.#pendingId(bookingRequest.id);
    let final: BookingRequest;
    try {
      final = await pollBookingRequest(client, bookingRequest.id, {
        signal: this.#disconnect.signal,
        timeoutMs: this.pollTimeout,
        sleep: visibleSleep,
      });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'timeout') {
        this.phase = 'timeout';
        this.#reportError(error);
        return;
      }
      throw error;
    }
    this.#pendingId(null);
    if (final.status === 'approved') {
      // The booking may be written a moment after the approval: look twice before going without it.
      const booking =
        (await findConfirmedBooking(client, final)) ??
        (await new Promise((resolve) => setTimeout(resolve, 1000)).then(() => findConfirmedBooking(client, final)));
      this.phase = 'confirmed';
      // Without the booking, the request's own times and the chosen port.
      const { startAt, endAt, evse } = (booking ?? final) as Partial<Booking>;
      const data = this.#loadTask.value;
      const port = data?.ports.find((p) => p.id === (evse?.id ?? final.evseId ?? this.evseId));
      this.detail = describe(
        this.#locale.locale,
        data?.timeZone ?? resolveTimeZone(null),
        evse?.label || port?.label || port?.physicalReference,
        startAt ?? '',
        endAt,
      );
      this.dispatchEvent(createEvent('ev-booking-confirmed', { bookingRequest: final, booking }));
    } else {
      const reason = final.rejectionReason || this.#locale.t('noReason');
      this.phase = 'rejected';
      this.message = reason;
      this.start = null;
      this.dispatchEvent(createEvent('ev-booking-rejected', { bookingRequest: final, reason }));
      await this.#reloadAvailability();
    }
  }

  /** After a page reload, goes on tracking a request that was still pending. */
  async #resumePending(client: Client, locationId: number): Promise<void> {
    const stored = this.#pendingId();
    const id = Number(stored);
    if (!stored || !Number.isInteger(id) || this.#busy) return;
    try {
      const request = await client.getBookingRequest(id);
      if (request.locationId != null && request.locationId !== locationId) return void this.#pendingId(null);
      await this.#follow(client, request);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'not-found') return void this.#pendingId(null);
      this.#handleFlowError(error);
    }
  }

  #handleRetry(): void {
    // Nothing to retry while a booking is on its way or done (an `online` event may come then).
    if (this.#busy || this.phase === 'confirmed') return;
    // Timed out: track the same request again, unless the widget was reconfigured meanwhile (no client).
    if (this.phase === 'timeout' && this.#client && this.#trackedRequest) {
      return void this.#follow(this.#client, this.#trackedRequest);
    }
    if (this.#loadFailure) {
      this.phase = 'idle';
      void this.#loadTask.run();
      return;
    }
    // Book failed for a passing reason: Book again as the driver asked (an uncertain attempt is
    // looked up first, SPEC §8), or track the request made. Reloading availability instead would
    // hide the slot a lost request may have taken, and the booking with it.
    const retry = this.#retry;
    if (this.phase === 'error' && retry) {
      this.#retry = undefined;
      return void retry();
    }
    this.phase = 'idle';
    this.message = null;
    void this.#reloadAvailability();
  }

  /** Back to choosing a start, with the focus on the start times (the button pressed goes away). */
  async #handlePickAgain(): Promise<void> {
    this.phase = 'idle';
    this.message = null;
    this.detail = null;
    this.start = null;
    await this.updateComplete;
    const grid = this.renderRoot.querySelector<EvSlotGrid>('ev-slot-grid');
    await grid?.updateComplete;
    grid?.focus();
  }

  #handleBookAnother(): void {
    void this.#handlePickAgain();
    void this.#reloadAvailability();
  }

  #startsCache?: { key: unknown[]; starts: string[] };

  /** Selectable starts (ISO UTC) for the chosen port and duration, at this minute; computed once per input. */
  #currentStarts(): string[] {
    if (this.evseId === null) return [];
    const timeZone = this.#loadTask.value?.timeZone ?? resolveTimeZone(null);
    const key = [this.windows, this.evseId, this.duration, this.slotStep, this.now, timeZone];
    const cached = this.#startsCache;
    if (cached && cached.key.every((value, i) => value === key[i])) return cached.starts;
    const starts = selectableStarts({
      windows: this.windows.get(this.evseId) ?? [],
      durationMinutes: this.duration,
      stepMinutes: this.slotStep > 0 ? this.slotStep : 30,
      now: this.now,
      timeZone,
    }).map(toIsoUtc);
    this.#startsCache = { key, starts };
    return starts;
  }

  override render(): TemplateResult {
    const { locale, direction, catalogue, t } = this.#locale;
    // The `lang` of the texts: the locale's, or `en` while (or when) they are shown in English.
    const lang = this.#locale.textLanguage;
    const failed = !this.#hasValidLocation ? 'config' : this.#loadFailure;
    if (failed) {
      return html`<div part="base" lang=${lang} dir=${direction}>
        <div class="fatal" role="alert" part="status">
          <p>${t(errorKey(failed))}</p>
          ${this.offline ? html`<p>${t('offline')}</p>` : nothing}
          ${failed === 'config' ? nothing : html`<button @click=${this.#handleRetry}>${t('tryAgain')}</button>`}
        </div>
      </div>`;
    }
    const data = this.#loadTask.value;
    const noPort = this.evseId === null;
    // Until the locale's messages are here too (no flash of English): they load beside the data.
    const loading = this.#loadTask.status !== 2 /* TaskStatus.COMPLETE */ || !data || this.#locale.loading;
    const ownZone = resolveTimeZone(null);
    const timeZone = data?.timeZone ?? ownZone;
    const name = data ? (pickTranslation(data.location.name, locale) ?? t('locationFallback')) : '';
    const starts = loading ? [] : this.#currentStarts();
    const days = groupByDay(starts.map(Date.parse), timeZone, localDate(this.now, timeZone), this.#clampedDays);
    const selected = this.start && starts.includes(this.start) ? this.start : null;
    const done = this.phase === 'confirmed';
    // The duration's label and control side by side (not nested): the control's name is exactly "Duration".
    return html`<div part="base" lang=${lang} dir=${direction} aria-busy=${loading}>
      <h2 part="heading" aria-hidden=${name ? nothing : 'true'}>${name}</h2>
      ${data && ownZone !== timeZone ? html`<p class="note">${t('zoneDiffers', { zone: zoneName(ownZone) })}</p>` : nothing}
      ${
        done
          ? nothing
          : html`<ev-port-list
              exportparts="port-list"
              .ports=${data?.ports ?? []}
              .selected=${this.evseId}
              .noAnyPort=${true}
              .loading=${loading}
              .disabled=${this.#busy}
              .locale=${locale}
              .catalogue=${catalogue}
              @ev-port-select=${this.#handlePortSelect}
            ></ev-port-list>
            ${this.portError ? html`<p class="error" role="alert">${this.portError}</p>` : nothing}
            <div class="duration" part="duration">
              <label for="duration">${t('duration')}</label>
              <select id="duration" @change=${this.#handleDurationChange} ?disabled=${this.#busy}>
                ${this.#offeredDurations.map(
                  (d) => html`<option value=${d} ?selected=${d === this.duration}>${formatMinutes(locale, d)}</option>`,
                )}
              </select>
            </div>
            ${noPort && !loading ? html`<p class="note">${t('portFirst')}</p>` : nothing}
            <ev-slot-grid
              ?hidden=${noPort && !loading}
              exportparts="slot-grid"
              .days=${days}
              .timeZone=${timeZone}
              .locale=${locale}
              .catalogue=${catalogue}
              .selected=${selected}
              .duration=${this.duration}
              .step=${this.slotStep > 0 ? this.slotStep : 30}
              .loading=${loading}
              .disabled=${this.#busy || noPort}
              @ev-slot-select=${this.#handleSlotSelect}
            ></ev-slot-grid>
            ${this.slotError ? html`<p class="error" role="alert">${this.slotError}</p>` : nothing}
            <ev-email-form
              exportparts="email-form, button"
              .email=${this.typedEmail}
              .busy=${this.#busy}
              .disabled=${loading}
              .error=${this.emailError}
              .notFound=${this.notFound}
              .signupUrl=${this.signupUrl ?? null}
              .summary=${selected ? describe(locale, timeZone, formatMinutes(locale, this.duration), selected) : null}
              .catalogue=${catalogue}
              @ev-email-input=${this.#handleEmailInput}
              @ev-email-submit=${this.#handleEmailSubmit}
            ></ev-email-form>`
      }
      ${this.offline ? html`<p class="error" role="alert">${t('offline')}</p>` : nothing}
      <div class="status" tabindex="-1">
      <ev-status-tracker
        exportparts="status"
        .status=${this.phase}
        .message=${this.message}
        .detail=${this.detail}
        .retryable=${this.phase === 'error'}
        .catalogue=${catalogue}
        @ev-retry=${this.#handleRetry}
        @ev-pick-again=${this.#handlePickAgain}
      ></ev-status-tracker>
      </div>
      ${done ? html`<button @click=${this.#handleBookAnother}>${t('bookAnother')}</button>` : nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Focus follows the driver to the outcome of Book, but only when the driver was in the widget
    // before this update (which may have removed the focused control, as confirming removes the
    // form): the widget never takes focus from the page.
    // An outcome: confirmed, rejected, timeout or error.
    if (changed.has('phase' as keyof EvBookingWidget) && this.phase !== 'idle' && !this.#busy && this.#focusWasInside) {
      this.renderRoot.querySelector<HTMLElement>('.status')?.focus();
    }
  }
}

if (!customElements.get('ev-booking-widget')) customElements.define('ev-booking-widget', EvBookingWidget);

declare global {
  interface HTMLElementTagNameMap {
    'ev-booking-widget': EvBookingWidget;
  }
}
