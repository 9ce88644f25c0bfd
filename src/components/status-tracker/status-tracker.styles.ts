import { css } from 'lit';

export const styles = css`
  [part=status] {
    display: grid;
    gap: var(--_space);
    justify-items: start;
  }
  /* The block's class is the status. */
  .idle {
    display: contents;
  }
  .title {
    font-weight: 600;
  }
  .confirmed .title {
    color: var(--ev-status-tracker-confirmed-color, var(--_success));
  }
  [role=alert] {
    color: var(--ev-status-tracker-error-color, var(--_danger));
  }
  .spin {
    display: inline-block;
    width: .9em;
    height: .9em;
    margin-inline-end: .4em;
    vertical-align: -.1em;
    border: 2px solid;
    border-inline-end-color: transparent;
    border-radius: 50%;
  }
`;
