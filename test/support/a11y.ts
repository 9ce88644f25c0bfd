/**
 * Accessibility helpers for browser tests, on axe-core (loaded here as a script: it sets `window.axe`).
 */
import 'axe-core/axe.min.js';
import type * as Axe from 'axe-core';

/** The accessible name as assistive technology computes it (axe-core's implementation). */
export function accessibleName(el: Element): string {
  const { axe } = window as unknown as { axe: typeof Axe };
  axe.setup(document);
  try {
    return axe.commons.text.accessibleText(el).trim();
  } finally {
    axe.teardown();
  }
}
