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
  }
  .confirmed .title {
    color: var(--ev-status-tracker-confirmed-color, var(--_success));
  }
  [role='alert'] {
    color: var(--ev-status-tracker-error-color, var(--_danger));
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 2px solid var(--ev-focus-ring, var(--_accent));
  }
`;
