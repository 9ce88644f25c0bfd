/**
 * The booker's layout, for the widget's template (issue 14): one column on phones; at ≥ 720 px of
 * the widget's own width (a container query, so a narrow sidebar embed stays one column) two
 * panes, "what" (port, filters, duration) beside "when" (day strip and times), then the summary
 * and Book under the times. A host that knows better sets `--_two-pane: 1` on the widget: the
 * popup's dialog (booking-button/dialog-shell.ts) does from a 720 px viewport, where the dialog's
 * margins leave the widget a little less than 720 px. The "what" pane scrolls with the page: a
 * sticky pane taller than the viewport (six ports and their filters are) kept its end, the
 * duration, out of view until the times were scrolled past, even when a pill had the focus.
 *
 * ```html
 * <div class="booker">
 *   <div class="pane what"><ev-port-list></ev-port-list><ev-duration-picker></ev-duration-picker></div>
 *   <div class="pane when"><ev-slot-grid></ev-slot-grid><ev-email-form></ev-email-form></div>
 * </div>
 * ```
 */
import { css } from 'lit';

export const bookerLayout = css`
  :host {
    container-type: inline-size;
  }
  .booker {
    display: grid;
    gap: calc(var(--_space) * 3);
    align-items: start;
  }
  .pane {
    display: grid;
    gap: calc(var(--_space) * 2.5);
    min-width: 0;
  }
  @container (min-width: 720px) or style(--_two-pane: 1) {
    .booker {
      grid-template-columns: minmax(15rem, 2fr) minmax(20rem, 3fr);
    }
    .pane.what {
      padding-inline-end: calc(var(--_space) * 3);
      border-inline-end: 1px solid color-mix(in srgb, var(--_border) 40%, transparent);
    }
  }
`;
