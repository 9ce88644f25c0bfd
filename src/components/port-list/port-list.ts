import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Evse } from '../../api/schemas.js';
import { createEvent, type PortSelectDetail } from '../../events.js';
import { type Catalogue, en, numberFormat, translate } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { styles } from './port-list.styles.js';

/**
 * Human names of Ampeco connector types, by type in lower case; unknown types are shown as the API
 * writes them. An entry is `type=Name`, or just `Name` when the type is the name in lower case
 * without its space.
 */
const CONNECTOR_NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  'Type 1,Type 2,Type 3,CHAdeMO,CCS1,CCS2,Schuko,NACS,cee16=CEE 16 A,cee32=CEE 32 A,J1772,Inductive,nema-5-20=NEMA 5-20,nema-6-30=NEMA 6-30,nema-6-50=NEMA 6-50,type-e-french=Type E,type-g-british=Type G,type-j-swiss=Type J,Avcon,gb-t-ac=GB/T AC,gb-t-dc=GB/T DC,ChaoJi'
    .split(',')
    .map((entry) => {
      const [name, type = name.toLowerCase().replace(' ', '')] = entry.split('=').reverse() as [string, string?];
      return [type, name];
    }),
);

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
 * @attr locale - BCP 47 locale of the numbers (the texts come from `catalogue`).
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
    catalogue: { attribute: false },
  };

  /** The ports to offer (the orchestrator passes only `bookingEnabled` ones). */
  ports: Evse[] = [];
  /** The `id` of the selected EVSE. */
  selected: number | null = null;
  /** Disables every port. */
  disabled = false;
  /** Shows a skeleton with the list's space reserved. */
  loading = false;
  /** BCP 47 locale of the numbers (the texts come from `catalogue`). */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  #handleChange(event: Event): void {
    const evseId = Number((event.target as HTMLInputElement).value);
    this.selected = evseId;
    this.dispatchEvent(createEvent<PortSelectDetail>('ev-port-select', { evseId }));
  }

  override render(): TemplateResult {
    const { locale, catalogue, loading, ports } = this;
    return html`<fieldset part="port-list" ?disabled=${this.disabled} aria-busy=${loading}>
      <legend>${translate(catalogue, 'portGroup')}</legend>
      ${
        loading
          ? html`<span class="vh">${translate(catalogue, 'portsLoading')}</span>
              <div class="skel"></div>
              <div class="skel"></div>`
          : ports.length
            ? ports.map((evse) => {
                const { id } = evse;
                const status = evse.status ?? 'enabled';
                const usable = status === 'enabled';
                const connectors = evse.connectors ?? [];
                // Watts: `powerOptions.maxPower`, else the strongest connector's `maxPowerWh`.
                const watts = evse.powerOptions?.maxPower ?? Math.max(0, ...connectors.map((c) => c.maxPowerWh ?? 0));
                const meta = [
                  ...new Set(connectors.map((c) => CONNECTOR_NAMES[c.type.toLowerCase()] ?? c.type)),
                  watts > 0 &&
                    translate(catalogue, 'portPower', {
                      power: numberFormat(locale, { maximumFractionDigits: 1 }).format(watts / 1000),
                    }),
                  evse.currentType?.toUpperCase(),
                ];
                return html`<label class="port" part="port">
                  <input
                    type="radio"
                    name="port"
                    value=${id}
                    .checked=${this.selected === id}
                    ?disabled=${!usable}
                    aria-labelledby="p${id}n"
                    aria-describedby="p${id}m p${id}s"
                    @change=${this.#handleChange} />
                  <span>
                    <span class="name" id="p${id}n">${
                      evse.label || evse.physicalReference || translate(catalogue, 'portFallbackName', { id })
                    }</span>
                    <span class="meta" id="p${id}m">${meta
                      .filter(Boolean)
                      .map((m, i) => html`${i ? ' · ' : ''}<bdi>${m}</bdi>`)}</span>
                    <span class="state" id="p${id}s">${
                      usable
                        ? nothing
                        : translate(catalogue, status === 'out of order' ? 'portOutOfOrder' : 'portUnavailable')
                    }</span>
                  </span>
                </label>`;
              })
            : html`<p class="empty">${translate(catalogue, 'portsEmpty')}</p>`
      }
    </fieldset>`;
  }
}

if (!customElements.get('ev-port-list')) customElements.define('ev-port-list', EvPortList);

declare global {
  interface HTMLElementTagNameMap {
    'ev-port-list': EvPortList;
  }
}
