import { css } from 'lit';

export const styles = css`
  form {
    display: grid;
    gap: var(--_s);
  }
  label {
    font-weight: 600;
  }
  input {
    width: 100%;
  }
  [aria-invalid=true] {
    border-color: var(--_er);
  }
  .msg {
    color: var(--_er);
    font-size: 0.875em;
  }
  .msg:empty {
    display: none;
  }
  a {
    color: var(--_ac);
  }
  .summary {
    margin: var(--_s) 0 0;
  }
`;
