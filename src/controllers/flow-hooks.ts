/** What the flow runner (`flow-runner.ts`) reads from its element, and what it tells it. */
import type { LoadedData, LoadInput } from '../booking/load.js';

/** What the flow reads from its element. */
export interface FlowConfig extends LoadInput {
  /** Whether `locationId` is usable (a positive safe integer). */
  valid: boolean;
  apiBase: string;
  fetch: typeof fetch | undefined;
  authToken: string | undefined;
  pollTimeout: number;
  /** How long a read may take with its retries (the first load's, together), in ms. */
  loadTimeout: number;
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
