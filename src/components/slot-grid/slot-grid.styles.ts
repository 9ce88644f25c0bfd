import { css } from 'lit';

export const styles = css`
  .nav {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .day {
    flex: 1;
    text-align: center;
  }
  /* Phones: the date on its own row above the two buttons. */
  @media (max-width: 30rem) {
    .day {
      flex-basis: 100%;
      order: -1;
    }
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .nav button {
    padding: 0 var(--_space);
  }
  .tz,
  .empty {
    margin: var(--_space) 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(var(--ev-slot-grid-columns, auto-fill), minmax(5.25rem, 1fr));
    gap: var(--_space);
    min-height: 2.75rem;
  }
  .grid button {
    padding: 0 .25rem;
    white-space: nowrap; /* 12-hour times (11:30 PM, 11:30 م) stay on one line */
    font-variant-numeric: tabular-nums;
  }
  .grid :enabled:hover {
    border-color: var(--ev-slot-grid-selected-bg, var(--_accent));
  }
  [aria-pressed=true] {
    background: var(--ev-slot-grid-selected-bg, var(--_accent));
    color: var(--ev-slot-grid-selected-fg, var(--_on-accent));
    border-color: transparent;
    font-weight: 600;
  }
  .skel {
    height: 2.75rem;
  }
`;
