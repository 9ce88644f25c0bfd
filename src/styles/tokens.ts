/**
 * Design tokens shared by every element of the widget.
 *
 * Public tokens (`--ev-color-*`, `--ev-color-scheme`, `--ev-radius`, `--ev-space`, `--ev-font`)
 * are never set by this sheet: the page sets them on the element or an ancestor, and they
 * inherit through shadow DOM. `:host` resolves each with its light or dark default into a
 * private `--_*` property that the element's styles use (`--_bg`, `--_fg`, `--_ac` accent,
 * `--_af` text on the accent, `--_ok` success, `--_mu`, `--_bd`, `--_er`,
 * `--_r`, `--_s`).
 *
 * Nesting: the sheet's `*` rule makes every element inside a shadow tree inherit the private
 * properties and `color-scheme`. For a subcomponent inside `<ev-booking-widget>`'s shadow root
 * that rule comes from the outer tree and so wins over the subcomponent's own `:host` defaults: it
 * takes the scheme its host resolved (a `theme="light"` widget on a dark OS stays light all the
 * way down), while a standalone subcomponent resolves its own `theme` and `prefers-color-scheme`.
 *
 * The build strips only comments and the whitespace around `{ } ; , :`, so the sheets leave out
 * optional quotes, leading zeros and spaces, except where writing a value as the widget's own
 * sheet does (`0.875em`, `calc(… * 2)`) compresses better.
 */
import { css } from 'lit';

const dark = css`
  --_bg: var(--ev-color-bg, #15181d);
  --_fg: var(--ev-color-fg, #eceef2);
  --_mu: var(--ev-color-muted, #a4acb9);
  --_ac: var(--ev-color-accent, #7ab8ff);
  --_af: var(--ev-color-accent-fg, #0b1622);
  --_bd: var(--ev-color-border, #7c8594);
  --_er: var(--ev-color-danger, #ff8f87);
  --_ok: var(--ev-color-success, #6fd39a);
  color-scheme: var(--ev-color-scheme, dark);
`;

/** Token resolution, scheme selection and the host's base typography. */
export const tokens = css`
  :host {
    --_bg: var(--ev-color-bg, #fff);
    --_fg: var(--ev-color-fg, #1a1d21);
    --_mu: var(--ev-color-muted, #596170);
    --_ac: var(--ev-color-accent, #0a5fb4);
    --_af: var(--ev-color-accent-fg, #fff);
    --_bd: var(--ev-color-border, #7c8491);
    --_er: var(--ev-color-danger, #b3261e);
    --_ok: var(--ev-color-success, #1b7340);
    --_r: var(--ev-radius, .5rem);
    --_s: var(--ev-space, .5rem);
    color-scheme: var(--ev-color-scheme, light);
    display: block;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--ev-font, inherit);
    line-height: 1.4;
  }
  :host([hidden]) {
    display: none;
  }
  :host([theme=dark]) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme=light])) {
      ${dark}
    }
  }
  * {
    box-sizing: border-box;
    --_bg: inherit;
    --_fg: inherit;
    --_mu: inherit;
    --_ac: inherit;
    --_af: inherit;
    --_bd: inherit;
    --_er: inherit;
    --_ok: inherit;
    color-scheme: inherit;
  }
`;

/** Controls shared by the elements: buttons, form fields, focus ring, visually hidden text, skeletons, spinner. */
export const base = css`
  button,
  input,
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 var(--_s);
    border: 1px solid var(--_bd);
    border-radius: var(--_r);
    background: var(--_bg);
    color: var(--_fg);
  }
  button {
    min-width: 2.75rem;
    padding: 0 calc(var(--_s) * 2);
    cursor: pointer;
  }
  .primary {
    background: var(--ev-button-bg, var(--_ac));
    color: var(--ev-button-fg, var(--_af));
    border-color: transparent;
    font-weight: 600;
  }
  button:disabled,
  [aria-disabled=true] {
    cursor: not-allowed;
    opacity: .6;
  }
  :focus-visible {
    outline: 2px solid var(--ev-focus-ring, var(--_ac));
    outline-offset: 2px;
  }
  p {
    margin: 0;
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
    border-radius: var(--_r);
    background: color-mix(in srgb, var(--_fg) 10%, transparent);
  }
  @media (prefers-reduced-motion: no-preference) {
    .skel {
      animation: p 1.2s ease-in-out infinite alternate;
    }
    button {
      transition: background-color .15s, border-color .15s;
    }
    .spin {
      animation: s .9s linear infinite;
    }
  }
  @keyframes p {
    to {
      opacity: .4;
    }
  }
  @keyframes s {
    to {
      transform: rotate(1turn);
    }
  }
`;
