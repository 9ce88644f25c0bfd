/**
 * Design tokens shared by every element of the widget.
 *
 * Public tokens (`--ev-color-*`, `--ev-color-scheme`, `--ev-radius`, `--ev-space`, `--ev-font`)
 * are never set by this sheet: the page sets them on the element or an ancestor, and they
 * inherit through shadow DOM. `:host` resolves each with its light or dark default into a
 * private property that the elements' styles use:
 *
 * | private | public | what |
 * |---|---|---|
 * | `--_background` | `--ev-color-bg` | the widget's background |
 * | `--_text` | `--ev-color-fg` | body text |
 * | `--_muted` | `--ev-color-muted` | secondary text |
 * | `--_accent` | `--ev-color-accent` | selection, primary buttons, links |
 * | `--_on-accent` | `--ev-color-accent-fg` | text on the accent |
 * | `--_border` | `--ev-color-border` | borders of controls |
 * | `--_danger` | `--ev-color-danger` | errors, rejections |
 * | `--_success` | `--ev-color-success` | confirmations |
 * | `--_radius` | `--ev-radius` | corner radius |
 * | `--_space` | `--ev-space` | the spacing unit; the scale is its multiples (×0.5, ×1, ×1.5, ×2, ×3) |
 *
 * Derived: `--_surface` (a faint tint of the text colour for cards and chips) and the type scale
 * `--_text-small` (secondary text), `--_text-large` (headings).
 *
 * Nesting: the sheet's `*` rule makes every element inside a shadow tree inherit the private
 * properties and `color-scheme`. For a subcomponent inside `<ev-booking-widget>`'s shadow root
 * that rule comes from the outer tree and so wins over the subcomponent's own `:host` defaults: it
 * takes the scheme its host resolved (a `theme="light"` widget on a dark OS stays light all the
 * way down), while a standalone subcomponent resolves its own `theme` and `prefers-color-scheme`.
 */
import { css } from 'lit';

const dark = css`
  --_background: var(--ev-color-bg, #15181d);
  --_text: var(--ev-color-fg, #eceef2);
  --_muted: var(--ev-color-muted, #a4acb9);
  --_accent: var(--ev-color-accent, #7ab8ff);
  --_on-accent: var(--ev-color-accent-fg, #0b1622);
  --_border: var(--ev-color-border, #7c8594);
  --_danger: var(--ev-color-danger, #ff8f87);
  --_success: var(--ev-color-success, #6fd39a);
  color-scheme: var(--ev-color-scheme, dark);
`;

/** Token resolution, scheme selection and the host's base typography. */
export const tokens = css`
  :host {
    --_background: var(--ev-color-bg, #fff);
    --_text: var(--ev-color-fg, #1a1d21);
    --_muted: var(--ev-color-muted, #596170);
    --_accent: var(--ev-color-accent, #0a5fb4);
    --_on-accent: var(--ev-color-accent-fg, #fff);
    --_border: var(--ev-color-border, #7c8491);
    --_danger: var(--ev-color-danger, #b3261e);
    --_success: var(--ev-color-success, #1b7340);
    --_radius: var(--ev-radius, 0.5rem);
    --_space: var(--ev-space, 0.5rem);
    --_text-small: 0.875em;
    --_text-large: 1.25em;
    color-scheme: var(--ev-color-scheme, light);
    display: block;
    color: var(--_text);
    background: var(--_background);
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
  /* Forced colours (Windows High Contrast): every private colour is a system colour, in both schemes. */
  @media (forced-colors: active) {
    :host,
    :host([theme]),
    :host(:not([theme='light'])) {
      --_background: Canvas;
      --_text: CanvasText;
      --_muted: CanvasText;
      --_accent: Highlight;
      --_on-accent: HighlightText;
      --_border: CanvasText;
      --_danger: CanvasText;
      --_success: CanvasText;
    }
  }
  * {
    box-sizing: border-box;
    --_background: inherit;
    --_text: inherit;
    --_muted: inherit;
    --_accent: inherit;
    --_on-accent: inherit;
    --_border: inherit;
    --_danger: inherit;
    --_success: inherit;
    color-scheme: inherit;
  }
`;

/** Controls shared by the elements: buttons, form fields, groups, focus ring, visually hidden text, skeletons, spinner. */
export const base = css`
  :host {
    --_surface: color-mix(in srgb, var(--_text) 6%, var(--_background));
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: var(--_space);
    font-weight: 600;
  }
  button,
  input,
  select {
    font: inherit;
    min-height: 2.75rem;
    padding: 0 var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    color: var(--_text);
  }
  button {
    min-width: 2.75rem;
    padding: 0 calc(var(--_space) * 2);
    cursor: pointer;
  }
  .primary {
    background: var(--ev-button-bg, var(--_accent));
    color: var(--ev-button-fg, var(--_on-accent));
    border-color: transparent;
    font-weight: 600;
  }
  .link {
    color: var(--_accent);
    font-weight: 600;
  }
  button:disabled,
  [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 2px solid var(--ev-focus-ring, var(--_accent));
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
  .muted {
    color: var(--_muted);
    font-size: var(--_text-small);
  }
  .skeleton {
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_text) 10%, transparent);
  }
  .spinner {
    display: inline-block;
    width: 0.9em;
    height: 0.9em;
    margin-inline-end: 0.4em;
    vertical-align: -0.1em;
    border: 2px solid;
    border-inline-end-color: transparent;
    border-radius: 50%;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton {
      animation: skeleton-pulse 1.2s ease-in-out infinite alternate;
    }
    button {
      transition:
        background-color 0.15s,
        border-color 0.15s;
    }
    .spinner {
      animation: spinner-turn 0.9s linear infinite;
    }
  }
  @keyframes skeleton-pulse {
    to {
      opacity: 0.4;
    }
  }
  @keyframes spinner-turn {
    to {
      transform: rotate(1turn);
    }
  }
  @media (forced-colors: active) {
    /* System button colours: a Highlight fill would put the text on the forced backplate, unreadable. */
    .primary {
      background: ButtonFace;
      color: ButtonText;
      border: 2px solid ButtonText;
    }
    button:disabled {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
