import { css } from 'lit';

export const styles = css`
  [part='slot-grid'] {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .strip {
    display: flex;
    gap: var(--_space);
    overflow-x: auto;
    padding: 4px 4px 6px; /* room for the focus ring inside the scrolling box */
    margin: -4px 0;
    scrollbar-width: thin;
  }
  /*
   * Days past an end of the strip: a chevron with a fade, sticking to that end, pointing outward.
   * They take no room (negative margins), and show while days lie past that end (day-strip.ts).
   */
  .scroll {
    position: sticky;
    z-index: 1;
    flex: none;
    display: flex;
    align-items: center;
    width: 2.5em;
    margin-block: -4px -6px;
    font-size: 1.25em;
    font-weight: 600;
    cursor: pointer;
    visibility: hidden;
    background: linear-gradient(to right, var(--_background) 45%, transparent);
  }
  .before {
    inset-inline-start: 0;
    margin-inline-end: calc(-2.5em - var(--_space));
  }
  .after {
    inset-inline-end: 0;
    margin-inline-start: calc(-2.5em - var(--_space));
  }
  /* One glyph, ‹ with its fade, mirrored where its end is on the right. */
  .after,
  .before:dir(rtl) {
    transform: scaleX(-1);
  }
  .after:dir(rtl) {
    transform: none;
  }
  .more-before .before,
  .more-after .after {
    visibility: visible;
  }
  [role='tab'] {
    /* Holds its visually hidden text: scrolled out of the strip, it must not widen the page. */
    position: relative;
    flex: 0 0 auto;
    display: grid;
    justify-items: center;
    gap: 0.1em;
    min-width: 4.5em;
    padding: calc(var(--_space) * 0.75) var(--_space);
    background: var(--_surface);
    line-height: 1.2;
  }
  [role='tab'] .weekday {
    font-size: var(--_text-small);
    color: var(--_muted);
  }
  [role='tab'] .date {
    font-weight: 600;
    white-space: nowrap;
  }
  [role='tab'] .count {
    font-size: 0.75em;
    color: var(--_success);
    font-weight: 600;
    white-space: nowrap;
  }
  [role='tab'].full .count,
  [role='tab'].loading .count {
    color: var(--_muted);
    font-weight: 400;
  }
  [role='tab'].failed .count {
    color: var(--_danger);
  }
  [role='tab'][aria-selected='true'] {
    border-color: var(--_accent);
    box-shadow: inset 0 -3px 0 var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, var(--_background));
  }
  .zone {
    color: var(--_muted);
    font-size: var(--_text-small);
  }
  h3 {
    margin: 0;
    font-size: 1em;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.8125em;
  }
  .parts {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  h4 {
    margin: 0 0 calc(var(--_space) * 0.75);
    font-size: var(--_text-small);
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .grid {
    display: grid;
    /* Columns as wide as a time needs in any locale (em follows the font; text may wrap, never spill). */
    grid-template-columns: repeat(var(--ev-slot-grid-columns, auto-fill), minmax(6.5em, 1fr));
    gap: var(--_space);
  }
  [role='radio'] {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.3em;
    padding: 0.25em 0.5em;
    min-width: 0;
    background: var(--_surface);
    white-space: normal;
    overflow-wrap: anywhere;
    line-height: 1.2;
    font-variant-numeric: tabular-nums;
    /* The chosen colours switch at once: a fading background under white text would be unreadable midway. */
    transition: border-color 0.15s;
  }
  [role='radio']:enabled:hover {
    border-color: var(--ev-slot-grid-selected-bg, var(--_accent));
  }
  [role='radio'][aria-checked='true'] {
    background: var(--ev-slot-grid-selected-bg, var(--_accent));
    color: var(--ev-slot-grid-selected-fg, var(--_on-accent));
    border-color: transparent;
    font-weight: 600;
  }
  /* A check mark, not only colour and weight, marks the chosen time (also in forced colours). */
  [aria-checked='true']::before {
    content: '✓' / '';
  }
  [role='radio'].taken {
    background: transparent;
    border-style: dashed;
    color: var(--_muted);
    text-decoration: line-through;
    opacity: 1;
  }
  .empty {
    color: var(--_muted);
  }
  .day-failed p {
    color: var(--_danger);
  }
  .skeleton {
    height: 2.75rem;
  }
  @media (forced-colors: active) {
    /* System colours stay (text on Canvas); a thick Highlight frame and the check mark mark the choice. */
    [role='tab'][aria-selected='true'],
    [role='radio'][aria-checked='true'] {
      border: 2px solid Highlight;
      outline: 2px solid Highlight;
      outline-offset: 1px;
      background: Canvas;
      color: CanvasText;
    }
    [role='radio'].taken {
      color: GrayText;
      border-color: GrayText;
    }
  }
`;
