/**
 * The first load (SPEC §4 steps 1–4) for the flow runner: a `@lit/task` whose `args` are the
 * inputs that define what is loaded, so that it runs again when one of them changes. It makes the
 * flow's requests (its transport), shows the start times once the location and the availability's
 * first request have answered, then fills the ports in and follows the later weeks. Each outcome
 * goes to the flow's machine as an event.
 */
import type { ReactiveElement } from 'lit';
import { Task, initialState } from '@lit/task';
import { isAbortError } from '../api/errors.js';
import { readCalls } from '../api/reads.js';
import { createTransport, type Transport } from '../api/transport.js';
import type { Evse } from '../api/schemas.js';
import { failureOf } from '../booking/failure.js';
import { startLoad, type LoadedData, type WeekLoad } from '../booking/load.js';
import type { FlowEvent } from '../booking/states.js';
import type { FlowAvailability } from './flow-availability.js';
import type { FlowHooks } from './flow-hooks.js';

/** What the first load needs of the flow runner. */
export interface FirstLoadFlow {
  dispatch(event: FlowEvent): void;
  /** The availability's weeks: the first load begins them, the later weeks follow. */
  readonly availabilityWeeks: FlowAvailability;
  /** Aborted when the element leaves the document. */
  readonly disconnected: AbortSignal;
}

export class FirstLoad {
  /** What has answered: the start times first, then the ports. */
  data: LoadedData | undefined;
  /** The flow's requests, made for each load (none for an unusable `location-id`). */
  transport: Transport | undefined;
  readonly task: Task<
    readonly [number | undefined, string, typeof fetch | undefined, string | undefined, number, string],
    LoadedData
  >;
  /** Steps 2–3 and the later weeks, followed once the start times are shown. */
  #pending: { ports: Promise<Evse[]>; weeks: WeekLoad[]; signal: AbortSignal } | undefined;
  readonly #hooks: FlowHooks;
  readonly #flow: FirstLoadFlow;

  constructor(host: ReactiveElement, hooks: FlowHooks, flow: FirstLoadFlow) {
    this.#hooks = hooks;
    this.#flow = flow;
    this.task = new Task(host, {
      args: () => {
        const { valid, locationId, apiBase, fetch, authToken, days, evseIds } = hooks.config();
        return [valid ? locationId : undefined, apiBase, fetch, authToken, days, evseIds.join(',')] as const;
      },
      task: ([locationId], { signal }) => this.#start(locationId, signal),
      onComplete: (data) => this.#timesShown(data),
      onError: (error) => {
        if (!isAbortError(error)) flow.dispatch({ type: 'load-failed', failure: failureOf(error) });
      },
    });
  }

  #start(locationId: number | undefined, signal: AbortSignal): Promise<LoadedData> | typeof initialState {
    const config = this.#hooks.config();
    const { valid } = config;
    this.#flow.dispatch(
      valid
        ? { type: 'configured', valid }
        : { type: 'configured', valid, message: `location-id ${locationId === undefined ? 'missing' : 'invalid'}` },
    );
    this.data = undefined;
    if (locationId === undefined) {
      this.transport = undefined;
      return initialState;
    }
    const transport = createTransport({
      apiBase: config.apiBase,
      fetch: config.fetch,
      authToken: config.authToken,
      signal: AbortSignal.any([signal, this.#flow.disconnected]),
      readLimitMs: config.loadTimeout,
    });
    this.transport = transport;
    // The first load's reads share one time limit (`since`): the load as a whole gives up in time.
    const { times, weeks, ports } = startLoad(readCalls(transport), config, { signal, since: Date.now() });
    // A page of more than 7 days: the code following the later weeks loads beside their requests.
    this.#flow.availabilityWeeks.prepare(config.days);
    this.#pending = { ports, weeks, signal };
    return times;
  }

  #timesShown(data: LoadedData): void {
    const pending = this.#pending;
    if (pending) this.#flow.availabilityWeeks.begin(data.availability, pending.weeks, pending.signal);
    this.data = data;
    this.#hooks.loaded(data);
    this.#flow.dispatch({ type: 'times-ready' });
    this.#followPorts();
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
        this.#flow.dispatch({ type: 'ports-ready' });
      },
      (error: unknown) => {
        if (!signal.aborted && !isAbortError(error))
          this.#flow.dispatch({ type: 'load-failed', failure: failureOf(error) });
      },
    );
  }
}
