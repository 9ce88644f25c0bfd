import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: var(--_space);
  }
  label {
    font-weight: 600;
  }
  input {
    width: 100%;
  }
  [aria-invalid=true] {
    border-color: var(--_danger);
  }
  .msg {
    color: var(--_danger);
    font-size: 0.875em;
  }
  .msg:empty {
    display: none;
  }
  a {
    color: var(--_accent);
  }
  .summary {
    margin: var(--_space) 0 0;
  }
`;
