/**
 * Languages on demand (SPEC §10, issue 12 §4): English is in the entry; every other language is a
 * module of its own (a chunk beside the script-tag bundle once built), fetched only by a page in
 * that language, beside the first API requests and never before them, and each widget keeps its
 * own language. Here the modules are served by the test server (`/src/i18n/de.ts`) and seen by
 * msw's worker; the built chunks under a strict CSP are checked by test/node/csp.test.ts.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse, passthrough } from 'msw';
import '../../src/index.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { createAmpecoFixture } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw, worker, type RequestLog } from '../support/msw.js';
import { mountWidget, radios } from '../support/widget-driver.js';

useMsw();

/** A language module besides English's, named by its language (2–3 letters): `/src/i18n/de.ts` → `de`. */
const CATALOGUE = /\/src\/i18n\/(?!en\.)([a-z]{2,3})\.ts/;
const cataloguesRequested = (log: RequestLog): string[] =>
  log.requests.map((request) => CATALOGUE.exec(request.url)?.[1]).filter((lang) => lang !== undefined);

const portListText = (el: EvBookingWidget): string =>
  el.shadowRoot!.querySelector('ev-port-list')?.shadowRoot?.textContent ?? '';

let log: RequestLog | undefined;
afterEach(() => log?.stop());

describe('languages on demand', () => {
  // Each test uses languages no earlier test of this page loaded: a module is fetched once per page.

  it('an English page requests no language module', async () => {
    log = recordRequests();
    const el = await mountWidget('location-id="7" locale="en-GB"');
    expect(portListText(el)).to.contain('Charging port');
    expect(cataloguesRequested(log)).to.deep.equal([]);
  });

  it('a German page requests the German module only, and shows German', async () => {
    log = recordRequests();
    const el = await mountWidget('location-id="7" locale="de-AT"');
    expect(portListText(el)).to.contain('Ladepunkt');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('de-AT');
    expect(cataloguesRequested(log)).to.deep.equal(['de']);
  });

  it('a page in a language without a catalogue shows English texts marked lang="en", with no module requested', async () => {
    log = recordRequests();
    const el = await mountWidget('location-id="7" locale="pt-BR"');
    expect(portListText(el)).to.contain('Charging port');
    expect(el.shadowRoot!.querySelector('[part=base]')!.getAttribute('lang')).to.equal('en');
    expect(cataloguesRequested(log)).to.deep.equal([]);
  });

  it('a widget in French and one in Spanish on the same page each show their own language', async () => {
    worker.use(...createAmpecoFixture());
    const container = await fixture<HTMLDivElement>(html`<div lang="es"></div>`);
    container.innerHTML = `<ev-booking-widget location-id="7" locale="fr"></ev-booking-widget>
      <ev-booking-widget location-id="7"></ev-booking-widget>`;
    const [french, spanish] = [...container.querySelectorAll('ev-booking-widget')] as EvBookingWidget[];
    await waitUntil(() => radios(french!).length > 0 && radios(spanish!).length > 0, 'ports never rendered');
    expect(portListText(french!)).to.contain('Point de charge');
    expect(portListText(spanish!)).to.contain('Punto de carga');
    expect(portListText(spanish!)).not.to.contain('Point de charge');
  });

  it('a language whose module cannot be loaded is shown in English, marked lang="en"', async () => {
    const el = await mountWidget(
      'location-id="7" locale="ar"',
      {},
      {
        before: [http.get(/\/src\/i18n\/ar\.ts/, () => HttpResponse.error())],
      },
    );
    expect(portListText(el)).to.contain('Charging port');
    const base = el.shadowRoot!.querySelector('[part=base]')!;
    expect(base.getAttribute('lang')).to.equal('en');
    // The layout still follows the locale.
    expect(base.getAttribute('dir')).to.equal('rtl');
  });

  it('sends the first API requests while the language module is still on its way', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    log = recordRequests();
    const el = await mountWidget(
      'location-id="7" locale="bg"',
      {},
      {
        ready: false,
        before: [
          http.get(/\/src\/i18n\/bg\.ts/, async () => {
            await held;
            return passthrough();
          }),
        ],
      },
    );
    try {
      await waitUntil(() => cataloguesRequested(log!).includes('bg'), 'the Bulgarian module was never requested');
      const api = (path: string): boolean => log!.requests.some((request) => request.url.includes(path));
      await waitUntil(
        () => api('/locations/v2.0/7') && api('/charge-points') && api('/check-booking-availability'),
        'the first API requests waited for the language module',
      );
      // Meanwhile the widget shows its loading state, not English ports that then turn Bulgarian.
      expect(radios(el)).to.have.length(0);
      const ports = el.shadowRoot!.querySelector('ev-port-list')!.shadowRoot!.querySelector('fieldset')!;
      expect(ports.getAttribute('aria-busy')).to.equal('true');
    } finally {
      release();
    }
    await waitUntil(() => radios(el).length > 0, 'ports never rendered');
    expect(portListText(el)).to.contain('Зарядна точка');
  });
});
