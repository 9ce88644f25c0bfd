import { LitElement, adoptStyles, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
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
import { createEvent, type PortSelectDetail } from '../../events.js';
import { en, numberFormat, translate, type Catalogue } from '../../i18n/index.js';
import { pills } from '../../styles/pills.js';
import { base, tokens } from '../../styles/tokens.js';
import { connectorName } from './connector-names.js';
import { styles } from './port-list.styles.js';

/** The filters' code and styles: a chunk, loaded once the ports differ in connector or current. */
type PortFilters = typeof import('./port-filters.js');

/**
 * What the driver needs: "Any available port" (when more than one port is bookable), narrowed by
 * connector type and AC/DC, or one specific port, as a group of radio cards.
 *
 * `selected` is the chosen EVSE id, or null for "Any available port" (the default when offered).
 * The connector chips appear when the ports have more than one connector type, the AC/DC choice
 * when they have both; a port that does not fit the filter is not listed. The chips' code is a
 * chunk (`port-filters.ts`) loaded only then (`updateComplete` waits for it).
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
 * @attr locale - BCP 47 locale of the dates, times and numbers (default `en`); the texts are the `catalogue` property's, English unless a host gives its own.
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
  /** BCP 47 locale of the dates, times and numbers; the texts are `catalogue`'s. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;

  /** Whether "Any available port" is offered. */
  get anyPortOffered(): boolean {
    return !this.noAnyPort && offersAnyPort(this.ports);
  }

  /** The filters' code, once loaded (only ports that differ need it). */
  #filters: PortFilters | undefined;
  #filtersLoading: Promise<void> | undefined;

  /** The driver's filter: connector types in lower case, and the current type (for the filters' chunk). @internal */
  get filter(): { connectorTypes: string[]; currentType: CurrentType | null } {
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

  override willUpdate(): void {
    const { ports } = this;
    if (!this.loading && (allConnectorTypes(ports).length > 1 || allCurrentTypes(ports).length > 1)) {
      this.#filtersLoading ??= import('./port-filters.js').then(
        (filters) => {
          adoptStyles(this.renderRoot as ShadowRoot, [...EvPortList.elementStyles, filters.filterStyles]);
          this.#filters = filters;
          this.requestUpdate();
        },
        // Without them (say, offline) the list still offers every port; tried again at the next update.
        () => (this.#filtersLoading = undefined),
      );
    }
  }

  /** Resolves once rendered with the filters' code, when it is on its way. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#filters || !this.#filtersLoading) return done;
    await this.#filtersLoading;
    return super.getUpdateComplete();
  }

  #renderPorts(): TemplateResult | TemplateResult[] {
    const { ports } = this;
    if (!ports.length) return html`<p class="empty">${translate(this.catalogue, 'portsEmpty')}</p>`;
    const filter = this.filter;
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
    return html`${loading ? nothing : (this.#filters?.renderFilters(this) ?? nothing)}
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
