/**
 * The flow runner: the ReactiveController that owns the booking flow's state (`booking/machine.ts`),
 * runs the effects each transition asks for (API calls, pauses, `sessionStorage`, DOM events,
 * focus) and sends their outcomes back into the machine as events. It also runs the first load (a
 * `@lit/task` whose `args` are the inputs that define what is loaded), aborts everything when the
 * element leaves the document, and tries again when the browser comes back online.
 */
import type { ReactiveController, ReactiveElement } from 'lit';
import { Task, initialState } from '@lit/task';
import { createClient, sleep, type ApiClient } from '../api/client.js';
import { isAbortError } from '../api/errors.js';
import type { Evse } from '../api/schemas.js';
import { newExternalId } from '../booking/external-id.js';
import { failureOf, type Failure } from '../booking/failure.js';
import {
  loadAvailability,
  startLoad,
  type Availability,
  type LoadInput,
  type LoadedData,
  type WeekLoad,
} from '../booking/load.js';
import { transition } from '../booking/machine.js';
import { pollBookingRequest } from '../booking/poll.js';
import type { BookingChoice, Effect, Emit, FlowEvent, State } from '../booking/states.js';
import { DisconnectAbortController } from './abort-controller.js';
import { AvailabilityWeeks } from './availability-weeks.js';
import { dispatchFlowEvent } from './flow-events.js';
import { ResumeStore } from './resume-store.js';
import { visibleSleep } from './visibility.js';

/** What the flow reads from its element. */
export interface FlowConfig extends LoadInput {
  /** Whether `locationId` is usable (a positive safe integer). */
  valid: boolean;
  apiBase: string;
  fetch: typeof fetch | undefined;
  authToken: string | undefined;
  pollTimeout: number;
}

export interface FlowHooks {
  config(): FlowConfig;
  /** The locale's text for a rejection without a reason. */
  noReasonText(): string;
  /** Each wave of the first load answered: the start times, then the ports (e.g. to choose the only port). */
  loaded(data: LoadedData): void;
  /** The chosen start is forgotten (taken, or the driver picks again). */
  clearStart(): void;
  /** Moves focus to the outcome, or to the start times, once rendered. */
  focus(target: 'status' | 'slots'): void;
}

type FlowHost = ReactiveElement;

export class FlowRunner implements ReactiveController {
  /** Where the flow is; the element renders from it. */
  state: State = { kind: 'loading' };
  /** The open windows per EVSE (the first load's, week by week, then each reload's) and how far each week is. */
  readonly availabilityWeeks: AvailabilityWeeks;
  /** The first load's data as far as it has answered (the start times first, then the ports). */
  data: LoadedData | undefined;
  /** The browser said it is offline (and has not said it is back). */
  offline = false;

  readonly #host: FlowHost;
  readonly #hooks: FlowHooks;
  readonly #disconnect: DisconnectAbortController;
  /** Aborted by the machine's `abort` effect (the widget was reconfigured); then replaced. */
  #flowAbort = new AbortController();
  #client: ApiClient | undefined;
  readonly #resume: ResumeStore;
  /** What the driver asked to book, read again when a Book waited for the ports. */
  #choice: (() => BookingChoice) | undefined;
  /** The first load's steps 2–3 and later weeks, followed once the start times are shown. */
  #pending: { ports: Promise<Evse[]>; weeks: WeekLoad[]; signal: AbortSignal } | undefined;

  /** The first load: reruns when its inputs change, never for an unusable `location-id`. */
  readonly load: Task<
    readonly [number | undefined, string, typeof fetch | undefined, string | undefined, number, string],
    LoadedData
  >;

  constructor(host: FlowHost, hooks: FlowHooks) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
    this.#disconnect = new DisconnectAbortController(host);
    this.availabilityWeeks = new AvailabilityWeeks(
      () => host.requestUpdate(),
      (error) => this.#emit({ name: 'ev-booking-error', failure: failureOf(error) }),
    );
    this.#resume = new ResumeStore(() => {
      const { apiBase, locationId } = hooks.config();
      return `ev-booking-widget:pending:${apiBase}:${locationId}`;
    });
    this.load = new Task(host, {
      args: () => {
        const { valid, locationId, apiBase, fetch, authToken, days, evseIds } = hooks.config();
        return [valid ? locationId : undefined, apiBase, fetch, authToken, days, evseIds.join(',')] as const;
      },
      task: async ([locationId], { signal }) => {
        this.dispatch({ type: 'configured', ...this.#validity() });
        this.data = undefined;
        if (locationId === undefined) {
          this.#client = undefined;
          return initialState;
        }
        const config = hooks.config();
        const client = createClient({
          apiBase: config.apiBase,
          fetch: config.fetch,
          authToken: config.authToken,
          signal: AbortSignal.any([signal, this.#disconnect.signal]),
        });
        this.#client = client;
        const { times, weeks, ports } = startLoad(client, config, { signal });
        this.#pending = { ports, weeks, signal };
        return times;
      },
      onComplete: (data) => {
        const pending = this.#pending;
        if (pending) this.availabilityWeeks.begin(data.availability, pending.weeks, pending.signal);
        this.data = data;
        hooks.loaded(data);
        this.dispatch({ type: 'times-ready' });
        this.#followPorts();
      },
      onError: (error) => {
        if (!isAbortError(error)) this.dispatch({ type: 'load-failed', failure: failureOf(error) });
      },
    });
  }

  /** After the start times: steps 2–3's answer fills the ports in, or their failure fails the load. */
  #followPorts(): void {
    const pending = this.#pending;
    if (!pending) return;
    const { ports, signal } = pending;
    ports.then(
      (ports) => {
        if (signal.aborted || !this.data) return;
        this.data = { ...this.data, ports, portsReady: true };
        this.#hooks.loaded(this.data);
        this.dispatch({ type: 'ports-ready' });
      },
      (error: unknown) => {
        if (!signal.aborted && !isAbortError(error)) this.dispatch({ type: 'load-failed', failure: failureOf(error) });
      },
    );
  }

  /** The open windows per EVSE, of the weeks that have answered. */
  get availability(): Availability {
    return this.availabilityWeeks.availability;
  }

  /** Asks the availability's weeks that failed again (the driver's "Try again" on their days). */
  retryWeeks(): void {
    if (this.#client) this.availabilityWeeks.retry(this.#client, this.#hooks.config(), this.#signal);
  }

  #validity(): { valid: true } | { valid: false; message: string } {
    const { valid, locationId } = this.#hooks.config();
    return valid ? { valid } : { valid, message: `location-id ${locationId === undefined ? 'missing' : 'invalid'}` };
  }

  hostConnected(): void {
    window.addEventListener('online', this.#handleOnline);
    window.addEventListener('offline', this.#handleOffline);
    // The first requests leave now, before the first render (the element's waits a task); a
    // widget moved in the document was aborted on removal: load it again (with a fresh signal).
    if (this.#host.hasUpdated || this.#hooks.config().valid) {
      this.#disconnect.hostConnected();
      void this.load.run();
    }
  }

  hostDisconnected(): void {
    window.removeEventListener('online', this.#handleOnline);
    window.removeEventListener('offline', this.#handleOffline);
  }

  /** Back online: whatever failed for want of a network is tried again without the driver asking. */
  #handleOnline = (): void => {
    const loadFailedOffline = this.state.kind === 'load-failed' && this.state.failure.code === 'network';
    if (!this.offline && !loadFailedOffline) return;
    this.offline = false;
    this.#host.requestUpdate();
    this.dispatch({ type: 'retry' });
  };

  #handleOffline = (): void => {
    this.offline = true;
    this.#host.requestUpdate();
  };

  /**
   * Book what the driver chose, with a fresh `externalId` for a new attempt; offline, says so
   * instead. `choice` is read when the Book is sent: after the ports' details when it waited for them.
   */
  book(choice: () => BookingChoice): void {
    if (!navigator.onLine) {
      this.offline = true;
      this.#host.requestUpdate();
      return;
    }
    this.#choice = choice;
    this.dispatch({ type: 'book', choice: choice(), externalId: newExternalId() });
  }

  /** Moves the machine on with `event` and runs the effects of the move. */
  dispatch(event: FlowEvent): void {
    const { state, effects } = transition(this.state, event);
    this.state = state;
    this.#host.requestUpdate();
    for (const effect of effects) this.#run(effect);
  }

  get #signal(): AbortSignal {
    return AbortSignal.any([this.#flowAbort.signal, this.#disconnect.signal]);
  }

  /**
   * Runs `work` with the flow's signal and dispatches what `done` makes of its result, or what
   * `failed` makes of its failure; nothing when it was aborted (reconfigured, or removed).
   */
  #call<T>(
    work: (client: ApiClient, signal: AbortSignal) => Promise<T>,
    done: (value: T) => FlowEvent,
    failed: (failure: Failure, error: unknown) => FlowEvent,
  ): void {
    const client = this.#client;
    if (!client) return;
    const signal = this.#signal;
    work(client, signal).then(
      (value) => {
        if (!signal.aborted) this.dispatch(done(value));
      },
      (error: unknown) => {
        if (!signal.aborted && !isAbortError(error)) this.dispatch(failed(failureOf(error), error));
      },
    );
  }

  #run(effect: Effect): void {
    switch (effect.type) {
      case 'load':
        void this.load.run();
        return;
      case 'abort':
        this.#flowAbort.abort();
        this.#flowAbort = new AbortController();
        return;
      case 'create':
        return this.#call(
          (client, signal) => client.createBookingRequest(effect.body, { signal }),
          (tracked) => ({ type: 'created', tracked }),
          (failure) => ({ type: 'create-failed', failure }),
        );
      case 'look-up':
        return this.#call(
          async (client, signal) => {
            if (effect.delayMs > 0) await sleep(effect.delayMs, signal);
            return client.findBookingRequestByExternalId(effect.externalId, { signal });
          },
          (found) => ({ type: 'looked-up', found }),
          (failure) => ({ type: 'look-up-failed', failure }),
        );
      case 'poll':
        return this.#call(
          (client, signal) =>
            pollBookingRequest(client, effect.tracked.request.id, effect.tracked.capability, {
              signal,
              timeoutMs: this.#hooks.config().pollTimeout,
              sleep: visibleSleep,
            }),
          (request) => ({ type: 'decided', request }),
          (failure) => (failure.code === 'timeout' ? { type: 'poll-timed-out' } : { type: 'poll-failed', failure }),
        );
      case 'read-booking':
        return this.#call(
          (client, signal) => client.getBooking(effect.bookingId, effect.capability, { signal }),
          (booking) => ({ type: 'booking-read', booking }),
          (failure) => ({ type: 'booking-read-failed', failure }),
        );
      case 'cancel':
        return this.#call(
          (client, signal) => client.cancelBooking(effect.bookingId, effect.capability, { signal }),
          (tracked) => ({ type: 'cancel-created', tracked }),
          (failure) => ({ type: 'cancel-failed', failure }),
        );
      case 'reload-availability':
        return this.#reloadAvailability();
      case 'persist':
        return this.#resume.write(effect.tracked);
      case 'forget':
        return this.#resume.clear();
      case 'book-waiting':
        if (this.#choice) this.dispatch({ type: 'book', choice: this.#choice(), externalId: newExternalId() });
        return;
      case 'restore':
        // In its own task, after the start times are painted: storage can be slow to open.
        setTimeout(() => {
          const kept = this.#resume.read();
          if (kept) this.dispatch({ type: 'resume', tracked: kept });
        });
        return;
      case 'emit':
        this.#emit(effect.event);
        return;
      case 'clear-start':
        return this.#hooks.clearStart();
      case 'focus':
        // Focus follows the driver to the outcome only when the driver is in the widget: the
        // widget never takes focus from the page.
        if (this.#host.matches(':focus-within')) this.#hooks.focus(effect.target);
        return;
    }
  }

  #reloadAvailability(): void {
    const client = this.#client;
    if (!client) return;
    const signal = this.#signal;
    loadAvailability(client, this.#hooks.config(), { signal }).then(
      (availability) => {
        if (signal.aborted) return;
        this.availabilityWeeks.replace(availability);
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (!signal.aborted && !isAbortError(error))
          this.#emit({ name: 'ev-booking-error', failure: failureOf(error) });
      },
    );
  }

  #emit(event: Emit): void {
    dispatchFlowEvent(this.#host, event, this.#hooks.noReasonText);
  }
}
