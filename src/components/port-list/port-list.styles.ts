import { css } from 'lit';

export const styles = css`
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: grid;
    gap: var(--_s);
  }
  legend {
    padding: 0;
    margin-bottom: var(--_s);
    font-weight: 600;
  }
  .port {
    display: flex;
    gap: calc(var(--_s) * 1.5);
    align-items: start;
    padding: calc(var(--_s) * 1.5);
    border: 1px solid var(--_bd);
    border-radius: var(--_r);
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
    color: var(--_mu);
    font-size: 0.875em;
  }
  .state {
    color: var(--_er);
  }
  .skel {
    height: 4.25rem;
  }
  .empty {
    color: var(--_mu);
  }
`;
