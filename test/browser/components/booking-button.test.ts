import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { EvBookingButton } from '../../../src/ev-booking-button.js';
import type { BookingErrorDetail } from '../../../src/events.js';
import { accessibleName } from '../../support/a11y.js';
import { describe, it } from '../../support/mocha.js';

const opener = (el: EvBookingButton): HTMLButtonElement => el.shadowRoot!.querySelector('[part=button]')!;
const dialog = (el: EvBookingButton): HTMLDialogElement => el.shadowRoot!.querySelector('dialog')!;
/** The dialog shell is a chunk loaded on the first open: wait until the dialog is open. */
const opened = (el: EvBookingButton): Promise<void> => waitUntil(() => dialog(el)?.open, 'the dialog opens');

describe('<ev-booking-button>', () => {
  it('is a button named by its text, "Book a charger" by default, and accessible closed and open', async () => {
    const plain = await fixture<EvBookingButton>(html`<ev-booking-button></ev-booking-button>`);
    expect(accessibleName(opener(plain))).to.equal('Book a charger');
    const named = await fixture<EvBookingButton>(html`<ev-booking-button>Reserve a bay</ev-booking-button>`);
    expect(accessibleName(opener(named))).to.equal('Reserve a bay');
    await expect(named).to.be.accessible();
    expect(dialog(named), 'no dialog before the first open').to.equal(null);
    opener(named).click();
    await opened(named);
    await expect(named).to.be.accessible();
    named.close();
  });

  it('opens the widget in a modal dialog with the same attributes and properties, focus inside', async () => {
    const fetcher = (): Promise<Response> => Promise.reject(new TypeError('offline'));
    const el = await fixture<EvBookingButton>(
      html`<ev-booking-button
        location-id="7"
        api-base="/gw"
        locale="de"
        connector-types="ccs2"
        theme="dark"
        .fetch=${fetcher}
        .authToken=${'jwt'}
      ></ev-booking-button>`,
    );
    expect(el.widget).to.equal(null);
    opener(el).focus();
    opener(el).click();
    await opened(el);
    expect(dialog(el).matches(':modal')).to.be.true;
    expect(dialog(el).contains(el.shadowRoot!.activeElement)).to.be.true;
    const widget = el.widget!;
    expect(widget.localName).to.equal('ev-booking-widget');
    for (const [name, value] of [
      ['location-id', '7'],
      ['api-base', '/gw'],
      ['locale', 'de'],
      ['connector-types', 'ccs2'],
      ['theme', 'dark'],
    ]) {
      expect(widget.getAttribute(name!), name).to.equal(value);
    }
    expect(widget.fetch).to.equal(fetcher);
    expect((widget as unknown as { authToken: string }).authToken).to.equal('jwt');
    // Later changes follow.
    el.setAttribute('location-id', '8');
    await el.updateComplete;
    expect(widget.getAttribute('location-id')).to.equal('8');
    el.close();
  });

  it('closes with Escape and with Close, and gives the focus back to the button', async () => {
    const el = await fixture<EvBookingButton>(html`<ev-booking-button></ev-booking-button>`);
    opener(el).focus();
    await sendKeys({ press: 'Enter' });
    await opened(el);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog(el).open, 'Escape did not close');
    expect(el.shadowRoot!.activeElement).to.equal(opener(el));
    expect(document.activeElement).to.equal(el);
    opener(el).click();
    await opened(el);
    const close = el.shadowRoot!.querySelector<HTMLButtonElement>('[part=close]')!;
    expect(accessibleName(close)).to.equal('Close');
    close.click();
    expect(dialog(el).open).to.be.false;
    expect(el.shadowRoot!.activeElement).to.equal(opener(el));
  });

  it('shows one column in a viewport under 720 px and the two panes from 720 px', async function (this: {
    timeout(ms: number): void;
  }) {
    this.timeout(10000);
    // An API that never answers: the widget stays loading, its booker laid out.
    const never = (): Promise<Response> => new Promise(() => {});
    const original = { width: innerWidth, height: innerHeight };
    const columns = async (width: number): Promise<number> => {
      await setViewport({ width, height: 900 });
      const el = await fixture<EvBookingButton>(
        html`<ev-booking-button location-id="7" .fetch=${never}></ev-booking-button>`,
      );
      opener(el).click();
      await opened(el);
      const booker = (): Element | null => el.widget!.shadowRoot!.querySelector('.booker');
      await waitUntil(booker, 'the booker');
      const tracks = getComputedStyle(booker()!).gridTemplateColumns.split(' ').length;
      el.close();
      return tracks;
    };
    try {
      for (const width of [375, 600, 719]) expect(await columns(width), `${width} px`).to.equal(1);
      for (const width of [720, 800, 1280]) expect(await columns(width), `${width} px`).to.equal(2);
    } finally {
      await setViewport(original);
    }
  });

  it('takes theme as a property like the attribute: the button, the dialog and the widget in it go dark', async () => {
    const never = (): Promise<Response> => new Promise(() => {});
    const byAttribute = await fixture<EvBookingButton>(
      html`<ev-booking-button theme="dark" location-id="7" .fetch=${never}></ev-booking-button>`,
    );
    const byProperty = await fixture<EvBookingButton>(
      html`<ev-booking-button location-id="7" .theme=${'dark'} .fetch=${never}></ev-booking-button>`,
    );
    const colours = async (el: EvBookingButton): Promise<string[]> => {
      await el.show();
      const shown = [opener(el), dialog(el), el.widget!].map((part) => getComputedStyle(part).backgroundColor);
      el.close();
      return shown;
    };
    const dark = await colours(byAttribute);
    expect(await colours(byProperty)).to.deep.equal(dark);
  });

  it('lets the widget events bubble out of the button element', async () => {
    // No location: the widget reports a config error at once, without a request.
    const el = await fixture<EvBookingButton>(html`<ev-booking-button></ev-booking-button>`);
    const heard: BookingErrorDetail[] = [];
    el.addEventListener('ev-booking-error', (event) => heard.push(event.detail));
    opener(el).click();
    await waitUntil(() => heard.length > 0, 'no ev-booking-error came out');
    expect(heard[0]!.code).to.equal('config');
    el.close();
  });
});
