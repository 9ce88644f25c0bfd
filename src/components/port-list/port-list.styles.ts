import { css } from 'lit';

/** The list's frame and its skeleton; the cards' styles come with their code (`port-cards.ts`). */
export const styles = css`
  :host {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .ports {
    display: grid;
    gap: var(--_space);
  }
  .skeleton {
    height: 3.5rem;
  }
`;
