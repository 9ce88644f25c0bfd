/**
 * `ev-booking-widget/react` in a React 19 app in headless Chromium (scripts/react-check.mjs):
 * props become element properties, and a booking calls onBookingRequested then
 * onBookingConfirmed. Skipped when no Chromium is installed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

interface ReactResult {
  ok: boolean;
  props: {
    locationId: number;
    durations: number[];
    evseIds: number[];
    email: string;
    options: string[];
    button: { locationId: number; durations: number[]; theme: string; text: string } | null;
  };
  calls: { name: string }[];
  errors: string[];
}
const load = async <T>(path: string): Promise<T> => (await import(new URL(path, import.meta.url).href)) as T;
const { chromiumPath } = await load<{ chromiumPath(): string | null }>('../../bench/harness.mjs');

describe('React wrapper', { skip: chromiumPath() ? false : 'no Chromium (set CHROME_PATH)' }, () => {
  it('sets props as properties and maps the events to onBooking… callbacks', { timeout: 30_000 }, async () => {
    const { runReactCheck } = await load<{ runReactCheck(): Promise<ReactResult> }>('../../scripts/react-check.mjs');
    const result = await runReactCheck();
    assert.deepEqual(result.errors, []);
    assert.equal(result.props.locationId, 7);
    assert.deepEqual(result.props.durations, [30, 60]);
    assert.deepEqual(result.props.options, ['30', '60'], 'the Duration control offers the durations prop');
    assert.deepEqual(result.props.evseIds, [11]);
    assert.deepEqual(
      result.props.button,
      { locationId: 8, durations: [45], theme: 'dark', text: 'Book a bay' },
      'EvBookingButton passes its props and children to <ev-booking-button>',
    );
    assert.deepEqual(
      result.calls.map((c) => c.name),
      ['requested', 'confirmed'],
    );
    assert.ok(result.ok);
  });
});
