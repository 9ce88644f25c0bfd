/**
 * Drives a whole `<ev-booking-widget>` in a test as a person would: through its parts' controls.
 */
import { fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { HttpHandler } from 'msw';
import '../../src/index.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, createAmpecoFixture, failingLookups, type FixtureOptions } from './ampeco-fixture.js';
import { worker, type RecordedRequest } from './msw.js';

/** The part of `el` inside the shadow root of its subcomponent `tag`. */
export function inPart<T extends Element>(el: EvBookingWidget, tag: string, selector: string): T[] {
  const part = el.shadowRoot!.querySelector(tag);
  return [...(part?.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/** The port radio whose label contains `label`. */
export function port(el: EvBookingWidget, label: string): HTMLInputElement {
  const radio = radios(el).find((input) => input.closest('label')?.textContent?.includes(label));
  if (!radio) throw new Error(`no port ${label}`);
  return radio;
}

export const radios = (el: EvBookingWidget): HTMLInputElement[] => inPart(el, 'ev-port-list', 'input[name=port]');
export const slots = (el: EvBookingWidget): HTMLButtonElement[] => inPart(el, 'ev-slot-grid', 'button[data-start]');
export const emailInput = (el: EvBookingWidget): HTMLInputElement =>
  inPart<HTMLInputElement>(el, 'ev-email-form', 'input')[0]!;
export const bookButton = (el: EvBookingWidget): HTMLButtonElement =>
  inPart<HTMLButtonElement>(el, 'ev-email-form', 'button').find((b) => b.textContent?.includes('Book'))!;
export const statusText = (el: EvBookingWidget): string =>
  el.shadowRoot!.querySelector('ev-status-tracker')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';

export interface MountOptions {
  /** Wait until the ports render (the default); false returns the widget at once. */
  ready?: boolean;
  /** Handlers that answer before the fixture's. */
  before?: HttpHandler[];
}

/** Mounts `<ev-booking-widget ${attrs}>` on the fixture API (`options`). */
export async function mountWidget(
  attrs: string,
  options: FixtureOptions = {},
  { ready = true, before = [] }: MountOptions = {},
): Promise<EvBookingWidget> {
  worker.use(...createAmpecoFixture(options));
  if (before.length) worker.use(...before); // a later `use` goes first
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  container.innerHTML = `<ev-booking-widget ${attrs}></ev-booking-widget>`;
  const el = container.querySelector('ev-booking-widget')!;
  if (ready) await waitUntil(() => radios(el).length > 0, 'ports never rendered', { timeout: 5000 });
  return el;
}

/** Mounts location 7 in en-GB, with more `attrs`, on the fixture API (`options`). */
export function mount(
  options: FixtureOptions = {},
  attrs = '',
  mountOptions: MountOptions = {},
): Promise<EvBookingWidget> {
  return mountWidget(`location-id="7" locale="en-GB" ${attrs}`, options, mountOptions);
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
  await el.updateComplete; // the email form's code comes once the start times are shown, or a start is picked
  const input = emailInput(el);
  input.value = email;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Fills in a booking as a driver would, ready for Book: the first start on `label`'s port, then `email`. */
export async function fillBooking(el: EvBookingWidget, email: string, label = 'Port A'): Promise<void> {
  await chooseFirstSlot(el, label);
  await typeEmail(el, email);
}

/**
 * Presses Book while every look-up by `externalId` fails (with a create whose answer is lost, its
 * fate stays unknown), waits for the error the driver sees, then lets the look-ups answer again.
 */
export async function bookWhileLookupsFail(el: EvBookingWidget): Promise<void> {
  const lookups = failingLookups();
  worker.use(lookups.handler);
  const error = oneEvent(el, 'ev-booking-error');
  bookButton(el).click();
  await error;
  lookups.recover();
  await el.updateComplete;
}

/** Types `email` and submits the form with its submit button. */
export async function submitEmail(el: EvBookingWidget, email: string): Promise<void> {
  await typeEmail(el, email);
  inPart<HTMLButtonElement>(el, 'ev-email-form', 'button[type=submit]')[0]!.click();
}

export const path = (r: RecordedRequest): string => {
  const url = new URL(r.url);
  return decodeURIComponent(url.pathname.slice(API.length) + url.search);
};

/** An instant as the API writes it: ISO 8601 UTC without milliseconds. */
export const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/**
 * Takes the browser offline as the widget sees it (`navigator.onLine` false, then the `offline`
 * event); the function returned brings it back (`navigator.onLine` true, then the `online` event).
 */
export function goOffline(): () => void {
  const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
  Object.defineProperty(Navigator.prototype, 'onLine', { configurable: true, get: () => false });
  window.dispatchEvent(new Event('offline'));
  return () => {
    Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    window.dispatchEvent(new Event('online'));
  };
}

/** The widget's alert that says the browser is offline, if shown. */
export const offlineAlert = (el: EvBookingWidget): Element | undefined =>
  [...el.shadowRoot!.querySelectorAll('[role=alert]')].find((a) => a.textContent?.includes("You're offline"));
