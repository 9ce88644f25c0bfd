import { css } from 'lit';
import { bookerLayout } from './styles/layout.js';
import { base, tokens } from './styles/tokens.js';

/** The widget's own layout, over the shared tokens and base styles. */
export const widgetStyles = [
  tokens,
  base,
  bookerLayout,
  css`
    :host {
      /* Two panes from 720 px of the widget's own width (styles/layout.ts), one column below. */
      max-width: 64rem;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: calc(var(--_space) * 2);
    }
    [part='base'] {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    h2 {
      margin: 0;
      font-size: 1.25em;
      min-height: 1.4em;
    }
    .note {
      color: var(--_muted);
      font-size: 0.875em;
    }
    .error {
      color: var(--_danger);
    }
    .fatal {
      display: grid;
      gap: var(--_space);
      justify-items: start;
    }
  `,
];
