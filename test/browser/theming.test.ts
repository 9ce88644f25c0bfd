/**
 * SPEC §7 as an embedding page themes the whole widget: `::part()` names on the main blocks
 * (`port-list`, `slot-grid`, `email-form`, `status`, `button`) reach them from the page's own style
 * sheet through the subcomponents, the `--ev-` properties set on the host reach every part, and no
 * CSS leaks in (the page's element rules) or out (the widget adds nothing to the page's sheets).
 */
import { expect, waitUntil } from '@open-wc/testing';
import type { EvBookingWidget } from '../../src/ev-booking-widget.js';
import { afterEach, describe, it, useMsw } from '../support/msw.js';
import { bookButton, chooseFirstSlot, inPart, mount } from '../support/widget-driver.js';

useMsw();

/** A page style sheet, removed after each test. */
let pageStyle: HTMLStyleElement | undefined;
afterEach(() => {
  pageStyle?.remove();
  pageStyle = undefined;
  sessionStorage.clear();
});
function addPageStyle(css: string): void {
  pageStyle = document.createElement('style');
  pageStyle.textContent = css;
  document.head.append(pageStyle);
}

const outline = (element: Element): string => getComputedStyle(element).outlineColor;

/** The element of the widget that carries `part` (through the subcomponents' shadow roots). */
function partOf(el: EvBookingWidget, tag: string | null, part: string): Element {
  const root = tag ? el.shadowRoot!.querySelector(tag)!.shadowRoot! : el.shadowRoot!;
  const found = root.querySelector(`[part~="${part}"]`);
  if (!found) throw new Error(`no part ${part} in ${tag ?? 'the widget'}`);
  return found;
}

describe('theming from the embedding page (SPEC §7)', () => {
  it('reaches the main blocks by their ::part() names', async () => {
    const el = await mount();
    await chooseFirstSlot(el);
    await el.updateComplete;
    const parts = ['port-list', 'slot-grid', 'email-form', 'status', 'button'];
    addPageStyle(
      parts.map((part, i) => `ev-booking-widget::part(${part}) { outline: 1px solid rgb(${i + 1}, 2, 3); }`).join('\n'),
    );
    expect(outline(partOf(el, 'ev-port-list', 'port-list'))).to.equal('rgb(1, 2, 3)');
    expect(outline(partOf(el, 'ev-slot-grid', 'slot-grid'))).to.equal('rgb(2, 2, 3)');
    expect(outline(partOf(el, 'ev-email-form', 'email-form'))).to.equal('rgb(3, 2, 3)');
    expect(outline(partOf(el, 'ev-status-tracker', 'status'))).to.equal('rgb(4, 2, 3)');
    expect(outline(bookButton(el)), 'the Book button').to.equal('rgb(5, 2, 3)');
  });

  it('takes the --ev- properties set on the host in every part, and no rule of the page', async () => {
    addPageStyle(`
      ev-booking-widget { --ev-color-accent: rgb(10, 20, 30); --ev-color-accent-fg: rgb(240, 241, 242); }
      button, input, fieldset, legend { background: rgb(255, 0, 0) !important; color: rgb(0, 255, 0) !important; }
    `);
    const el = await mount();
    await chooseFirstSlot(el);
    await el.updateComplete;
    const book = bookButton(el);
    expect(getComputedStyle(book).backgroundColor, 'Book on the accent').to.equal('rgb(10, 20, 30)');
    expect(getComputedStyle(book).color).to.equal('rgb(240, 241, 242)');
    const chosen = inPart<HTMLElement>(el, 'ev-slot-grid', '[role=radio][aria-checked=true]')[0]!;
    await waitUntil(
      () => getComputedStyle(chosen).backgroundColor === 'rgb(10, 20, 30)',
      'the chosen time on the accent',
    );
    const email = inPart<HTMLInputElement>(el, 'ev-email-form', 'input')[0]!;
    expect(getComputedStyle(email).backgroundColor).not.to.equal('rgb(255, 0, 0)');
  });

  it('adds nothing to the page: its style sheets and its own buttons stay as they were', async () => {
    const button = document.createElement('button');
    button.textContent = 'The page’s own';
    document.body.append(button);
    const before = { sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length };
    const look = (): string =>
      ['font', 'color', 'background', 'padding', 'border']
        .map((p) => getComputedStyle(button).getPropertyValue(p))
        .join('|');
    const looked = look();
    try {
      const el = await mount();
      await chooseFirstSlot(el);
      await el.updateComplete;
      expect({ sheets: document.styleSheets.length, adopted: document.adoptedStyleSheets.length }).to.deep.equal(
        before,
      );
      expect(look()).to.equal(looked);
    } finally {
      button.remove();
    }
  });
});
