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
  /* The message region is never display:none: it must exist, empty, before its text comes. */
  a {
    color: var(--_accent);
  }
  .summary {
    margin-top: var(--_space);
    padding: var(--_space) calc(var(--_space) * 1.5);
    border-inline-start: 3px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .summary-title {
    font-size: var(--_text-small);
    color: var(--_muted);
    font-weight: 600;
  }
  .summary-text {
    font-weight: 600;
  }
`;
