/**
 * SPEC §8: a Book while a request is still pending past the poll's time-out, or whose create's fate
 * was unknown, follows that request and books nothing more. The card then shows what that request
 * asked for, never the start the driver picked since (which was not booked).
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { API } from '../support/ampeco-fixture.js';
import { afterEach, describe, it, recordRequests, useMsw } from '../support/msw.js';
import { bookButton, bookWhileLookupsFail, fillBooking, inPart, mount, slots } from '../support/widget-driver.js';

useMsw();
afterEach(() => sessionStorage.clear());

/** The text of the tracker's card (the booking it shows). */
const cardText = (el: EvBookingWidget): string =>
  inPart(el, 'ev-status-tracker', '[part~=card]')
    .map((card) => card.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ');

/** A start's time as its button in the grid says it ("10:00"). */
const timeOf = (button: HTMLButtonElement): string => button.textContent!.replace(/\s+/g, ' ').trim();

/** Picks the second start offered (the first was booked); returns its button. */
async function pickSecondStart(el: EvBookingWidget): Promise<HTMLButtonElement> {
  const second = slots(el)[1]!;
  second.click();
  await el.updateComplete;
  expect(second.getAttribute('aria-pressed') ?? second.getAttribute('aria-checked')).to.equal('true');
  return second;
}

describe('a Book that follows the request already made', () => {
  it('past the poll time-out, the card shows the request followed, not the start picked since: one POST', async () => {
    const el = await mount({ pendingPolls: 1000 });
    el.pollTimeout = 1000;
    await fillBooking(el, 'driver@example.com');
    const booked = timeOf(slots(el)[0]!);
    const log = recordRequests(`${API}/resources/booking-requests`);
    const timedOut = oneEvent(el, 'ev-booking-error');
    bookButton(el).click();
    await timedOut;
    await el.updateComplete;
    const picked = timeOf(await pickSecondStart(el));
    expect(picked).not.to.equal(booked);
    bookButton(el).click();
    await waitUntil(() => cardText(el).length > 0, 'the pending card');
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts, 'the first Book only').to.have.length(1);
    expect(cardText(el)).to.include(booked);
    expect(cardText(el)).not.to.include(picked);
  });

  it('after a create whose fate was unknown, the card shows the request found, not the start picked since: one POST', async () => {
    const el = await mount({ loseCreateResponse: true, pendingPolls: 1000 });
    await fillBooking(el, 'driver@example.com');
    const booked = timeOf(slots(el)[0]!);
    const log = recordRequests(`${API}/resources/booking-requests`);
    await bookWhileLookupsFail(el);
    const picked = timeOf(await pickSecondStart(el));
    const requested = oneEvent(el, 'ev-booking-requested');
    bookButton(el).click();
    await requested;
    await waitUntil(() => cardText(el).length > 0, 'the pending card');
    const posts = (await log.settled()).filter((r) => r.method === 'POST');
    log.stop();
    expect(posts, 'the lost attempt was found, not another sent').to.have.length(1);
    expect(cardText(el)).to.include(booked);
    expect(cardText(el)).not.to.include(picked);
  });
});
