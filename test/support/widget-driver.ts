/**
 * Drives a whole `<ev-booking-widget>` in a test as a person would: through its parts' controls.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, createAmpecoFixture, type FixtureOptions } from './ampeco-fixture.js';
import { worker, type RecordedRequest } from './msw.js';

/** The part of `el` inside the shadow root of its subcomponent `tag`. */
export function inPart<T extends Element>(el: EvBookingWidget, tag: string, selector: string): T[] {
  const part = el.shadowRoot!.querySelector(tag);
  return [...(part?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The port radio whose label contains `label`. */
export function port(el: EvBookingWidget, label: string): HTMLInputElement {
  const radio = inPart<HTMLInputElement>(el, 'ev-port-list', 'input[type=radio]').find((input) =>
    input.closest('label')?.textContent?.includes(label),
  );
  if (!radio) throw new Error(`no port ${label}`);
  return radio;
}

export const slots = (el: EvBookingWidget): HTMLButtonElement[] => inPart(el, 'ev-slot-grid', 'button[data-start]');
export const emailInput = (el: EvBookingWidget): HTMLInputElement => inPart<HTMLInputElement>(el, 'ev-email-form', 'input')[0]!;
export const bookButton = (el: EvBookingWidget): HTMLButtonElement =>
  inPart<HTMLButtonElement>(el, 'ev-email-form', 'button').find((b) => b.textContent?.includes('Book'))!;
export const statusText = (el: EvBookingWidget): string =>
  el.shadowRoot!.querySelector('ev-status-tracker')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

export async function mount(options: FixtureOptions = {}, attrs = ''): Promise<EvBookingWidget> {
  worker.use(...createAmpecoFixture(options));
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<ev-booking-widget location-id="7" locale="en-GB" ${attrs}></ev-booking-widget>`;
  const el = container.querySelector('ev-booking-widget')!;
  await waitUntil(() => inPart(el, 'ev-port-list', 'input[type=radio]').length > 0, 'ports never rendered', { timeout: 5000 });
  return el;
}

export async function chooseFirstSlot(el: EvBookingWidget, label = 'Port A'): Promise<HTMLButtonElement> {
  port(el, label).click();
  await waitUntil(() => slots(el).length > 0, 'no slots offered');
  const first = slots(el)[0]!;
  first.click();
  await el.updateComplete;
  return first;
}

export async function typeEmail(el: EvBookingWidget, email: string): Promise<void> {
  const input = emailInput(el);
  input.value = email;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export const path = (r: RecordedRequest): string => {
  const url = new URL(r.url);
  return decodeURIComponent(url.pathname.slice(API.length) + url.search);
};

/** An instant as the API writes it: ISO 8601 UTC without milliseconds. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
