import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Evse } from '../../../src/api/schemas.js';
import '../../../src/components/port-list/port-list.js';
import type { EvPortList } from '../../../src/components/port-list/port-list.js';

import { accessibleName } from '../../support/a11y.js';
import { emulateForcedColors } from '../../support/forced-colors.js';
import { afterEach, describe, it } from '../../support/mocha.js';

const ports: Evse[] = [
  {
    id: 11,
    label: 'A1',
    currentType: 'dc',
    status: 'enabled',
    bookingEnabled: true,
    powerOptions: { maxPower: 150000 },
    connectors: [
      { id: 1, type: 'ccs2' },
      { id: 2, type: 'chademo' },
    ],
  },
  {
    id: 12,
    physicalReference: 'B-2',
    currentType: 'ac',
    status: 'enabled',
    bookingEnabled: true,
    connectors: [{ id: 3, type: 'type2', maxPowerWh: 22000 }],
  },
  { id: 13, label: 'C3', currentType: 'ac', status: 'out of order', bookingEnabled: true, connectors: [] },
  { id: 14, status: 'disabled', bookingEnabled: true },
];

async function make(list: Evse[] = ports, selected: number | null = null): Promise<EvPortList> {
  return fixture<EvPortList>(html`<ev-port-list no-any-port .ports=${list} .selected=${selected}></ev-port-list>`);
}

function radios(el: EvPortList): HTMLInputElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=port]')];
}

describe('<ev-port-list>', () => {
  describe('accessibility', () => {
    it('is accessible with ports', async () => {
      const el = await make(ports, 11);
      await expect(el).to.be.accessible();
    });

    it('is accessible empty, loading, disabled and in the dark theme', async () => {
      for (const el of [
        await fixture<EvPortList>(html`<ev-port-list></ev-port-list>`),
        await fixture<EvPortList>(html`<ev-port-list loading></ev-port-list>`),
        await fixture<EvPortList>(html`<ev-port-list disabled .ports=${ports}></ev-port-list>`),
        await fixture<EvPortList>(html`<ev-port-list theme="dark" .ports=${ports} .selected=${12}></ev-port-list>`),
      ]) {
        await expect(el).to.be.accessible();
      }
    });

    it('is a group named Charging port of radio buttons named by the EVSE label', async () => {
      const el = await make();
      const group = el.shadowRoot!.querySelector('[part=port-list]')!;
      expect(group.localName).to.equal('fieldset');
      expect(accessibleName(group)).to.equal('Charging port');
      expect(radios(el).map(accessibleName)).to.deep.equal(['A1', 'B-2', 'C3', '#14']);
    });
  });

  describe('properties', () => {
    it('shows connector types, max power and current type', async () => {
      const el = await make();
      const cards = [...el.shadowRoot!.querySelectorAll('[part=port]')].map((c) => c.textContent!.replace(/\s+/g, ' '));
      expect(cards[0]).to.contain('CCS2 · CHAdeMO · 150 kW · DC');
      expect(cards[1]).to.contain('Type 2 · 22 kW · AC');
    });

    it('describes each radio with its details and status', async () => {
      const el = await make();
      const describedBy = (input: HTMLInputElement): string =>
        input
          .getAttribute('aria-describedby')!
          .split(' ')
          .map((id) => el.shadowRoot!.getElementById(id)!.textContent!.trim())
          .join(' ');
      expect(describedBy(radios(el)[0]!)).to.contain('150 kW');
      expect(describedBy(radios(el)[2]!)).to.contain('Out of order');
    });

    it('shows ports that are not enabled as not selectable, with their status', async () => {
      const el = await make();
      const [a1, b2, c3, d4] = radios(el);
      expect(a1!.disabled).to.equal(false);
      expect(b2!.disabled).to.equal(false);
      expect(c3!.disabled).to.equal(true);
      expect(d4!.disabled).to.equal(true);
      const text = el.shadowRoot!.textContent!;
      expect(text).to.contain('Out of order');
      expect(text).to.contain('Unavailable');
    });

    it('checks the selected port', async () => {
      const el = await make(ports, 12);
      expect(radios(el).map((r) => r.checked)).to.deep.equal([false, true, false, false]);
      el.selected = 11;
      await el.updateComplete;
      expect(radios(el).map((r) => r.checked)).to.deep.equal([true, false, false, false]);
    });

    it('says so when there are no ports', async () => {
      const el = await make([]);
      expect(el.shadowRoot!.textContent).to.contain('No bookable ports here');
      expect(radios(el)).to.have.length(0);
    });

    it('reserves space while loading and shows no ports', async () => {
      const el = await fixture<EvPortList>(html`<ev-port-list loading .ports=${ports}></ev-port-list>`);
      expect(radios(el)).to.have.length(0);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(60);
      expect(el.shadowRoot!.querySelector('fieldset')!.getAttribute('aria-busy')).to.equal('true');
    });

    it('disables every port when disabled', async () => {
      const el = await fixture<EvPortList>(html`<ev-port-list disabled .ports=${ports}></ev-port-list>`);
      expect(radios(el).every((r) => r.matches(':disabled'))).to.equal(true);
    });

    it('renders markup in names as text', async () => {
      const evil = '<img src=x onerror=alert(1)>';
      const el = await make([{ id: 1, label: evil, status: 'enabled' }]);
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
      expect(el.shadowRoot!.querySelector('.name')!.textContent).to.equal(evil);
    });

    it('localizes the power figure', async () => {
      const el = await fixture<EvPortList>(
        html`<ev-port-list locale="de-DE" .ports=${[{ id: 1, label: 'X', powerOptions: { maxPower: 7400 } }]}></ev-port-list>`,
      );
      expect(el.shadowRoot!.textContent).to.contain('7,4 kW');
    });

    it('isolates each detail, so that a right-to-left page keeps a power figure with its unit', async () => {
      const ports = [
        {
          id: 1,
          label: 'X',
          currentType: 'ac',
          powerOptions: { maxPower: 11000 },
          connectors: [{ id: 1, type: 'type2' }],
        },
      ];
      const el = await fixture<EvPortList>(html`<ev-port-list locale="ar" .ports=${ports}></ev-port-list>`);
      const parts = [...el.shadowRoot!.querySelectorAll('.meta bdi')].map((b) => b.textContent);
      expect(parts).to.have.length(3);
      expect(parts[0]).to.equal('Type 2');
      expect(parts[1]).to.match(/11/);
      expect(parts[2]).to.equal('AC');
    });
  });

  describe('events', () => {
    it('fires ev-port-select with the EVSE id on click', async () => {
      const el = await make();
      setTimeout(() => radios(el)[1]!.click());
      const event = await oneEvent(el, 'ev-port-select');
      expect(event.detail).to.deep.equal({ evseId: 12 });
      expect(event.bubbles && event.composed).to.equal(true);
      expect(el.selected).to.equal(12);
    });

    it('does not fire for a port that is out of order', async () => {
      const el = await make();
      let fired = 0;
      el.addEventListener('ev-port-select', () => fired++);
      radios(el)[2]!.click();
      el.shadowRoot!.querySelectorAll<HTMLElement>('[part=port]')[2]!.click();
      expect(fired).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('moves between ports with the arrow keys, skipping disabled ones', async () => {
      const el = await make(ports, 11);
      const seen: number[] = [];
      el.addEventListener('ev-port-select', (e) => seen.push(e.detail.evseId!));
      radios(el)[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowDown' });
      expect(seen).to.deep.equal([12, 11]);
      expect(el.shadowRoot!.activeElement).to.equal(radios(el)[0]);
    });
  });
});

describe('<ev-port-list> any port and filters', () => {
  const mixed: Evse[] = [
    ...ports,
    {
      id: 15,
      label: 'E5',
      currentType: 'dc',
      status: 'enabled',
      bookingEnabled: true,
      connectors: [{ id: 9, type: 'CCS2' }],
    },
  ];
  const portRadios = (el: EvPortList): HTMLInputElement[] => [
    ...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=port]'),
  ];
  const names = (el: EvPortList): string[] => portRadios(el).map(accessibleName);
  const chips = (el: EvPortList, type: string): HTMLInputElement[] => [
    ...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[type=${type}]:not([name=port])`),
  ];

  afterEach(() => emulateForcedColors(false));

  it('offers "Any available port" first and chosen by default when several ports are bookable', async () => {
    const el = await fixture<EvPortList>(html`<ev-port-list .ports=${mixed}></ev-port-list>`);
    expect(names(el)[0]).to.equal('Any available port');
    expect(portRadios(el)[0]!.checked).to.be.true;
    expect(names(el).slice(1)).to.deep.equal(['A1', 'B-2', 'C3', '#14', 'E5']);
    await expect(el).to.be.accessible();
  });

  it('does not offer it for a single bookable port', async () => {
    const el = await fixture<EvPortList>(html`<ev-port-list .ports=${ports.slice(1)}></ev-port-list>`);
    expect(names(el)).to.deep.equal(['B-2', 'C3', '#14']);
  });

  it('keeps a specific port one choice away and goes back to any', async () => {
    const el = await fixture<EvPortList>(html`<ev-port-list .ports=${mixed}></ev-port-list>`);
    const seen: (number | null)[] = [];
    el.addEventListener('ev-port-select', (e) => seen.push(e.detail.evseId));
    portRadios(el)[2]!.click();
    portRadios(el)[0]!.click();
    expect(seen).to.deep.equal([12, null]);
  });

  it('offers connector chips from the ports, preset by connector-types, and narrows the list', async () => {
    const el = await fixture<EvPortList>(html`<ev-port-list connector-types="ccs2" .ports=${mixed}></ev-port-list>`);
    const connectorChips = chips(el, 'checkbox');
    expect(connectorChips.map(accessibleName)).to.deep.equal(['CCS2', 'CHAdeMO', 'Type 2']);
    expect(connectorChips.map((c) => c.checked)).to.deep.equal([true, false, false]);
    expect(names(el)).to.deep.equal(['Any available port', 'A1', 'E5']);
    const filters: unknown[] = [];
    el.addEventListener('ev-port-filter', (e) => filters.push(e.detail));
    connectorChips[2]!.click();
    await el.updateComplete;
    expect(filters).to.deep.equal([{ connectorTypes: ['ccs2', 'type2'], currentType: null }]);
    expect(names(el)).to.deep.equal(['Any available port', 'A1', 'B-2', 'E5']);
    await expect(el).to.be.accessible();
  });

  it('narrows by AC/DC and gives a chosen port that no longer fits back to any', async () => {
    const el = await fixture<EvPortList>(html`<ev-port-list .ports=${mixed} .selected=${12}></ev-port-list>`);
    const current = chips(el, 'radio');
    expect(current.map(accessibleName)).to.deep.equal(['All', 'AC', 'DC']);
    const seen: (number | null)[] = [];
    el.addEventListener('ev-port-select', (e) => seen.push(e.detail.evseId));
    current[2]!.click();
    await el.updateComplete;
    expect(names(el)).to.deep.equal(['Any available port', 'A1', 'E5']);
    expect(seen).to.deep.equal([null]);
    expect(portRadios(el)[0]!.checked).to.be.true;
  });

  it('names the filter groups and the port group', async () => {
    const el = await fixture<EvPortList>(html`<ev-port-list .ports=${mixed}></ev-port-list>`);
    const legends = [...el.shadowRoot!.querySelectorAll('fieldset')].map(accessibleName);
    expect(legends).to.deep.equal(['Connector', 'Current', 'Charging port']);
  });

  it('keeps a visible outline on the chosen port in forced colours, and stays accessible', async () => {
    await emulateForcedColors(true);
    const el = await fixture<EvPortList>(html`<ev-port-list .ports=${mixed} .selected=${11}></ev-port-list>`);
    const cards = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part=port]')];
    const chosen = cards.find((c) => c.querySelector('input')!.checked)!;
    const other = cards.find((c) => !c.querySelector('input')!.checked && !c.querySelector('input')!.disabled)!;
    expect(getComputedStyle(chosen).outlineStyle).to.equal('solid');
    expect(parseFloat(getComputedStyle(chosen).outlineWidth)).to.be.at.least(2);
    expect(getComputedStyle(other).outlineStyle).to.equal('none');
    await expect(el).to.be.accessible();
    await emulateForcedColors(true, 'dark');
    await expect(el).to.be.accessible();
  });
});
