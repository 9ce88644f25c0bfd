import { LitElement, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Evse } from '../../api/schemas.js';
import {
  allConnectorTypes,
  allCurrentTypes,
  isBookable,
  offersAnyPort,
  portMatches,
  type CurrentType,
} from '../../booking/ports.js';
import { parseList } from '../../booking/slots.js';
import { createEvent, type PortFilterDetail, type PortSelectDetail } from '../../events.js';
import { en, numberFormat, translate, type Catalogue } from '../../i18n/index.js';
import { pills } from '../../styles/pills.js';
import { base, tokens } from '../../styles/tokens.js';
import { connectorName } from './connector-names.js';
import { styles } from './port-list.styles.js';

/**
 * What the driver needs: "Any available port" (when more than one port is bookable), narrowed by
 * connector type and AC/DC, or one specific port, as a group of radio cards.
 *
 * `selected` is the chosen EVSE id, or null for "Any available port" (the default when offered).
 * The connector chips appear when the ports have more than one connector type, the AC/DC choice
 * when they have both; a port that does not fit the filter is not listed.
 *
 * @summary Lets the driver pick any fitting port or one specific port.
 *
 * @fires ev-port-select - The driver picked a port. `detail: { evseId: number | null }` (null: any port).
 * @fires ev-port-filter - The driver changed the filter. `detail: { connectorTypes: string[], currentType: 'ac' | 'dc' | null }`.
 *
 * @csspart port-list - The fieldset grouping the ports.
 * @csspart filters - The connector and current filters.
 * @csspart chip - One filter chip.
 * @csspart port - One port's card (a label around its radio button), also "Any available port".
 *
 * @cssprop --ev-port-list-selected-border - Border of the selected card (default `--ev-color-accent`).
 * @cssprop --ev-color-bg, --ev-color-fg, --ev-color-muted, --ev-color-accent, --ev-color-border, --ev-color-danger - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr locale - BCP 47 locale of the texts and numbers.
 * @attr connector-types - Preset connector filter, a comma list of Ampeco connector types (`ccs2,type2`).
 * @attr current-type - Preset current filter, `ac` or `dc`.
 * @attr no-any-port - Never offer "Any available port".
 * @attr disabled - Disables every control.
 * @attr loading - Shows a placeholder while the ports load.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvPortList extends LitElement {
  static override styles = [tokens, base, pills, styles];
  static override properties: PropertyDeclarations = {
    ports: { attribute: false },
    selected: { type: Number },
    connectorTypes: { attribute: 'connector-types', converter: { fromAttribute: parseList } },
    currentType: { attribute: 'current-type' },
    noAnyPort: { type: Boolean, attribute: 'no-any-port' },
    disabled: { type: Boolean, reflect: true },
    loading: { type: Boolean, reflect: true },
    locale: {},
    catalogue: { attribute: false },
  };

  /** The ports to offer (the orchestrator passes only `bookingEnabled` ones). */
  ports: Evse[] = [];
  /** The `id` of the selected EVSE; null is "Any available port" when offered. */
  selected: number | null = null;
  /** The connector types the driver wants (any of them); empty: every type. */
  connectorTypes: string[] = [];
  /** The current type the driver wants; null: either. */
  currentType: CurrentType | null = null;
  /** Never offer "Any available port" (the driver must choose a port). */
  noAnyPort = false;
  /** Disables every control. */
  disabled = false;
  /** Shows a skeleton with the list's space reserved. */
  loading = false;
  /** BCP 47 locale of the texts and numbers. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  /** Whether "Any available port" is offered. */
  get anyPortOffered(): boolean {
    return !this.noAnyPort && offersAnyPort(this.ports);
  }

  get #filter(): { connectorTypes: string[]; currentType: CurrentType | null } {
    return { connectorTypes: this.connectorTypes.map((type) => type.toLowerCase()), currentType: this.currentType };
  }

  #select(evseId: number | null): void {
    this.selected = evseId;
    this.dispatchEvent(createEvent<PortSelectDetail>('ev-port-select', { evseId }));
  }

  #handlePortChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.#select(value === 'any' ? null : Number(value));
  }

  /** A filter changed: tell the orchestrator; a chosen port that no longer fits gives way to "any". */
  #filterChanged(): void {
    const filter = this.#filter;
    this.dispatchEvent(createEvent<PortFilterDetail>('ev-port-filter', filter));
    const chosen = this.ports.find((port) => port.id === this.selected);
    if (chosen && this.anyPortOffered && !portMatches(chosen, filter)) this.#select(null);
  }

  #handleConnectorChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const others = this.#filter.connectorTypes.filter((type) => type !== input.value);
    this.connectorTypes = input.checked ? [...others, input.value] : others;
    this.#filterChanged();
  }

  #handleCurrentChange(event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.currentType = value === 'ac' || value === 'dc' ? value : null;
    this.#filterChanged();
  }

  #renderFilters(): TemplateResult | typeof nothing {
    const { ports } = this;
    const types = allConnectorTypes(ports);
    const currents = allCurrentTypes(ports);
    if (types.length < 2 && currents.length < 2) return nothing;
    const wanted = this.#filter.connectorTypes;
    return html`<div class="filters" part="filters">
      ${
        types.length > 1
          ? html`<fieldset>
              <legend>${translate(this.catalogue, 'connectorFilter')}</legend>
              <div class="pills">
                ${types.map(
                  (type) => html`<label class="pill" part="chip"
                    ><input
                      type="checkbox"
                      value=${type}
                      .checked=${wanted.includes(type)}
                      @change=${this.#handleConnectorChange} /><bdi>${connectorName(type)}</bdi></label
                  >`,
                )}
              </div>
            </fieldset>`
          : nothing
      }
      ${
        currents.length > 1
          ? html`<fieldset>
              <legend>${translate(this.catalogue, 'currentFilter')}</legend>
              <div class="pills">
                ${(['all', 'ac', 'dc'] as const).map(
                  (value) => html`<label class="pill" part="chip"
                    ><input
                      type="radio"
                      name="current"
                      value=${value}
                      .checked=${(this.currentType ?? 'all') === value}
                      @change=${this.#handleCurrentChange} />${translate(
                        this.catalogue,
                        value === 'all' ? 'allConnectors' : value === 'ac' ? 'currentAc' : 'currentDc',
                      )}</label
                  >`,
                )}
              </div>
            </fieldset>`
          : nothing
      }
    </div>`;
  }

  #renderPort(evse: Evse): TemplateResult {
    const { locale } = this;
    const { id } = evse;
    const status = evse.status ?? 'enabled';
    const usable = status === 'enabled';
    const connectors = evse.connectors ?? [];
    // Watts: `powerOptions.maxPower`, else the strongest connector's `maxPowerWh`.
    const watts = evse.powerOptions?.maxPower ?? Math.max(0, ...connectors.map((c) => c.maxPowerWh ?? 0));
    const meta = [
      ...new Set(connectors.map((c) => connectorName(c.type))),
      watts > 0 &&
        translate(this.catalogue, 'portPower', {
          power: numberFormat(locale, { maximumFractionDigits: 1 }).format(watts / 1000),
        }),
      evse.currentType?.toUpperCase(),
    ].filter((item): item is string => !!item);
    return html`<label class="port" part="port">
      <input
        type="radio"
        name="port"
        value=${id}
        .checked=${this.selected === id}
        ?disabled=${!usable || this.disabled}
        aria-labelledby="port-${id}-name"
        aria-describedby="port-${id}-meta port-${id}-state"
        @change=${this.#handlePortChange} />
      <span>
        <span class="name" id="port-${id}-name">${evse.label || evse.physicalReference || translate(this.catalogue, 'portFallbackName', { id })}</span>
        <span class="meta" id="port-${id}-meta">${meta.map((m, i) => html`${i ? ' · ' : ''}<bdi>${m}</bdi>`)}</span>
        <span class="state" id="port-${id}-state">${
          usable ? nothing : translate(this.catalogue, status === 'out of order' ? 'portOutOfOrder' : 'portUnavailable')
        }</span>
      </span>
    </label>`;
  }

  #renderPorts(): TemplateResult | TemplateResult[] {
    const { ports } = this;
    if (!ports.length) return html`<p class="empty">${translate(this.catalogue, 'portsEmpty')}</p>`;
    const filter = this.#filter;
    const shown = ports.filter((port) => portMatches(port, filter));
    const any = this.anyPortOffered;
    const fitting = shown.filter(isBookable).length;
    return html`${
      any
        ? html`<label class="port" part="port">
            <input
              type="radio"
              name="port"
              value="any"
              .checked=${this.selected === null || !ports.some((p) => p.id === this.selected)}
              ?disabled=${this.disabled || fitting === 0}
              aria-labelledby="any-name"
              aria-describedby="any-hint"
              @change=${this.#handlePortChange} />
            <span>
              <span class="name" id="any-name">${translate(this.catalogue, 'anyPort')}</span>
              <span class="meta" id="any-hint">${translate(this.catalogue, 'anyPortHint')}</span>
            </span>
          </label>`
        : nothing
    }
    ${shown.map((port) => this.#renderPort(port))}
    ${shown.length ? nothing : html`<p class="empty">${translate(this.catalogue, 'noMatchingPorts')}</p>`}`;
  }

  override render(): TemplateResult {
    const { loading } = this;
    return html`${loading ? nothing : this.#renderFilters()}
      <fieldset part="port-list" ?disabled=${this.disabled} aria-busy=${loading}>
        <legend>${translate(this.catalogue, 'portGroup')}</legend>
        <div class="ports">
          ${
            loading
              ? html`<span class="vh">${translate(this.catalogue, 'portsLoading')}</span>
                  <div class="skeleton"></div>
                  <div class="skeleton"></div>`
              : this.#renderPorts()
          }
        </div>
      </fieldset>`;
  }
}

if (!customElements.get('ev-port-list')) customElements.define('ev-port-list', EvPortList);

declare global {
  interface HTMLElementTagNameMap {
    'ev-port-list': EvPortList;
  }
}
