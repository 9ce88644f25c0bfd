import { css } from 'lit';

/** The confirmation card and the pending card, adopted by the status tracker when the card's code arrives. */
export const cardStyles = css`
  .card {
    justify-self: stretch;
    display: grid;
    gap: calc(var(--_space) * 1.5);
    padding: calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .card.confirmed {
    border-top: 4px solid var(--ev-status-tracker-confirmed-color, var(--_success));
  }
  .card.pending {
    border-style: dashed;
  }
  h3 {
    margin: 0;
    font-size: var(--_text-large);
    color: var(--ev-status-tracker-confirmed-color, var(--_success));
  }
  .cancelled h3 {
    color: var(--_text);
  }
  .facts {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    margin: 0;
  }
  /* Term and value side by side; on a narrow card the value goes under its term. */
  .facts div {
    display: flex;
    flex-wrap: wrap;
    column-gap: var(--_space);
  }
  dt {
    flex: 0 0 6.5em;
  }
  dd {
    flex: 1 1 14em;
  }
  dt {
    color: var(--_muted);
    font-size: var(--_text-small);
    padding-top: 0.1em;
  }
  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .next {
    color: var(--_muted);
    font-size: var(--_text-small);
  }
  .calendar,
  .actions,
  .confirm {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .confirm p {
    flex-basis: 100%;
    font-weight: 600;
  }
  .button-link {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 2);
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    color: var(--_accent);
    font-weight: 600;
    text-decoration: none;
  }
  .danger {
    border-color: var(--_danger);
    color: var(--_danger);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    .button-link {
      border-color: LinkText;
    }
  }
`;
