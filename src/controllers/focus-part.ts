/**
 * Moves the focus into one of `<ev-booking-widget>`'s parts once rendered: the status tracker's
 * outcome, or the start times.
 */
import type { LitElement } from 'lit';
import type { EvSlotGrid } from '../components/slot-grid/slot-grid.js';

export async function focusPart(widget: LitElement, target: 'status' | 'slots'): Promise<void> {
  // Asked before the outcome renders, so that the tracker tells it by the focus alone.
  if (target === 'status') return widget.renderRoot.querySelector('ev-status-tracker')?.focusOutcome();
  await widget.updateComplete;
  const grid = widget.renderRoot.querySelector<EvSlotGrid>('ev-slot-grid');
  await grid?.updateComplete;
  grid?.focus();
}
