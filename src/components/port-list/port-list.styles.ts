import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .ports {
    display: grid;
    gap: var(--_space);
  }
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
    overflow-wrap: anywhere;
  }
  .name,
  .meta,
  .state {
    display: block;
  }
  .meta,
  .state {
    color: var(--_muted);
    font-size: var(--_text-small);
  }
  .state {
    color: var(--_danger);
  }
  .skeleton {
    height: 3.5rem;
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
