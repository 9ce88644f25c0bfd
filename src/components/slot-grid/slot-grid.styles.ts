import { css } from 'lit';

export const styles = css`
  .nav {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_ev-space);
  }
  .day {
    flex: 1;
    text-align: center;
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .nav button {
    padding: 0 var(--_ev-space);
  }
  .tz,
  .empty {
    margin: var(--_ev-space) 0;
    color: var(--_ev-muted);
    font-size: 0.875em;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(var(--ev-slot-grid-columns, auto-fill), minmax(4.5rem, 1fr));
    gap: var(--_ev-space);
    min-height: 2.75rem;
  }
  .grid button {
    padding: 0 0.25rem;
    font-variant-numeric: tabular-nums;
  }
  .grid button:hover:not(:disabled) {
    border-color: var(--ev-slot-grid-selected-bg, var(--_ev-accent));
  }
  .grid button[aria-pressed='true'] {
    background: var(--ev-slot-grid-selected-bg, var(--_ev-accent));
    color: var(--ev-slot-grid-selected-fg, var(--_ev-accent-fg));
    border-color: transparent;
    font-weight: 600;
  }
  .skel {
    height: 2.75rem;
  }
`;
