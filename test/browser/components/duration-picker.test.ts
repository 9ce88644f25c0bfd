import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/components/duration-picker/duration-picker.js';
import type { EvDurationPicker } from '../../../src/components/duration-picker/duration-picker.js';
import { accessibleName } from '../../support/a11y.js';
import { emulateForcedColors } from '../../support/forced-colors.js';
import { afterEach, describe, it } from '../../support/mocha.js';

const pills = (el: EvDurationPicker): HTMLInputElement[] => [
  ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input'),
];

describe('<ev-duration-picker>', () => {
  afterEach(() => emulateForcedColors(false));

  it('is a group named Duration of pills named by their length, accessible in light, dark and forced colours', async () => {
    const el = await fixture<EvDurationPicker>(
      html`<ev-duration-picker durations="30, 60,abc,90" value="60"></ev-duration-picker>`,
    );
    expect(accessibleName(el.shadowRoot!.querySelector('fieldset')!)).to.equal('Duration');
    expect(pills(el).map(accessibleName)).to.deep.equal(['30 minutes', '60 minutes', '90 minutes']);
    expect(pills(el).map((p) => p.checked)).to.deep.equal([false, true, false]);
    await expect(el).to.be.accessible();
    el.setAttribute('theme', 'dark');
    await expect(el).to.be.accessible();
    await emulateForcedColors(true);
    const chosen = el.shadowRoot!.querySelector('label:has(:checked)')!;
    expect(getComputedStyle(chosen).outlineStyle).to.equal('solid');
    await expect(el).to.be.accessible();
  });

  it('fires ev-duration-select on click and with the arrow keys', async () => {
    const el = await fixture<EvDurationPicker>(html`<ev-duration-picker locale="de"></ev-duration-picker>`);
    expect(pills(el).map(accessibleName)[0]).to.equal('30 Minuten');
    setTimeout(() => pills(el)[2]!.click());
    const event = await oneEvent(el, 'ev-duration-select');
    expect(event.detail).to.deep.equal({ minutes: 90 });
    expect(event.bubbles && event.composed).to.be.true;
    const seen: number[] = [];
    el.addEventListener('ev-duration-select', (e) => seen.push(e.detail.minutes));
    pills(el)[2]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(seen).to.deep.equal([120]);
    expect(el.value).to.equal(120);
  });
});
