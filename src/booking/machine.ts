/**
 * The booking flow's first half as a pure state machine: the load, the driver choosing, and a
 * Book that waits for what it needs (the ports' details; the booking stage). No DOM, no timers, no
 * fetch: tested as a table in `test/node/machine.test.ts`.
 *
 * The other half, from the create to the confirmation and the cancel, is `booking-machine.ts`,
 * part of the booking stage chunk (`booking-stage.ts`) that the flow runner loads once the driver picks a
 * start time: its `transition` handles every event, passing the ones of this half here. Before
 * the stage is here, the runner moves the flow with `transitionChoosing` alone: a Book then waits
 * (`bookWaiting`, the controls show it) and asks for the stage (`load-stage`); `stage-ready` sends
 * it (`book-waiting`), and from then on the whole machine decides, with its `externalId`.
 */
import type { Failure, FieldName } from './failure.js';
import { choosing, type Choosing, type Effect, type FlowEvent, type State, type Transition } from './states.js';

export const stay = (state: State): Transition => ({ state, effects: [] });
export const to = (state: State, ...effects: Effect[]): Transition => ({ state, effects });
export const reportError = (failure: Failure): Effect => ({
  type: 'emit',
  event: { name: 'ev-booking-error', failure },
});
export const focusStatus: Effect = { type: 'focus', target: 'status' };

/** Whether a booking (or its cancel) is on its way: the controls wait. */
export function isBusy(state: State): boolean {
  if (state.kind === 'choosing') return state.bookWaiting;
  return ['sending', 'checking', 'pending', 'reading-booking', 'cancelling'].includes(state.kind);
}

/** A changed choice while choosing: its message goes (a port's also the start's, which it may change). */
function editedWhileChoosing(state: Choosing, field: 'port' | 'slot' | 'email' | 'duration'): Transition {
  const cleared: Record<typeof field, (FieldName | 'filters')[]> = {
    port: ['port', 'filters', 'slot'],
    slot: ['slot'],
    duration: ['slot'],
    email: ['email'],
  };
  const fieldErrors = { ...state.fieldErrors };
  for (const name of cleared[field]) if (name !== 'filters') delete fieldErrors[name];
  const missing = state.missing && cleared[field].includes(state.missing) ? null : state.missing;
  return stay({ ...state, fieldErrors, missing, noAccount: field === 'email' ? false : state.noAccount });
}

/** Book before the booking stage is here: it waits for the ports' details, then for the stage. */
function bookBeforeStage(state: State): Transition {
  // The stage did not load: a new Book asks for it again.
  if (state.kind === 'failed') return to({ ...choosing(), bookWaiting: true }, { type: 'load-stage' });
  if (state.kind !== 'choosing' || state.bookWaiting) return stay(state);
  if (!state.portsReady) return stay({ ...state, bookWaiting: true });
  return to({ ...state, bookWaiting: true }, { type: 'load-stage' });
}

/** The load and the choosing: every event of this half; any other leaves the state as it is. */
export function transitionChoosing(state: State, event: FlowEvent): Transition {
  switch (event.type) {
    case 'configured':
      return event.valid
        ? to({ kind: 'loading' }, { type: 'abort' })
        : to({ kind: 'config-error' }, { type: 'abort' }, reportError({ code: 'config', message: event.message }));
    case 'times-ready':
      return state.kind === 'loading' ? to({ ...choosing(), portsReady: false }, { type: 'restore' }) : stay(state);
    case 'ports-ready':
      if (state.kind !== 'choosing' || state.portsReady) return stay(state);
      return state.bookWaiting
        ? to({ ...state, portsReady: true, bookWaiting: false }, { type: 'book-waiting' })
        : stay({ ...state, portsReady: true });
    case 'load-failed':
      // Steps 2–3 failing after the start times are shown is a load failure too.
      return state.kind === 'loading' || (state.kind === 'choosing' && !state.portsReady)
        ? to({ kind: 'load-failed', failure: event.failure }, reportError(event.failure))
        : stay(state);
    case 'book':
      return bookBeforeStage(state);
    case 'stage-ready':
      // A Book waited for the stage: sent now (after the ports' details, if it waits for them too).
      return state.kind === 'choosing' && state.bookWaiting && state.portsReady
        ? to({ ...state, bookWaiting: false }, { type: 'book-waiting' })
        : stay(state);
    case 'stage-failed':
      return state.kind === 'choosing' && state.bookWaiting
        ? to(
            { kind: 'failed', failure: event.failure, message: null, retry: { kind: 'none' } },
            reportError(event.failure),
            focusStatus,
          )
        : stay(state);
    case 'retry':
      if (state.kind === 'load-failed') return to({ kind: 'loading' }, { type: 'load' });
      // Nothing to try again: the start times are read again.
      if (state.kind === 'failed' && state.retry.kind === 'none')
        return to(choosing(), { type: 'reload-availability' });
      return stay(state);
    case 'edited':
      return state.kind === 'choosing' ? editedWhileChoosing(state, event.field) : stay(state);
    default:
      return stay(state);
  }
}
