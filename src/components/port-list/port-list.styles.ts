import { css } from 'lit';

export const styles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: grid;
    gap: var(--_ev-space);
  }
  legend {
    padding: 0;
    margin-bottom: var(--_ev-space);
    font-weight: 600;
  }
  .port {
    display: flex;
    gap: calc(var(--_ev-space) * 1.5);
    align-items: start;
    padding: calc(var(--_ev-space) * 1.5);
    border: 1px solid var(--_ev-border);
    border-radius: var(--_ev-radius);
    background: var(--_bg);
    cursor: pointer;
  }
  .port:has(:checked) {
    border-color: var(--ev-port-list-selected-border, var(--_ac));
    box-shadow: inset 0 0 0 1px var(--ev-port-list-selected-border, var(--_ac));
  }
  .port:has(:disabled) {
    cursor: not-allowed;
    border-style: dashed;
  }
  input {
    width: 1.25rem;
    margin: .1rem 0 0;
    flex: none;
    accent-color: var(--ev-port-list-selected-border, var(--_ac));
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
    color: var(--_ev-muted);
    font-size: 0.875em;
  }
  .state {
    color: var(--_ev-danger);
  }
  .skel {
    height: 4.25rem;
  }
  .empty {
    color: var(--_ev-muted);
  }
`;
