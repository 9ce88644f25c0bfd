import { LitElement, adoptStyles, html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import type { Evse } from '../../api/schemas.js';
import { allConnectorTypes, allCurrentTypes, offersAnyPort, type CurrentType } from '../../booking/ports.js';
import { parseList } from '../../booking/slots.js';
import { en, translate, type Catalogue } from '../../i18n/index.js';
import { pills } from '../../styles/pills.js';
import { base, tokens } from '../../styles/tokens.js';
import { styles } from './port-list.styles.js';

/** The cards' code and styles: a chunk, loaded once there are ports to show (after the first start times). */
type PortCards = typeof import('./port-cards.js');
/** The filters' code and styles: a chunk, loaded once the ports differ in connector or current. */
type PortFilters = typeof import('./port-filters.js');

/**
 * What the driver needs: "Any available port" (when more than one port is bookable), narrowed by
 * connector type and AC/DC, or one specific port, as a group of radio cards.
 *
 * `selected` is the chosen EVSE id, or null for "Any available port" (the default when offered).
 * The connector chips appear when the ports have more than one connector type, the AC/DC choice
 * when they have both; a port that does not fit the filter is not listed. The cards' code is a
 * chunk (`port-cards.ts`) loaded once there are ports to show, and the chips' another
 * (`port-filters.ts`) loaded only when the ports differ; until the cards are here the list shows
 * its skeleton (`updateComplete` waits for both).
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

  /** The cards' code, once loaded (once there are ports to show). */
  #cards: PortCards | undefined;
  #cardsLoading: Promise<void> | undefined;
  /** The filters' code, once loaded (only ports that differ need it). */
  #filters: PortFilters | undefined;
  #filtersLoading: Promise<void> | undefined;

  /** The driver's filter: connector types in lower case, and the current type (for the chunks). @internal */
  get filter(): { connectorTypes: string[]; currentType: CurrentType | null } {
    return { connectorTypes: this.connectorTypes.map((type) => type.toLowerCase()), currentType: this.currentType };
  }

  /** The chunks' styles beside the element's own, once each is here. */
  #adoptChunkStyles(): void {
    const chunkStyles = [this.#cards?.cardStyles, this.#filters?.filterStyles].filter((sheet) => sheet !== undefined);
    adoptStyles(this.renderRoot as ShadowRoot, [...EvPortList.elementStyles, ...chunkStyles]);
    this.requestUpdate();
  }

  override willUpdate(): void {
    if (this.loading) return;
    // Without them (say, offline) the list keeps its skeleton, or offers every port without the
    // filters; tried again at the next update.
    this.#cardsLoading ??= import('./port-cards.js').then(
      (cards) => {
        this.#cards = cards;
        this.#adoptChunkStyles();
      },
      () => (this.#cardsLoading = undefined),
    );
    const { ports } = this;
    if (allConnectorTypes(ports).length > 1 || allCurrentTypes(ports).length > 1) {
      this.#filtersLoading ??= import('./port-filters.js').then(
        (filters) => {
          this.#filters = filters;
          this.#adoptChunkStyles();
        },
        () => (this.#filtersLoading = undefined),
      );
    }
  }

  /** Resolves once rendered with the cards' and the filters' code, when they are on their way. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    const pending = [!this.#cards && this.#cardsLoading, !this.#filters && this.#filtersLoading].filter(
      (loading) => loading,
    );
    if (!pending.length) return done;
    await Promise.all(pending);
    return super.getUpdateComplete();
  }

  override render(): TemplateResult {
    // The skeleton while the ports load, and while the cards' code is on its way.
    const cards = this.loading ? undefined : this.#cards;
    return html`${cards ? (this.#filters?.renderFilters(this) ?? nothing) : nothing}
      <fieldset part="port-list" ?disabled=${this.disabled} aria-busy=${!cards}>
        <legend>${translate(this.catalogue, 'portGroup')}</legend>
        <div class="ports">
          ${
            cards
              ? cards.renderPorts(this)
              : html`<span class="vh">${translate(this.catalogue, 'portsLoading')}</span>
                  <div class="skeleton"></div>
                  <div class="skeleton"></div>`
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
