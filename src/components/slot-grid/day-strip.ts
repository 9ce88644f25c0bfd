/**
 * The day strip's template: a tab list with one tab per day, its weekday, date and how many
 * starts are free ("Full" when none; "Loading" or "Not loaded" while its times are not all here).
 * The slot grid owns the state and the handlers.
 */
import { html, type TemplateResult } from 'lit';
import type { DaySummary } from '../../booking/days.js';
import { translate, type Catalogue } from '../../i18n/index.js';

/** What a day's tab says about its starts. */
function countOf(day: DaySummary, catalogue: Catalogue): string {
  if (day.load === 'failed') return translate(catalogue, 'dayFailed');
  if (day.free) return translate(catalogue, 'dayFree', { count: day.free });
  return translate(catalogue, day.load === 'loading' ? 'dayLoading' : 'dayFull');
}

export interface DayStripInput {
  days: readonly DaySummary[];
  /** Index of the day shown (the selected tab, the strip's tab stop). */
  chosen: number;
  catalogue: Catalogue;
  onClick: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

export function renderDayStrip({ days, chosen, catalogue, onClick, onKeydown }: DayStripInput): TemplateResult {
  return html`<div class="strip" role="tablist" part="day-strip" aria-label=${translate(catalogue, 'dayStrip')}>
    ${days.map(
      (day, index) =>
        html`<button
          type="button"
          role="tab"
          part="day-tab"
          class=${day.load ?? (day.free ? '' : 'full')}
          id="tab-${day.date}"
          data-index=${index}
          aria-selected=${index === chosen}
          aria-controls="panel"
          tabindex=${index === chosen ? 0 : -1}
          @click=${onClick}
          @keydown=${onKeydown}
        >
          <span class="weekday" aria-hidden="true">${day.weekday}</span><span class="date" aria-hidden="true"
            >${day.dayMonth}</span
          ><span class="vh">${day.weekdayLong} ${day.dayMonthLong},</span>
          <span class="count">${countOf(day, catalogue)}</span>
        </button>`,
    )}
  </div>`;
}
