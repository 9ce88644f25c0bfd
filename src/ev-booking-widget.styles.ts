import { css } from 'lit';
import { base, tokens } from './styles/tokens.js';

/** The widget's own layout, over the shared tokens and base styles. */
export const widgetStyles = [
  tokens,
  base,
  css`
    :host {
      max-width: 40rem;
      border: 1px solid var(--_bd);
      border-radius: var(--_r);
      padding: calc(var(--_s) * 2);
    }
    [part='base'] {
      display: grid;
      gap: calc(var(--_s) * 2);
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
      min-height: 1.4em;
    }
    .note {
      color: var(--_mu);
      font-size: 0.875em;
    }
    .duration {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_s);
    }
    label {
      font-weight: 600;
    }
    .error {
      color: var(--_er);
    }
    .fatal,
    .cancel {
      display: grid;
      gap: var(--_s);
      justify-items: start;
    }
    .cancel-actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_s);
    }
  `,
];
