/**
 * SPEC §2's defaults hold after connect too: an attribute removed (or left empty) by the embedding
 * page gives the widget its default again, as if it had never been written.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { API } from '../support/ampeco-fixture.js';
import { describe, it, recordRequests, useMsw } from '../support/msw.js';
import { inPart, mount, radios } from '../support/widget-driver.js';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';

useMsw();

const dayTabs = (el: EvBookingWidget): number => inPart(el, 'ev-slot-grid', '[role=tab]').length;

describe('<ev-booking-widget> attribute defaults after connect', () => {
  it('removing api-base asks the default /api/ampeco again', async () => {
    const nowhere = http.all('/nowhere/*', () => HttpResponse.json({ message: 'Not found' }, { status: 404 }));
    const el = await mount({}, 'api-base="/nowhere"', { ready: false, before: [nowhere] });
    await waitUntil(() => el.shadowRoot?.querySelector('[role=alert]'), 'nothing is served under /nowhere');
    const log = recordRequests();
    el.removeAttribute('api-base');
    await waitUntil(() => radios(el).length > 0, 'the ports from the default api-base');
    expect(el.apiBase).to.equal(API);
    const paths = log.requests
      .map((request) => new URL(request.url).pathname)
      .filter((path) => /\/(resources|actions)\//.test(path));
    expect(paths.length).to.be.greaterThan(0);
    for (const path of paths) expect(path.startsWith(`${API}/`), path).to.be.true;
    log.stop();
  });

  it('removing days offers 7 days again', async () => {
    const el = await mount({}, 'days="3"');
    await waitUntil(() => dayTabs(el) === 3, 'three day tabs');
    el.removeAttribute('days');
    await waitUntil(() => dayTabs(el) === 7, `7 day tabs, not ${dayTabs(el)}`);
    expect(el.days).to.equal(7);
  });

  it('an empty days or slot-step is the default', async () => {
    const el = await mount({}, 'days="" slot-step=""');
    await waitUntil(() => dayTabs(el) === 7, `7 day tabs, not ${dayTabs(el)}`);
    expect(el.days).to.equal(7);
    expect(el.slotStep).to.equal(30);
  });
});
