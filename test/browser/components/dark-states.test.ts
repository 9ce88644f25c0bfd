/**
 * "Dark theme: unselected radios look like disabled ones" (issue 14, what a driver saw): in the
 * dark theme, a choice that is free but not chosen must look clearly different from one that cannot
 * be chosen — by its border and by the contrast of its text — in the port list, the start times and
 * the duration pills.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { Evse } from '../../../src/api/schemas.js';
import '../../../src/components/port-list/port-list.js';
import '../../../src/components/slot-grid/slot-grid.js';
import '../../../src/components/duration-picker/duration-picker.js';
import type { SlotDay } from '../../../src/components/slot-grid/slot-grid.js';
import { describe, it } from '../../support/mocha.js';

/** Any CSS colour (rgb, color-mix, oklab…) as sRGB channels 0–255, through a canvas. */
function rgb(color: string): [number, number, number] {
  const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}

/** WCAG 2 contrast ratio of two CSS colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string): number => {
    const [r, g, b] = rgb(color).map((c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

interface Look {
  border: string;
  /** Contrast of the text with the widget's background. */
  textContrast: number;
}

/** How `option` looks inside `host` (whose background is the widget's). */
function lookOf(host: HTMLElement, option: Element, text: Element = option): Look {
  const style = getComputedStyle(option);
  return {
    border: style.borderTopStyle,
    textContrast: contrast(getComputedStyle(text).color, getComputedStyle(host).backgroundColor),
  };
}

/** A free, unchosen option against a disabled one: another border, and text clearly stronger. */
function expectNotLookingDisabled(free: Look, disabled: Look, what: string): void {
  expect(free.border, `${what}: border`).not.to.equal(disabled.border);
  expect(free.textContrast, `${what}: text contrast ${free.textContrast} vs ${disabled.textContrast}`).to.be.above(
    disabled.textContrast * 1.5,
  );
  expect(free.textContrast, `${what}: readable`).to.be.at.least(7);
}

describe('dark theme: free choices do not look disabled', () => {
  it('a port that can be chosen vs one out of order', async () => {
    const ports: Evse[] = [
      { id: 1, label: 'A1', status: 'enabled', bookingEnabled: true, connectors: [{ id: 1, type: 'ccs2' }] },
      { id: 2, label: 'B2', status: 'enabled', bookingEnabled: true, connectors: [{ id: 2, type: 'ccs2' }] },
      { id: 3, label: 'C3', status: 'out of order', bookingEnabled: true, connectors: [] },
    ];
    const el = await fixture<HTMLElement>(
      html`<ev-port-list theme="dark" no-any-port .ports=${ports} .selected=${1}></ev-port-list>`,
    );
    const [, free, out] = [...el.shadowRoot!.querySelectorAll('.port')];
    expectNotLookingDisabled(
      lookOf(el, free!, free!.querySelector('.name')!),
      lookOf(el, out!, out!.querySelector('.name')!),
      'port',
    );
  });

  it('a free start time vs a taken one', async () => {
    const days: SlotDay[] = [
      { date: '2026-03-28', starts: ['2026-03-28T06:00:00Z', '2026-03-28T06:30:00Z', '2026-03-28T07:30:00Z'] },
    ];
    const el = await fixture<HTMLElement>(
      html`<ev-slot-grid theme="dark" time-zone="UTC" .days=${days} .selected=${'2026-03-28T06:00:00Z'}></ev-slot-grid>`,
    );
    const free = el.shadowRoot!.querySelector('[data-start="2026-03-28T06:30:00Z"]')!;
    const taken = el.shadowRoot!.querySelector('.taken')!;
    expectNotLookingDisabled(lookOf(el, free), lookOf(el, taken), 'start time');
    expect(getComputedStyle(taken).textDecorationLine).to.equal('line-through');
  });

  it('a duration pill vs a disabled one', async () => {
    const free = await fixture<HTMLElement>(html`<ev-duration-picker theme="dark" value="60"></ev-duration-picker>`);
    const off = await fixture<HTMLElement>(
      html`<ev-duration-picker theme="dark" value="60" disabled></ev-duration-picker>`,
    );
    const pill = (el: HTMLElement): Element => el.shadowRoot!.querySelector('label:not(:has(:checked))')!;
    const [freeLook, offLook] = [lookOf(free, pill(free)), lookOf(off, pill(off))];
    expect(freeLook.textContrast, `${freeLook.textContrast} vs ${offLook.textContrast}`).to.be.above(
      offLook.textContrast * 1.5,
    );
  });
});
