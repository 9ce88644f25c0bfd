/**
 * What comes before the first answer (issue 15 §1): the first requests leave before the widget's
 * first render, and the loading render shows nothing zoned or dated (no location zone is known
 * yet): no day tabs, no zone sentence.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/index.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { afterEach, describe, it, useMsw } from '../support/msw.js';
import { createAmpecoFixture } from '../support/ampeco-fixture.js';
import { recordRequests, worker } from '../support/msw.js';
import { inPart, slots } from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

/** The header a page's own fetch adds in the early-properties test, telling its requests apart. */
const PAGE_FETCH_MARK = 'x-page-fetch';

describe('before the first answer', () => {
  it('sends the first requests before the first render', async () => {
    worker.use(...createAmpecoFixture());
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget') as EvBookingWidget;
    const renderedAtRequest: boolean[] = [];
    el.fetch = (input, init) => {
      renderedAtRequest.push(el.hasUpdated || (el.shadowRoot?.childElementCount ?? 0) > 0);
      return window.fetch(input, init);
    };
    el.setAttribute('location-id', '7');
    el.setAttribute('locale', 'en-GB');
    container.append(el);
    await waitUntil(() => slots(el).length > 0, 'no start times', { timeout: 5000 });
    expect(renderedAtRequest.length, 'the first wave').to.be.greaterThan(2);
    expect(renderedAtRequest.slice(0, 3), 'nothing rendered when the first wave left').to.deep.equal([
      false,
      false,
      false,
    ]);
  });

  it('sends the first requests before its shadow root and styles are made', async () => {
    worker.use(...createAmpecoFixture());
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget') as EvBookingWidget;
    const asked: { url: string; shadow: boolean }[] = [];
    el.fetch = (input, init) => {
      asked.push({ url: String(input), shadow: el.shadowRoot !== null });
      return window.fetch(input, init);
    };
    el.setAttribute('location-id', '7');
    el.setAttribute('locale', 'en-GB');
    container.append(el);
    expect(
      asked.slice(0, 3).map((request) => request.shadow),
      'the first wave left before the shadow root',
    ).to.deep.equal([false, false, false]);
    await waitUntil(() => slots(el).length > 0, 'no start times', { timeout: 5000 });
    // Moved in the document: its location is asked again, once.
    el.remove();
    container.append(el);
    await waitUntil(() => slots(el).length > 0, 'no start times after the move', { timeout: 5000 });
    expect(asked.filter((request) => /\/locations\/v2\.0\/7$/.test(request.url))).to.have.length(2);
  });

  it('uses the fetch and authToken a page set before the definition loaded, from the first request on', async () => {
    worker.use(...createAmpecoFixture());
    const log = recordRequests('/api/ampeco');
    // As on a page whose inline script sets properties before the deferred module script defines
    // the element: made in a document without custom elements, it is upgraded once it joins this one.
    const elsewhere = document.implementation.createHTMLDocument();
    elsewhere.body.innerHTML = '<ev-booking-widget location-id="8" locale="en-GB"></ev-booking-widget>';
    const early = elsewhere.body.firstElementChild as EvBookingWidget;
    const fetched: string[] = [];
    early.authToken = 'portal.jwt';
    // Each request through the page's fetch carries a mark, so that it is told from an earlier
    // test's widget's request to the same URL (the fixture gives every location charge points 101
    // and 102, so location 7's EVSE lists are location 8's) still on its way when this one starts.
    early.fetch = (input, init) => {
      fetched.push(String(input));
      const headers = new Headers(init?.headers);
      headers.set(PAGE_FETCH_MARK, 'yes');
      return window.fetch(input, { ...init, headers });
    };
    const errors: string[] = [];
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    container.addEventListener('ev-booking-error', (event) => errors.push(event.detail.code));
    container.append(early);
    const el = container.querySelector<EvBookingWidget>('ev-booking-widget')!;
    await waitUntil(() => slots(el).length > 0, 'no start times', { timeout: 5000 });
    const logged = await log.settled();
    log.stop();
    // The earlier tests' widgets (location 7) may still be finishing theirs: this widget's requests
    // are the ones its fetch marked, and location 8's (by their URL) must all be among them.
    const ours = logged.filter((request) => request.headers[PAGE_FETCH_MARK] === 'yes');
    const location8 = logged.filter((request) => /locations\/v2\.0\/8|locationId\]=8/.test(request.url));
    expect(location8.length, 'the location, its availability and its charge points').to.be.at.least(3);
    expect(
      location8.filter((request) => !ours.includes(request)),
      "requests past the page's fetch",
    ).to.deep.equal([]);
    expect(ours.map((request) => request.headers['authorization'])).to.deep.equal(ours.map(() => 'Bearer portal.jwt'));
    expect(errors).to.deep.equal([]);
  });

  it('while loading, the times show no day tabs and no zone (none is known yet)', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    worker.use(...createAmpecoFixture());
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget') as EvBookingWidget;
    el.fetch = async (input, init) => {
      await released;
      return window.fetch(input, init);
    };
    el.setAttribute('location-id', '7');
    el.setAttribute('locale', 'en-GB');
    container.append(el);
    await el.updateComplete;
    const grid = el.shadowRoot!.querySelector('ev-slot-grid')!;
    await grid.updateComplete;
    expect(grid.hasAttribute('loading')).to.be.true;
    expect(inPart(el, 'ev-slot-grid', '[role=tab]'), 'no day tabs').to.have.length(0);
    expect(inPart(el, 'ev-slot-grid', '.zone')[0]!.textContent!.trim(), 'no zone sentence').to.equal('');
    release();
    await waitUntil(() => slots(el).length > 0, 'no start times', { timeout: 5000 });
    expect(inPart(el, 'ev-slot-grid', '.zone')[0]!.textContent, 'the location’s zone once known').to.include('Sofia');
  });
});
