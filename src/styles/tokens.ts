/**
 * Design tokens shared by every element of the widget.
 *
 * Public tokens (`--ev-color-*`, `--ev-color-scheme`, `--ev-radius`, `--ev-space`, `--ev-font`)
 * are never set by this sheet: the page sets them on the element or an ancestor, and they
 * inherit through shadow DOM. `:host` resolves each with its light or dark default into a
 * private `--_ev-*` property that the element's styles use.
 *
 * Nesting: the sheet's `*` rule makes every element inside a shadow tree inherit the private
 * properties. For a subcomponent inside `<ev-booking-widget>`'s shadow root that rule comes
 * from the outer tree and so wins over the subcomponent's own `:host` defaults: it takes the
 * scheme its host resolved (a `theme="light"` widget on a dark OS stays light all the way down),
 * while a standalone subcomponent resolves its own `theme` and `prefers-color-scheme`.
 */
import { css } from 'lit';

const dark = css`
  --_ev-bg: var(--ev-color-bg, #15181d);
  --_ev-fg: var(--ev-color-fg, #eceef2);
  --_ev-muted: var(--ev-color-muted, #a4acb9);
  --_ev-accent: var(--ev-color-accent, #7ab8ff);
  --_ev-accent-fg: var(--ev-color-accent-fg, #0b1622);
  --_ev-border: var(--ev-color-border, #7c8594);
  --_ev-danger: var(--ev-color-danger, #ff8f87);
  --_ev-success: var(--ev-color-success, #6fd39a);
  --_ev-scheme: var(--ev-color-scheme, dark);
`;

/** Token resolution, scheme selection and the host's base typography. */
export const tokens = css`
  :host {
    --_ev-bg: var(--ev-color-bg, #fff);
    --_ev-fg: var(--ev-color-fg, #1a1d21);
    --_ev-muted: var(--ev-color-muted, #596170);
    --_ev-accent: var(--ev-color-accent, #0a5fb4);
    --_ev-accent-fg: var(--ev-color-accent-fg, #fff);
    --_ev-border: var(--ev-color-border, #7c8491);
    --_ev-danger: var(--ev-color-danger, #b3261e);
    --_ev-success: var(--ev-color-success, #1b7340);
    --_ev-radius: var(--ev-radius, 0.5rem);
    --_ev-space: var(--ev-space, 0.5rem);
    --_ev-scheme: var(--ev-color-scheme, light);
    display: block;
    color-scheme: var(--_ev-scheme);
    color: var(--_ev-fg);
    background: var(--_ev-bg);
    font-family: var(--ev-font, inherit);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  * {
    box-sizing: border-box;
    /* Inside a shadow tree, a nested element takes the resolved scheme of the host around it:
       declarations from the outer tree win over the nested element's own :host defaults. */
    --_ev-bg: inherit;
    --_ev-fg: inherit;
    --_ev-muted: inherit;
    --_ev-accent: inherit;
    --_ev-accent-fg: inherit;
    --_ev-border: inherit;
    --_ev-danger: inherit;
    --_ev-success: inherit;
    --_ev-scheme: inherit;
  }
`;

/** Controls shared by the elements: buttons, form fields, focus ring, visually hidden text, skeletons. */
export const base = css`
  input,
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 var(--_ev-space);
    border: 1px solid var(--_ev-border);
    border-radius: var(--_ev-radius);
    background: var(--_ev-bg);
    color: var(--_ev-fg);
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0 calc(var(--_ev-space) * 2);
    border-radius: var(--_ev-radius);
    border: 1px solid var(--_ev-border);
    background: var(--_ev-bg);
    color: var(--_ev-fg);
    cursor: pointer;
  }
  button.primary {
    background: var(--ev-button-bg, var(--_ev-accent));
    color: var(--ev-button-fg, var(--_ev-accent-fg));
    border-color: transparent;
    font-weight: 600;
  }
  button:disabled,
  button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--ev-focus-ring, var(--_ev-accent));
    outline-offset: 2px;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .skel {
    border-radius: var(--_ev-radius);
    background: color-mix(in srgb, var(--_ev-fg) 10%, transparent);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skel {
      animation: ev-pulse 1.2s ease-in-out infinite alternate;
    }
    button {
      transition: background-color 0.15s, border-color 0.15s;
    }
  }
  @keyframes ev-pulse {
    to {
      opacity: 0.4;
    }
  }
`;
