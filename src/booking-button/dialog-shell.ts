/**
 * `<ev-booking-button>`'s dialog shell, a chunk loaded on the first open (SPEC §10 v2): the modal
 * `<dialog>` with its Close button, and its styles; the widget made in it, and the button's
 * attributes and properties passed on to it. The element owns the state and the handlers.
 */
import { css, html, type TemplateResult } from 'lit';
import {
  FORWARDED_ATTRIBUTES,
  FORWARDED_PROPERTIES,
  type EvBookingButton,
  type ForwardedName,
} from '../ev-booking-button.js';

export const dialogStyles = css`
      dialog {
        width: min(44rem, calc(100vw - 2rem));
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

/** Passes `names` from `button` to `widget`: text as the attribute (the widget parses it), anything else as the property. */
export function forward(widget: HTMLElement, button: EvBookingButton, names: Iterable<ForwardedName>): void {
  for (const name of names) {
    const value = button[name];
    const attribute = (FORWARDED_ATTRIBUTES as Record<string, string>)[name];
    if (attribute && (typeof value === 'string' || value == null)) {
      if (value == null) widget.removeAttribute(attribute);
      else widget.setAttribute(attribute, value);
    } else {
      (widget as unknown as Record<string, unknown>)[name] = value;
    }
  }
}

/** Makes the widget in `dialog`, with everything `button` has to pass on. */
export function addWidget(dialog: HTMLDialogElement, button: EvBookingButton): void {
  const widget = document.createElement('ev-booking-widget');
  widget.setAttribute('part', 'widget');
  dialog.append(widget);
  forward(widget, button, [...Object.keys(FORWARDED_ATTRIBUTES), ...FORWARDED_PROPERTIES] as ForwardedName[]);
}
