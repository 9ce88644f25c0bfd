/**
 * The view model (src/booking/view.ts, with booking-view.ts): what each state shows, and which messages stand where.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BookingRequest } from '../../src/api/schemas.js';
import { viewOf } from '../../src/booking/booking-view.js';
import { viewWith } from '../../src/booking/view.js';
import { choosing, type Confirmed, type State } from '../../src/booking/states.js';

const request: BookingRequest = { id: 555, status: 'approved', bookingId: 900 };
const confirmed: Confirmed = {
  request,
  booking: {
    id: 900,
    locationId: 7,
    startAt: '2026-03-01T10:00:00Z',
    endAt: '2026-03-01T11:00:00Z',
    status: 'accepted',
  },
  capability: 'cap-555',
};
const network = { code: 'network', message: 'POST failed' } as const;

describe('viewOf', () => {
  it('a config error or a failed load is an alert; only the failed load offers to retry', () => {
    assert.deepEqual(viewOf({ kind: 'config-error' }).fatal, { code: 'config', retryable: false, key: 'errorConfig' });
    assert.deepEqual(viewOf({ kind: 'load-failed', failure: network }).fatal, {
      code: 'network',
      retryable: true,
      key: 'errorNetwork',
    });
    assert.equal(viewOf({ kind: 'loading' }).fatal, null);
    assert.equal(viewOf({ kind: 'loading' }).loading, true);
  });

  it('the ports load after the start times: the form is shown, a waiting Book keeps the controls busy', () => {
    const timesOnly = viewOf({ ...choosing(), portsReady: false });
    assert.deepEqual([timesOnly.loading, timesOnly.portsLoading, timesOnly.busy], [false, true, false]);
    const waiting = viewOf({ ...choosing(), portsReady: false, bookWaiting: true });
    assert.deepEqual([waiting.portsLoading, waiting.busy, waiting.status], [true, true, 'idle']);
    const ready = viewOf(choosing());
    assert.deepEqual([ready.portsLoading, ready.busy], [false, false]);
  });

  it('messages stand next to their controls: the server text, or "choose" when something is missing', () => {
    const view = viewOf({ ...choosing(), fieldErrors: { email: 'Bad email', slot: 'Too late' }, missing: 'port' });
    assert.deepEqual(view.fieldErrors, {
      email: { text: 'Bad email' },
      port: { key: 'pickPort' },
      slot: { text: 'Too late' },
    });
    assert.deepEqual(viewOf({ ...choosing(), missing: 'slot' }).fieldErrors.slot, { key: 'pickTime' });
    assert.deepEqual(viewOf({ ...choosing(), missing: 'filters' }).fieldErrors.port, { key: 'changeFilters' });
    assert.equal(viewOf({ ...choosing(), noAccount: true }).noAccount, true);
  });

  it('the status of each step, and busy while a booking is on its way', () => {
    const body = {
      type: 'create' as const,
      email: 'driver@example.com',
      locationId: 7,
      startAt: '2026-03-01T10:00:00Z',
      endAt: '2026-03-01T11:00:00Z',
      externalId: 'a',
    };
    const tracked = { request: { ...request, status: 'pending' as const }, capability: 'cap-555' };
    const cases: [State, string, boolean][] = [
      [choosing(), 'idle', false],
      [{ kind: 'sending', body, resend: false }, 'sending', true],
      [{ kind: 'checking', lost: body, next: body, lookupsLeft: 1, mayResend: true, cause: network }, 'sending', true],
      [{ kind: 'pending', tracked, resumed: false }, 'pending', true],
      [{ kind: 'reading-booking', tracked }, 'pending', true],
      [{ kind: 'timed-out', tracked }, 'timeout', false],
      [{ kind: 'uncertain', lost: body, next: body, failure: network }, 'error', false],
      [{ kind: 'confirmed', confirmed, cancelFailure: null }, 'confirmed', false],
    ];
    for (const [state, status, busy] of cases) {
      assert.deepEqual([state.kind, viewOf(state).status, viewOf(state).busy], [state.kind, status, busy]);
    }
  });

  it('a service that answered 500 or 503 had a problem; one that did not answer cannot be reached (audit finding 11)', () => {
    for (const status of [500, 502, 503]) {
      const failure = { code: 'network', message: `GET failed: ${status}`, status } as const;
      assert.equal(viewOf({ kind: 'load-failed', failure }).fatal?.key, 'errorService', `${status}`);
      const failed = viewOf({ kind: 'failed', failure, message: null, retry: { kind: 'none' } });
      assert.deepEqual(failed.statusMessage, { key: 'errorService' }, `${status}`);
    }
    assert.equal(viewOf({ kind: 'load-failed', failure: network }).fatal?.key, 'errorNetwork');
  });

  it('a failure says what happened; a 422 about what the driver cannot change says it in the server words', () => {
    const failed = viewOf({ kind: 'failed', failure: network, message: null, retry: { kind: 'none' } });
    assert.deepEqual([failed.statusMessage, failed.retryable], [{ key: 'errorNetwork' }, true]);
    const refused = viewOf({
      kind: 'failed',
      failure: { code: 'validation', message: 'Invalid' },
      message: 'Closed today',
      retry: { kind: 'none' },
    });
    assert.deepEqual(refused.statusMessage, { text: 'Closed today' });
    assert.deepEqual(viewOf({ kind: 'rejected', request, reason: 'Overlap' }).statusMessage, { text: 'Overlap' });
    assert.equal(viewOf({ kind: 'rejected', request, reason: null }).statusMessage, null);
  });

  it('the cancel stages of a confirmed booking, and the choice hidden once it is done', () => {
    const offered = viewOf({ kind: 'confirmed', confirmed, cancelFailure: null });
    assert.deepEqual([offered.cancel, offered.done, offered.confirmed], ['offered', true, confirmed]);
    assert.equal(viewOf({ kind: 'cancel-confirming', confirmed }).cancel, 'confirming');
    assert.equal(viewOf({ kind: 'cancelling', confirmed, cancel: null, step: 'sending' }).cancel, 'cancelling');
    const cancelled = viewOf({ kind: 'cancelled', booking: { ...confirmed.booking!, status: 'cancelled' } });
    assert.deepEqual([cancelled.cancel, cancelled.done], ['cancelled', true]);
    const noId = viewOf({
      kind: 'confirmed',
      confirmed: { ...confirmed, booking: null, request: { ...request, bookingId: null } },
      cancelFailure: null,
    });
    assert.equal(noId.cancel, 'unavailable');
    const refused = viewOf({ kind: 'confirmed', confirmed, cancelFailure: { code: 'forbidden', message: 'HTTP 403' } });
    assert.deepEqual(refused.cancelError, { key: 'errorForbidden' });
  });

  it("before the booking stage is here: the first half's states, and the stage's own failure", () => {
    assert.deepEqual(viewWith(choosing()), viewOf(choosing()));
    assert.deepEqual(viewWith({ kind: 'loading' }), viewOf({ kind: 'loading' }));
    const waiting = viewWith({ ...choosing(), bookWaiting: true });
    assert.deepEqual([waiting.busy, waiting.status], [true, 'idle']);
    const stageFailed = viewWith({ kind: 'failed', failure: network, message: null, retry: { kind: 'none' } });
    assert.deepEqual(
      [stageFailed.status, stageFailed.statusMessage, stageFailed.retryable, stageFailed.done],
      ['error', { key: 'errorNetwork' }, true, false],
    );
  });
});
