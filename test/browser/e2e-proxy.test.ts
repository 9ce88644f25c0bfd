/**
 * End to end: the widget → the real reference proxy (another origin, so through CORS) → the Ampeco
 * simulator. No mocks: a booking is requested, approved by the simulator and confirmed.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { describe, it } from '../support/mocha.js';

const part = (el: EvBookingWidget, tag: string): ShadowRoot => el.shadowRoot!.querySelector(tag)!.shadowRoot!;

describe('widget → proxy → simulator', () => {
  it('books a slot as driver@example.com and sees it confirmed', async function () {
    this.timeout(30000);
    const { apiBase } = (await (await fetch('/__e2e/api-base')).json()) as { apiBase: string };
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.innerHTML = `<ev-booking-widget location-id="7" locale="en-GB" api-base="${apiBase}"></ev-booking-widget>`;
    const el = container.querySelector('ev-booking-widget')!;

    await waitUntil(() => el.shadowRoot!.querySelector('h2')?.textContent === 'Sofia Tech Park Garage', 'location', {
      timeout: 8000,
    });
    const radio = () =>
      [...part(el, 'ev-port-list').querySelectorAll<HTMLInputElement>('input[name=port]')].find((r) =>
        r.closest('label')?.textContent?.includes('Port D'),
      );
    await waitUntil(() => radio(), 'ports');
    const portD = Number(radio()!.value);
    radio()!.click();
    const slots = (): HTMLButtonElement[] => [
      ...part(el, 'ev-slot-grid').querySelectorAll<HTMLButtonElement>('button[data-start]'),
    ];
    await waitUntil(() => slots().length > 0, 'slots', { timeout: 8000 });
    const chosen = slots()[0]!;
    chosen.click();
    await el.updateComplete; // the email form's code comes once the start times are shown, or a start is picked
    const input = part(el, 'ev-email-form').querySelector('input')!;
    input.value = 'driver@example.com';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await el.updateComplete;

    const requested = oneEvent(el, 'ev-booking-requested');
    const confirmed = oneEvent(el, 'ev-booking-confirmed');
    [...part(el, 'ev-email-form').querySelectorAll('button')].find((b) => b.textContent?.includes('Book'))!.click();
    expect((await requested).detail.bookingRequest.status).to.equal('pending');
    const { detail } = await confirmed;
    expect(detail.bookingRequest.status).to.equal('approved');
    expect(detail.booking).to.include({ id: detail.bookingRequest.bookingId, locationId: 7, status: 'accepted' });
    expect(Date.parse(detail.booking!.startAt)).to.equal(Date.parse(chosen.dataset.start!));
    expect(detail.booking!.bookedEvses).to.deep.equal([{ id: portD }]);
    await waitUntil(() => part(el, 'ev-status-tracker').textContent?.includes('Booking confirmed'));
    expect(part(el, 'ev-status-tracker').textContent).to.include('Port D');
  });
});
