/**
 * `<ev-booking-button>`'s dialog shell, a chunk loaded on the first open (SPEC §10 v2): the modal
 * `<dialog>` with its Close button, and its styles. The element owns the state and the handlers.
 */
import { css, html, type TemplateResult } from 'lit';

export const dialogStyles = css`
      dialog {
        width: min(64rem, calc(100vw - 2rem));
        max-height: calc(100dvh - 2rem);
        padding: calc(var(--_space) * 2);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_background);
        color: var(--_text);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.45);
      }
      .bar {
        display: flex;
        justify-content: flex-end;
        margin-bottom: var(--_space);
      }
      ev-booking-widget {
        border: 0;
        padding: 0;
        max-width: none;
      }
      /* The two panes from a 720 px viewport (styles/layout.ts), one column below. */
      @media (min-width: 720px) {
        ev-booking-widget {
          --_two-pane: 1;
        }
      }
`;

export interface DialogInput {
  /** The dialog's accessible name (the button's text). */
  label: string;
  textLanguage: string;
  closeText: string;
  onClose: () => void;
  /** The dialog closed (Escape or Close). */
  onClosed: () => void;
}

export function renderDialog({ label, textLanguage, closeText, onClose, onClosed }: DialogInput): TemplateResult {
  return html`<dialog part="dialog" aria-label=${label} @close=${onClosed}>
    <div class="bar">
      <button type="button" part="close" @click=${onClose}><span lang=${textLanguage}>${closeText}</span></button>
    </div>
  </dialog>`;
}
