/**
 * `<ev-port-list>`'s connector and AC/DC filters, a chunk beside the entry
 * (`chunk-port-filters-….js`) that the list loads once its ports have more than one connector
 * type or both currents. That is known from the ports' details, which come after the first start
 * times (the availability alone names no connector): an English page loads none of it before
 * them, and a page whose ports are all alike never. The element holds the filter's properties;
 * this renders the chips, tells the element's host what the driver chose, and says in a polite
 * live region how many ports the filters match after each change.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { allConnectorTypes, allCurrentTypes, portMatches } from '../../booking/ports.js';
import { createEvent, type PortFilterDetail, type PortSelectDetail } from '../../events.js';
import { translate } from '../../i18n/index.js';
import { connectorName, portsFitting, portTexts } from './port-cards.js';
import type { EvPortList } from './port-list.js';

export const filterStyles = css`
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space) calc(var(--_space) * 3);
  }
  .filters legend {
    font-size: var(--_text-small);
    color: var(--_muted);
    font-weight: 600;
    margin-bottom: calc(var(--_space) * 0.5);
  }
`;

/** How many bookable ports the driver's last change of the filters left, per list (none before a change): said politely. */
const matchedByList = new WeakMap<EvPortList, number>();

/**
 * A filter changed: tell the host, and say how many ports match now (the list and the start times
 * change without a word otherwise); a chosen port that no longer fits gives way to "any".
 */
function filterChanged(list: EvPortList): void {
  const filter = list.filter;
  matchedByList.set(list, portsFitting(list).fitting);
  list.dispatchEvent(createEvent<PortFilterDetail>('ev-port-filter', filter));
  const chosen = list.ports.find((port) => port.id === list.selected);
  if (chosen && list.anyPortOffered && !portMatches(chosen, filter)) {
    list.selected = null;
    list.dispatchEvent(createEvent<PortSelectDetail>('ev-port-select', { evseId: null }));
  }
}

function handleConnectorChange(list: EvPortList, input: HTMLInputElement): void {
  const others = list.filter.connectorTypes.filter((type) => type !== input.value);
  list.connectorTypes = input.checked ? [...others, input.value] : others;
  filterChanged(list);
}

function handleCurrentChange(list: EvPortList, value: string): void {
  list.currentType = value === 'ac' || value === 'dc' ? value : null;
  filterChanged(list);
}

/** The connector chips (more than one type) and the AC/DC choice (both currents); nothing when the ports are alike. */
export function renderFilters(list: EvPortList): TemplateResult | typeof nothing {
  const { ports } = list;
  const catalogue = portTexts(list.catalogue);
  const types = allConnectorTypes(ports);
  const currents = allCurrentTypes(ports);
  if (types.length < 2 && currents.length < 2) return nothing;
  const wanted = list.filter.connectorTypes;
  const matched = matchedByList.get(list);
  return html`<div class="filters" part="filters">
    <p class="vh" role="status">${
      matched === undefined
        ? nothing
        : matched
          ? translate(catalogue, 'portsMatching', { count: matched })
          : translate(catalogue, 'noMatchingPorts')
    }</p>
    ${
      types.length > 1
        ? html`<fieldset>
            <legend>${translate(catalogue, 'connectorFilter')}</legend>
            <div class="pills">
              ${types.map(
                (type) => html`<label class="pill" part="chip"
                  ><input
                    type="checkbox"
                    value=${type}
                    .checked=${wanted.includes(type)}
                    @change=${(event: Event): void =>
                      handleConnectorChange(
                        list,
                        event.target as HTMLInputElement,
                      )} /><bdi>${connectorName(type)}</bdi></label
                >`,
              )}
            </div>
          </fieldset>`
        : nothing
    }
    ${
      currents.length > 1
        ? html`<fieldset>
            <legend>${translate(catalogue, 'currentFilter')}</legend>
            <div class="pills">
              ${(['all', 'ac', 'dc'] as const).map(
                (value) => html`<label class="pill" part="chip"
                  ><input
                    type="radio"
                    name="current"
                    value=${value}
                    .checked=${(list.currentType ?? 'all') === value}
                    @change=${(): void => handleCurrentChange(list, value)} />${translate(
                      catalogue,
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
