import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Evse } from '../../api/schemas.js';
import { createEvent, type PortSelectDetail } from '../../events.js';
import { numberFormat, t } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { styles } from './port-list.styles.js';

/** Human names of Ampeco connector types; unknown types are shown as the API writes them. */
const CONNECTOR_NAMES: Readonly<Record<string, string>> = {
  type1: 'Type 1',
  type2: 'Type 2',
  type3: 'Type 3',
  chademo: 'CHAdeMO',
  ccs1: 'CCS1',
  ccs2: 'CCS2',
  schuko: 'Schuko',
  nacs: 'NACS',
  cee16: 'CEE 16 A',
  cee32: 'CEE 32 A',
  j1772: 'J1772',
  inductive: 'Inductive',
  'nema-5-20': 'NEMA 5-20',
  'nema-6-30': 'NEMA 6-30',
  'nema-6-50': 'NEMA 6-50',
  'type-e-french': 'Type E',
  'type-g-british': 'Type G',
  'type-j-swiss': 'Type J',
  avcon: 'Avcon',
  'gb-t-ac': 'GB/T AC',
  'gb-t-dc': 'GB/T DC',
  chaoji: 'ChaoJi',
};

/** The name a driver knows the port by: its label, else its physical reference, else `#id`. */
export function portName(evse: Evse, locale = 'en'): string {
  return evse.label || evse.physicalReference || t(locale, 'portFallbackName', { id: evse.id });
}

/** Maximum power in kW: `powerOptions.maxPower` (W), else the strongest connector's `maxPowerWh`. */
export function maxPowerKw(evse: Evse): number | null {
  const watts =
    evse.powerOptions?.maxPower ??
    Math.max(0, ...(evse.connectors ?? []).map((connector) => connector.maxPowerWh ?? 0));
  return watts > 0 ? watts / 1000 : null;
}

/**
 * The bookable charging ports (EVSEs) of a location, as a group of radio cards.
 *
 * @summary Lets the driver pick the charging port to book.
 *
 * @fires ev-port-select - The driver picked a port. `detail: { evseId: number }`.
 *
 * @csspart port-list - The fieldset grouping the ports.
 * @csspart port - One port's card (a label around its radio button).
 *
 * @cssprop --ev-port-list-selected-border - Border of the selected card (default `--ev-color-accent`).
 * @cssprop --ev-color-bg, --ev-color-fg, --ev-color-muted, --ev-color-accent, --ev-color-border, --ev-color-danger - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr locale - BCP 47 locale of the texts and numbers.
 * @attr disabled - Disables every port.
 * @attr loading - Shows a placeholder while the ports load.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvPortList extends LitElement {
  static override styles = [tokens, base, styles];
  static override properties: PropertyDeclarations = {
    ports: { attribute: false },
    selected: { type: Number },
    disabled: { type: Boolean, reflect: true },
    loading: { type: Boolean, reflect: true },
    locale: {},
  };

  /** The ports to offer (the orchestrator passes only `bookingEnabled` ones). */
  ports: Evse[] = [];
  /** The `id` of the selected EVSE. */
  selected: number | null = null;
  /** Disables every port. */
  disabled = false;
  /** Shows a skeleton with the list's space reserved. */
  loading = false;
  /** BCP 47 locale of the texts and numbers. */
  locale = 'en';

  private handleChange(evse: Evse): void {
    this.selected = evse.id;
    this.dispatchEvent(createEvent<PortSelectDetail>('ev-port-select', { evseId: evse.id }));
  }

  private renderPort(evse: Evse): TemplateResult {
    const { locale } = this;
    const status = evse.status ?? 'enabled';
    const usable = status === 'enabled';
    const connectors = [
      ...new Set((evse.connectors ?? []).map((c) => CONNECTOR_NAMES[c.type.toLowerCase()] ?? c.type)),
    ];
    const kw = maxPowerKw(evse);
    const meta = [
      ...connectors,
      kw === null
        ? ''
        : t(locale, 'portPower', { power: numberFormat(locale, { maximumFractionDigits: 1 }).format(kw) }),
      evse.currentType ? evse.currentType.toUpperCase() : '',
    ].filter(Boolean);
    const id = `p${evse.id}`;
    return html`<label class="port" part="port">
      <input
        type="radio"
        name="port"
        .value=${String(evse.id)}
        .checked=${this.selected === evse.id}
        ?disabled=${!usable}
        aria-labelledby="${id}n"
        aria-describedby="${id}m ${id}s"
        @change=${(): void => this.handleChange(evse)}
      />
      <span>
        <span class="name" id="${id}n">${portName(evse, locale)}</span>
        <span class="meta" id="${id}m">${meta.join(' · ')}</span>
        <span class="state" id="${id}s"
          >${usable ? nothing : t(locale, status === 'out of order' ? 'portOutOfOrder' : 'portUnavailable')}</span
        >
      </span>
    </label>`;
  }

  override render(): TemplateResult {
    const { locale } = this;
    let body: unknown;
    if (this.loading) {
      body = html`<span class="vh">${t(locale, 'portsLoading')}</span>
        <div class="skel"></div>
        <div class="skel"></div>`;
    } else if (this.ports.length === 0) {
      body = html`<p class="empty">${t(locale, 'portsEmpty')}</p>`;
    } else {
      body = this.ports.map((evse) => this.renderPort(evse));
    }
    return html`<fieldset part="port-list" ?disabled=${this.disabled} aria-busy=${this.loading ? 'true' : 'false'}>
      <legend>${t(locale, 'portGroup')}</legend>
      ${body}
    </fieldset>`;
  }
}

if (!customElements.get('ev-port-list')) customElements.define('ev-port-list', EvPortList);

declare global {
  interface HTMLElementTagNameMap {
    'ev-port-list': EvPortList;
  }
}
