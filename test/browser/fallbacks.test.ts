/**
 * The widget's fallbacks: a proxy that takes a read and never answers is given up in time (SPEC
 * §8: "network failure / 5xx on GET: retries with backoff, then error state with a retry button"),
 * and a page in a language without a catalogue shows its English texts marked `lang="en"` and the
 * dates and times `Intl` wrote in the page's own language (SPEC §6, WCAG 3.1.2).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import '../../src/index.js';
import { createClient } from '../../src/api/client.js';
import type { ApiError } from '../../src/api/errors.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API, CREATE_BODY, createAmpecoFixture } from '../support/ampeco-fixture.js';
import { describe, it, recordRequests, useMsw, worker } from '../support/msw.js';
import { bookButton, fillBooking, inPart, mountWidget } from '../support/widget-driver.js';

useMsw();

const LOCATION = `${API}/resources/locations/v2.0/:id`;
const BOOKING_REQUESTS = `${API}/resources/booking-requests/v1.0`;

/** A proxy that takes the request and never answers it. */
const neverAnswers = async (): Promise<never> => {
  await delay('infinite');
  throw new Error('unreachable');
};

/** The signals of the requests `el` sends whose URL contains `filter`, through its `fetch` property. */
function watchSignals(el: EvBookingWidget, filter: string): AbortSignal[] {
  const signals: AbortSignal[] = [];
  el.fetch = (input, init) => {
    if (String(input).includes(filter) && init?.signal) signals.push(init.signal);
    return fetch(input, init);
  };
  return signals;
}

/** What the promise rejected with. */
async function rejectionOf(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected a rejection');
}

describe('a read the proxy never answers', () => {
  it('the load gives up within loadTimeout: the error alert and Try again, the request aborted', async () => {
    worker.use(http.get(LOCATION, neverAnswers), ...createAmpecoFixture());
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget');
    el.setAttribute('location-id', '7');
    el.setAttribute('locale', 'en-GB');
    el.loadTimeout = 500;
    const signals = watchSignals(el, '/resources/locations/v2.0/7');
    const errors: CustomEvent[] = [];
    el.addEventListener('ev-booking-error', (event) => errors.push(event));
    container.append(el);

    await waitUntil(() => errors.length > 0, 'the load never gave up', { timeout: 5000 });
    expect(errors[0]!.detail).to.include({ code: 'timeout' });
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role=alert]')!;
    expect(alert.textContent).to.contain('The service took too long.');
    const retry = alert.querySelector('button')!;
    expect(retry.textContent).to.contain('Try again');
    expect(signals.length, 'the location was asked').to.be.greaterThan(0);
    expect(
      signals.every((signal) => signal.aborted),
      'every attempt abandoned',
    ).to.equal(true);
  });

  it('the ports’ reads (after the start times) that hang end the load in the same error state', async () => {
    worker.use(http.get(`${API}/resources/charge-points/v2.0/:cp/evses`, neverAnswers), ...createAmpecoFixture());
    const container = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('ev-booking-widget');
    el.setAttribute('location-id', '7');
    el.loadTimeout = 500;
    const signals = watchSignals(el, '/evses');
    container.append(el);
    const retry = (): HTMLButtonElement | null => el.shadowRoot!.querySelector('[role=alert] button');
    await waitUntil(retry, 'the load never gave up', { timeout: 5000 });
    expect(retry()!.textContent).to.contain('Try again');
    expect(signals.length, 'the EVSE lists were asked').to.be.greaterThan(0);
    expect(
      signals.every((signal) => signal.aborted),
      'every attempt abandoned',
    ).to.equal(true);
  });

  it('a read that hangs gives up with timeout at readLimitMs, not after its attempts’ 8 s', async () => {
    worker.use(http.get(LOCATION, neverAnswers));
    const client = createClient({ apiBase: API, readLimitMs: 300, sleep: async () => {} });
    expect((await rejectionOf(client.getLocation(7))).code).to.equal('timeout');
  });

  it('an attempt that hangs is abandoned after timeoutMs and tried again', async () => {
    worker.use(http.get(LOCATION, neverAnswers));
    const log = recordRequests('/resources/locations/v2.0/7');
    // Each pause (at most 0.5, then 1 s, not waited here) must fit in what is left of the 1.5 s.
    const client = createClient({ apiBase: API, timeoutMs: 100, readLimitMs: 1500, sleep: async () => {} });
    const error = await rejectionOf(client.getLocation(7));
    log.stop();
    expect(error.code).to.equal('timeout');
    expect(log.requests.length, 'the hung attempt was tried again').to.be.greaterThan(1);
  });

  it('the availability POST (a read) that hangs is given up likewise', async () => {
    worker.use(http.post(`${API}/actions/locations/v2.0/7/check-booking-availability`, neverAnswers));
    const client = createClient({ apiBase: API, readLimitMs: 300, sleep: async () => {} });
    const range = { startAfter: '2026-03-01T00:00:00Z', endBefore: '2026-03-08T00:00:00Z' };
    expect((await rejectionOf(client.checkAvailability(7, range))).code).to.equal('timeout');
  });

  it('quick failures are still retried 3 times, their pauses (at most 3.5 s) within the limit', async () => {
    worker.use(http.get(LOCATION, () => HttpResponse.json({ message: 'boom' }, { status: 503 })));
    const log = recordRequests('/resources/locations/v2.0/7');
    const client = createClient({ apiBase: API, readLimitMs: 4000, sleep: async () => {} });
    const error = await rejectionOf(client.getLocation(7));
    log.stop();
    expect(error).to.include({ code: 'network', status: 503 });
    expect(log.requests.length, 'the first try and 3 retries').to.equal(4);
  });

  it('the create POST is not held to the reads’ limit: its answer is waited for', async () => {
    worker.use(
      http.post(BOOKING_REQUESTS, async () => {
        await delay(300);
        return HttpResponse.json(
          {
            data: { id: 31, type: 'create', status: 'pending', userId: 42, locationId: 7, evseId: 15 },
            meta: { capability: 'cap-31' },
          },
          { status: 201 },
        );
      }),
    );
    const client = createClient({ apiBase: API, readLimitMs: 50, sleep: async () => {} });
    const created = await client.createBookingRequest(CREATE_BODY);
    expect(created.capability).to.equal('cap-31');
  });
});

/** The language of `node` as the browser reads it: the nearest `lang`, across shadow roots to their hosts. */
function languageOf(node: Node): string | null {
  for (let at: Node | null = node; at; at = at instanceof ShadowRoot ? at.host : at.parentNode) {
    if (at instanceof Element && at.hasAttribute('lang')) return at.getAttribute('lang');
  }
  return null;
}

/** The language of each piece of text (text node, trimmed) under `root`, in document order. */
function textLanguages(root: Element): [string, string | null][] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const pieces: [string, string | null][] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent!.trim();
    if (text) pieces.push([text, languageOf(node)]);
  }
  return pieces;
}

/** Japanese script (kana or kanji): `Intl` wrote it in Japanese. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('a page in a language without a catalogue (ja)', () => {
  it('shows the dates, times and durations Intl wrote in ja, and only the English words in lang="en"', async () => {
    const el = await mountWidget('location-id="7" locale="ja"');
    const [tab] = inPart(el, 'ev-slot-grid', '[role=tab][aria-selected=true]');
    const tabPieces = textLanguages(tab!);
    const [spokenDate] = tabPieces.filter(([text]) => text.endsWith(','));
    expect(spokenDate![0], 'the tab names its date in Japanese').to.match(JAPANESE);
    for (const [text, lang] of tabPieces.filter(([text]) => JAPANESE.test(text))) {
      expect(lang, `the tab's "${text}"`).to.equal('ja');
    }
    const count = tab!.querySelector('.count')!;
    expect(count.textContent).to.match(/free|Full/);
    expect(languageOf(count), 'the count is English').to.equal('en');

    const [heading] = inPart(el, 'ev-slot-grid', '[part=day]');
    expect(heading!.textContent).to.match(JAPANESE);
    expect(languageOf(heading!), 'the day heading').to.equal('ja');
    const [time] = inPart(el, 'ev-slot-grid', 'button[data-start]');
    const [[timeText, timeLang]] = textLanguages(time!) as [[string, string | null]];
    expect(timeText).to.match(/^\d{1,2}:\d{2}$/);
    expect(timeLang, 'the time').to.equal('ja');
    const [hint] = inPart(el, 'ev-slot-grid', '.hint');
    expect(languageOf(hint!), 'the keys hint is English').to.equal('en');

    const [picker] = inPart(el, 'ev-duration-picker', 'fieldset');
    const pieces = textLanguages(picker!);
    expect(pieces[0], 'the legend').to.deep.equal(['Duration', 'en']);
    const pills = pieces.slice(1);
    expect(pills.length).to.be.greaterThan(0);
    for (const [text, lang] of pills) expect([text, lang], 'a duration').to.deep.equal([text, 'ja']);
    expect(pills.map(([text]) => text).join(' ')).to.match(JAPANESE);
  });

  it('the booking summary and the booking card show their dates and times in ja, their words in lang="en"', async () => {
    const el = await mountWidget('location-id="7" locale="ja"');
    await fillBooking(el, 'driver@example.com');
    await waitUntil(() => inPart(el, 'ev-email-form', '.summary-text').length > 0, 'no summary');
    const [title] = inPart(el, 'ev-email-form', '.summary-title');
    expect(textLanguages(title!)).to.deep.equal([['Your booking', 'en']]);
    const [summary] = inPart(el, 'ev-email-form', '.summary-text');
    const dated = textLanguages(summary!).filter(([text]) => JAPANESE.test(text));
    expect(dated.length, 'a date in Japanese').to.be.greaterThan(0);
    for (const [text, lang] of dated) expect([text, lang], 'the summary').to.deep.equal([text, 'ja']);

    bookButton(el).click();
    await waitUntil(() => inPart(el, 'ev-status-tracker', '.facts').length > 0, 'no booking card', { timeout: 5000 });
    const [when] = inPart(el, 'ev-status-tracker', '.facts div').filter((row) => row.textContent!.includes('When'));
    const [label, ...value] = textLanguages(when!);
    expect(label).to.deep.equal(['When', 'en']);
    const cardDates = value.filter(([text]) => JAPANESE.test(text));
    expect(cardDates.length, 'a date in Japanese').to.be.greaterThan(0);
    for (const [text, lang] of cardDates) expect([text, lang], 'the card').to.deep.equal([text, 'ja']);
  });
});
