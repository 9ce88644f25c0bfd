/**
 * `<ev-port-list>`'s ports: "Any available port" (when more than one port is bookable) and one
 * radio card per port fitting the filter, with its connectors, power and state. A chunk beside
 * the entry (`chunk-port-cards-….js`) that the list loads once it has ports to show: they come
 * with the ports' details, after the first start times (until then the list shows its skeleton),
 * so an English page loads none of it before them. The element holds the properties; this
 * renders the cards and tells the element's host which port the driver chose.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Evse } from '../../api/schemas.js';
import { isBookable, portMatches } from '../../booking/ports.js';
import { createEvent, type PortSelectDetail } from '../../events.js';
import { numberFormat, translate } from '../../i18n/index.js';
import { portTexts } from '../../i18n/en-ports.js';
import { connectorName } from './connector-names.js';
import type { EvPortList } from './port-list.js';

// The connector names and English's port texts, for the filters' and the booking card's chunks
// too: they import them from here (the cards are loaded by then, or with them), so that they are
// not a chunk of their own.
export { connectorName, portTexts };

export const cardStyles = css`
  .port {
    display: flex;
    gap: calc(var(--_space) * 1.5);
    align-items: start;
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .port:has(:checked) {
    border-color: var(--ev-port-list-selected-border, var(--_accent));
    box-shadow: inset 0 0 0 1px var(--ev-port-list-selected-border, var(--_accent));
    background: color-mix(in srgb, var(--_accent) 8%, var(--_background));
  }
  .port:has(:disabled) {
    cursor: not-allowed;
    border-style: dashed;
    background: transparent;
  }
  .port:has(:disabled) .name {
    color: var(--_muted);
  }
  .port input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0.1rem 0 0;
    flex: none;
    accent-color: var(--ev-port-list-selected-border, var(--_accent));
  }
  .name {
    font-weight: 600;
  }
  /* A long word ("Unavailable" with large text on a phone) breaks rather than widen its card. */
  .name,
  .meta,
  .state {
    display: block;
    overflow-wrap: anywhere;
  }
  .meta,
  .state {
    color: var(--_muted);
    font-size: var(--_text-small);
  }
  .state {
    color: var(--_danger);
  }
  .empty {
    color: var(--_muted);
  }
  @media (forced-colors: active) {
    .port:has(:checked) {
      outline: 3px solid Highlight;
      outline-offset: -1px;
    }
    .port:has(:disabled) .name {
      color: GrayText;
    }
  }
`;

/** A port's radio changed (called with the list as `this`, by Lit): the choice, told to the host. */
function portChanged(this: EvPortList, event: Event): void {
  const value = (event.target as HTMLInputElement).value;
  const evseId = value === 'any' ? null : Number(value);
  this.selected = evseId;
  this.dispatchEvent(createEvent<PortSelectDetail>('ev-port-select', { evseId }));
}

function renderPort(list: EvPortList, evse: Evse): TemplateResult {
  const { locale } = list;
  const catalogue = portTexts(list.catalogue);
  const { id } = evse;
  const status = evse.status ?? 'enabled';
  const usable = status === 'enabled';
  const connectors = evse.connectors ?? [];
  // Watts: `powerOptions.maxPower`, else the strongest connector's `maxPowerWh`.
  const watts = evse.powerOptions?.maxPower ?? Math.max(0, ...connectors.map((c) => c.maxPowerWh ?? 0));
  const meta = [
    ...new Set(connectors.map((c) => connectorName(c.type))),
    watts > 0 &&
      translate(catalogue, 'portPower', {
        power: numberFormat(locale, { maximumFractionDigits: 1 }).format(watts / 1000),
      }),
    evse.currentType?.toUpperCase(),
  ].filter((item): item is string => !!item);
  return html`<label class="port" part="port">
    <input
      type="radio"
      name="port"
      value=${id}
      .checked=${list.selected === id}
      ?disabled=${!usable || list.disabled}
      aria-labelledby="port-${id}-name"
      aria-describedby="port-${id}-meta port-${id}-state"
      @change=${portChanged} />
    <span>
      <span class="name" id="port-${id}-name">${evse.label || evse.physicalReference || translate(catalogue, 'portFallbackName', { id })}</span>
      <span class="meta" id="port-${id}-meta">${meta.map((m, i) => html`${i ? ' · ' : ''}<bdi>${m}</bdi>`)}</span>
      <span class="state" id="port-${id}-state">${
        usable ? nothing : translate(catalogue, status === 'out of order' ? 'portOutOfOrder' : 'portUnavailable')
      }</span>
    </span>
  </label>`;
}

/** The list's ports that fit its filter (all shown, the disabled ones too), and how many of them are bookable. */
export function portsFitting(list: EvPortList): { shown: Evse[]; fitting: number } {
  const filter = list.filter;
  const shown = list.ports.filter((port) => portMatches(port, filter));
  return { shown, fitting: shown.filter(isBookable).length };
}

/** "Any available port" when offered, then the ports fitting the filter (or why there are none). */
export function renderPorts(list: EvPortList): TemplateResult {
  const { ports } = list;
  const catalogue = portTexts(list.catalogue);
  if (!ports.length) return html`<p class="empty">${translate(catalogue, 'portsEmpty')}</p>`;
  const { shown, fitting } = portsFitting(list);
  return html`${
    list.anyPortOffered
      ? html`<label class="port" part="port">
          <input
            type="radio"
            name="port"
            value="any"
            .checked=${list.selected === null || !ports.some((p) => p.id === list.selected)}
            ?disabled=${list.disabled || fitting === 0}
            aria-labelledby="any-name"
            aria-describedby="any-hint"
            @change=${portChanged} />
          <span>
            <span class="name" id="any-name">${translate(catalogue, 'anyPort')}</span>
            <span class="meta" id="any-hint">${translate(catalogue, 'anyPortHint')}</span>
          </span>
        </label>`
      : nothing
  }
  ${shown.map((port) => renderPort(list, port))}
  ${shown.length ? nothing : html`<p class="empty">${translate(catalogue, 'noMatchingPorts')}</p>`}`;
}
