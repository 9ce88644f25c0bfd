import { css } from 'lit';

/**
 * The view of a booking under way (`status-view.ts`): progress, outcomes, alerts, the action
 * button. In the booking parts' chunk (`../booking-parts.ts`, with the card's own styles).
 */
export const statusStyles = css`
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
