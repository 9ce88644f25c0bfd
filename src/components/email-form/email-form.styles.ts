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
    width: 100%;
  }
  [aria-invalid=true] {
    border-color: var(--_ev-danger);
  }
  .msg {
    color: var(--_ev-danger);
    font-size: 0.875em;
  }
  .msg:empty {
    display: none;
  }
  a {
    color: var(--_ac);
  }
  .summary {
    margin: var(--_ev-space) 0 0;
  }
`;
