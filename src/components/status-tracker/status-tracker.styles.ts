import { css } from 'lit';

export const styles = css`
  [part='status'] {
    display: grid;
    gap: var(--_ev-space);
    justify-items: start;
  }
  :host([status='idle']) [part='status'] {
    display: contents;
  }
  p {
    margin: 0;
  }
  .title {
    font-weight: 600;
  }
  .confirmed .title {
    color: var(--ev-status-tracker-confirmed-color, var(--_ev-success));
  }
  [role='alert'] {
    color: var(--ev-status-tracker-error-color, var(--_ev-danger));
  }
  .spin {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.4em;
    vertical-align: -0.1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .spin {
      animation: ev-spin 0.9s linear infinite;
    }
  }
  @keyframes ev-spin {
    to {
      transform: rotate(1turn);
    }
  }
`;
