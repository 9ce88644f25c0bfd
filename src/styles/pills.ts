import { css } from 'lit';

/**
 * A row of rounded choices, each a `<label class="pill">` around a native radio: the port list's
 * filter chips and the duration pills. The chosen one is tinted with the accent, and outlined in
 * forced colours (where the tint is gone).
 */
export const pills = css`
  .pills {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .pill {
    display: inline-flex;
    align-items: center;
    gap: calc(var(--_space) * 0.5);
    min-height: 2.75rem;
    padding: 0 calc(var(--_space) * 1.5);
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    cursor: pointer;
  }
  .pill:has(:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 14%, var(--_background));
    font-weight: 600;
  }
  .pill input {
    margin: 0;
    accent-color: var(--_accent);
  }
  @media (forced-colors: active) {
    .pill:has(:checked) {
      outline: 3px solid Highlight;
      outline-offset: -1px;
    }
  }
`;
