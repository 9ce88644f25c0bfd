import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { LitElement, css, html as litHtml, type TemplateResult } from 'lit';
import '../../../src/components/port-list/port-list.js';
import type { EvPortList } from '../../../src/components/port-list/port-list.js';
import { tokens } from '../../../src/styles/tokens.js';

import { afterEach, describe, it } from '../../support/mocha.js';

/** Stands for the orchestrator: a host using the shared tokens, with a subcomponent inside. */
class TokensTestHost extends LitElement {
  static override styles = [tokens, css``];
  override render(): TemplateResult {
    return litHtml`<ev-port-list></ev-port-list>`;
  }
}
customElements.define('tokens-test-host', TokensTestHost);

const bg = (el: Element): string => getComputedStyle(el).backgroundColor;
const WHITE = 'rgb(255, 255, 255)';
const DARK = 'rgb(21, 24, 29)';

describe('shared tokens', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('defaults to the light scheme and follows theme="dark"', async () => {
    const el = await fixture<EvPortList>(html`<ev-port-list></ev-port-list>`);
    expect(bg(el)).to.equal(WHITE);
    el.setAttribute('theme', 'dark');
    expect(bg(el)).to.equal(DARK);
  });

  it('follows a dark OS preference unless theme="light"', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const auto = await fixture<EvPortList>(html`<ev-port-list></ev-port-list>`);
    const light = await fixture<EvPortList>(html`<ev-port-list theme="light"></ev-port-list>`);
    expect(bg(auto)).to.equal(DARK);
    expect(bg(light)).to.equal(WHITE);
  });

  it('lets a nested subcomponent inherit the outer host scheme', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    const host = await fixture<TokensTestHost>(html`<tokens-test-host theme="light"></tokens-test-host>`);
    const inner = host.shadowRoot!.querySelector('ev-port-list')!;
    expect(bg(inner)).to.equal(WHITE);
    host.setAttribute('theme', 'dark');
    await emulateMedia({ colorScheme: 'light' });
    expect(bg(inner)).to.equal(DARK);
  });

  it('takes page overrides of the public tokens, also through nesting', async () => {
    const host = await fixture<TokensTestHost>(
      html`<tokens-test-host style="--ev-color-bg: rgb(1, 2, 3); --ev-color-fg: rgb(250, 250, 250)"></tokens-test-host>`,
    );
    const inner = host.shadowRoot!.querySelector('ev-port-list')!;
    expect(bg(inner)).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(inner).color).to.equal('rgb(250, 250, 250)');
  });

  it('shows a focus ring on keyboard focus and keeps targets at least 24px', async () => {
    const el = await fixture<EvPortList>(
      html`<ev-port-list .ports=${[{ id: 1, label: 'A1', status: 'enabled' }]}></ev-port-list>`,
    );
    const card = el.shadowRoot!.querySelector('[part=port]')!;
    expect(card.getBoundingClientRect().height).to.be.at.least(24);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const input = el.shadowRoot!.activeElement!;
    expect(input.localName).to.equal('input');
    const style = getComputedStyle(input);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    before.remove();
  });
});
