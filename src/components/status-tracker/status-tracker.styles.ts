import { css } from 'lit';

/** The status block: progress, alerts, the action button. The card's own styles come with it (`booking-card.ts`). */
export const styles = css`
  [part='status'] {
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
    font-size: inherit;
  }
  .confirmed h3,
  .cancelling h3 {
    color: var(--ev-status-tracker-confirmed-color, var(--_success));
  }
  .rejected h3,
  .error h3,
  [role='alert'] {
    color: var(--ev-status-tracker-error-color, var(--_danger));
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--ev-focus-ring, var(--_accent));
  }
  h3 {
    margin: 0;
    font-size: var(--_text-large);
  }
`;
