import { css } from 'lit';

/** The status block, which takes no room while idle. */
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
`;
