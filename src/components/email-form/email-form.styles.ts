import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: var(--_ev-space);
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 var(--_ev-space);
    border: 1px solid var(--_ev-border);
    border-radius: var(--_ev-radius);
    background: var(--_ev-bg);
    color: var(--_ev-fg);
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--_ev-danger);
  }
  .msg {
    color: var(--_ev-danger);
    font-size: 0.875em;
  }
  .msg:empty {
    display: none;
  }
  .msg p {
    margin: 0;
  }
  a {
    color: var(--_ev-accent);
  }
  .summary {
    margin: var(--_ev-space) 0 0;
  }
`;
