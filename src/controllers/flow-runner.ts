/**
 * The flow runner: what owns the booking flow's state (`booking/machine.ts`,
 * then `booking-machine.ts`), runs the effects each transition asks for (API calls, pauses,
 * `sessionStorage`, DOM events, focus) and sends their outcomes back into the machine as events.
 * It also starts the first load (`first-load.ts`), aborts everything when the element leaves the
 * document, and tries again when the browser comes back online.
 *
 * The machine's second half and the booking calls are the booking stage (`booking/booking-stage.ts`),
 * a chunk loaded once the driver picks a start time (`prepareBooking`), when a kept pending request
 * is found after a reload, or when Book asks for it (`load-stage`); until it is here, the flow
 * moves with the first half alone (`transitionChoosing`).
 */
import type { ReactiveElement } from 'lit';
import { isAbortError } from '../api/errors.js';
import { readCalls } from '../api/reads.js';
import type { Transport } from '../api/transport.js';
import { errorDetail, failureOf, type Failure } from '../booking/failure.js';
import type { Availability, LoadedData } from '../booking/load.js';
import { transitionChoosing } from '../booking/machine.js';
import type { BookingChoice, Effect, Emit, FlowEvent, State } from '../booking/states.js';
import { DisconnectAbortController } from './abort-controller.js';
import { createEvent } from '../events.js';
import { FirstLoad } from './first-load.js';
import { FlowAvailability } from './flow-availability.js';
import { OnlineController } from './online.js';
import { ResumeStore } from './resume-store.js';
import { StageLoader, type BookingStage } from './stage-loader.js';

import type { FlowHooks } from './flow-hooks.js';

export type { BookingStage } from './stage-loader.js';
export type { FlowConfig, FlowHooks } from './flow-hooks.js';

type FlowHost = ReactiveElement;

export class FlowRunner {
  /** Where the flow is; the element renders from it. */
  state: State = { kind: 'loading' };
  /** The open windows per EVSE (the first load's, week by week, then each reload's) and how far each week is. */
  readonly availabilityWeeks = new FlowAvailability(
    () => this.#host.requestUpdate(),
    (error) => this.#emit({ name: 'ev-booking-error', failure: failureOf(error) }),
  );

  readonly #host: FlowHost;
  readonly #hooks: FlowHooks;
  readonly #disconnect: DisconnectAbortController;
  /** Aborted by the machine's `abort` effect (the widget was reconfigured); then replaced. */
  #flowAbort = new AbortController();
  readonly #stage = new StageLoader();
  /** Back online: whatever failed for want of a network is tried again without the driver asking. */
  readonly #online: OnlineController;
  readonly #resume: ResumeStore;
  /** Book was pressed offline: it is sent once the browser is back online. */
  #bookWhenOnline = false;
  /** What the driver asked to book (made with the booking stage's code), read when the Book is sent. */
  #choice: ((stage: BookingStage) => BookingChoice) | undefined;
  /** The first load: reruns when its inputs change, never for an unusable `location-id`. */
  readonly #first: FirstLoad;

  constructor(host: FlowHost, hooks: FlowHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.#disconnect = new DisconnectAbortController(host);
    this.#online = new OnlineController(host, (wasOffline) => {
      const loadFailedOffline = this.state.kind === 'load-failed' && this.state.failure.code === 'network';
      if (wasOffline || loadFailedOffline) this.dispatch({ type: 'retry' });
      // A Book pressed offline, as the offline alert promised: sent once.
      if (this.#bookWhenOnline) {
        this.#bookWhenOnline = false;
        this.dispatch(this.#bookEvent());
      }
    });
    this.#resume = new ResumeStore(host, () => {
      const { apiBase, locationId } = hooks.config();
      return `ev-booking-widget:pending:${apiBase}:${locationId}`;
    });
    this.#first = new FirstLoad(host, hooks, this);
  }

  /** The first load's data as far as it has answered (the start times first, then the ports). */
  get data(): LoadedData | undefined {
    return this.#first.data;
  }

  /** Aborted when the element leaves the document. */
  get disconnected(): AbortSignal {
    return this.#disconnect.signal;
  }

  get #transport(): Transport | undefined {
    return this.#first.transport;
  }

  /** The open windows per EVSE, of the weeks that have answered. */
  get availability(): Availability {
    return this.availabilityWeeks.availability;
  }

  /** Asks the availability's weeks that failed again (the driver's "Try again" on their days). */
  retryWeeks(): void {
    if (this.#transport) this.availabilityWeeks.retry(readCalls(this.#transport), this.#hooks.config(), this.#signal);
  }

  /**
   * Called by the host as it connects, before its own `connectedCallback` (not by Lit: not added
   * as a controller), so that the first requests leave before its shadow root and styles are made
   * and before its first render (which waits for a frame). A widget moved in the document was
   * aborted on removal: it loads again (with a fresh signal).
   */
  hostConnected(): void {
    if (this.#host.hasUpdated || this.#hooks.config().valid) {
      this.#disconnect.hostConnected();
      void this.#first.task.run();
    }
  }

  /** The browser said it is offline (and has not said it is back). */
  get offline(): boolean {
    return this.#online.offline;
  }

  /**
   * Book what the driver chose, with a fresh `externalId` for a new attempt; offline, says so, and
   * sends it once back online (unless the choice changes meanwhile). `choice` is read when the
   * Book is sent: after the ports' details when it waited for them, and after the booking stage,
   * whose code makes it (and the `externalId`).
   */
  book(choice: (stage: BookingStage) => BookingChoice): void {
    this.#choice = choice;
    this.#bookWhenOnline = !navigator.onLine;
    if (this.#bookWhenOnline) this.#online.wentOffline();
    else this.dispatch(this.#bookEvent());
  }

  /** Book: what it sends, once the booking stage is here; before, that it waits for it. */
  #bookEvent(): FlowEvent {
    const stage = this.#stage.stage;
    return stage && this.#choice
      ? { type: 'book', choice: this.#choice(stage), externalId: stage.newExternalId() }
      : { type: 'book' };
  }

  /** The booking stage, once loaded. */
  get stage(): BookingStage | undefined {
    return this.#stage.stage;
  }

  /** The driver picked a start: the booking stage loads now, so that Book finds it here. */
  prepareBooking(): void {
    this.#stage.load().catch(() => undefined);
  }

  /** Moves the machine on with `event` and runs the effects of the move. */
  dispatch(event: FlowEvent): void {
    // A change of choice: a Book pressed offline is not sent, and the alert that promised it goes.
    if (this.#bookWhenOnline && event.type === 'edited') this.#bookWhenOnline = this.#online.offline = false;
    const { state, effects } = (this.#stage.stage?.transition ?? transitionChoosing)(this.state, event);
    this.state = state;
    this.#host.requestUpdate();
    for (const effect of effects) this.#run(effect);
  }

  get #signal(): AbortSignal {
    return AbortSignal.any([this.#flowAbort.signal, this.#disconnect.signal]);
  }

  /**
   * Runs `work` with the flow's requests and signal and dispatches what `done` makes of its
   * result, or what `failed` makes of its failure; nothing when it was aborted (reconfigured, or removed).
   */
  #call = <T>(
    work: (transport: Transport, signal: AbortSignal) => Promise<T>,
    done: (value: T) => FlowEvent,
    failed: (failure: Failure) => FlowEvent,
  ): void => {
    const transport = this.#transport;
    if (!transport) return;
    const signal = this.#signal;
    work(transport, signal).then(
      (value) => {
        if (!signal.aborted) this.dispatch(done(value));
      },
      (error: unknown) => {
        if (!signal.aborted && !isAbortError(error)) this.dispatch(failed(failureOf(error)));
      },
    );
  };

  #run(effect: Effect): void {
    switch (effect.type) {
      case 'load':
        void this.#first.task.run();
        return;
      case 'abort':
        this.#flowAbort.abort();
        this.#flowAbort = new AbortController();
        return;
      case 'create':
      case 'look-up':
      case 'poll':
      case 'read-booking':
      case 'cancel':
        // A create is kept before it leaves: a reload before its answer finds it by its externalId.
        if (effect.type === 'create') this.#resume.write({ externalId: effect.body.externalId });
        // Only the booking half asks for these: the stage is here.
        return this.#stage.stage?.runBookingEffect(effect, {
          call: this.#call,
          pollTimeout: this.#hooks.config().pollTimeout,
        });
      case 'load-stage':
        this.#stage.load().then(
          () => this.dispatch({ type: 'stage-ready' }),
          (error: unknown) => this.dispatch({ type: 'stage-failed', failure: failureOf(error) }),
        );
        return;
      case 'reload-availability':
        return this.#reloadAvailability();
      case 'persist':
        return this.#resume.write(effect.tracked);
      case 'forget':
        return this.#resume.clear();
      case 'book-waiting':
        if (this.#choice) this.dispatch(this.#bookEvent());
        return;
      case 'restore':
        // In its own task, after the start times are painted: storage can be slow to open.
        setTimeout(() => {
          const kept = this.#resume.read();
          // Following it is the booking stage's work: loaded first; it checks what was kept.
          if (kept === null) return;
          this.#call(
            async (transport, signal) => (await this.#stage.load()).keptBookingOf(kept, transport, signal),
            (tracked) => ({ type: 'resume', tracked }),
            // Not found for now: kept, for the next reload.
            () => ({ type: 'resume', tracked: undefined }),
          );
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
    if (this.#transport) this.availabilityWeeks.reload(readCalls(this.#transport), this.#hooks.config(), this.#signal);
  }

  /** An `ev-booking-error` here; the booking's own events (requested, confirmed…) by the stage, whose effects they are. */
  #emit(event: Emit): void {
    if (event.name === 'ev-booking-error')
      this.#host.dispatchEvent(createEvent('ev-booking-error', errorDetail(event.failure)));
    else this.#stage.stage?.dispatchFlowEvent(this.#host, event, this.#hooks.noReasonText);
  }
}
