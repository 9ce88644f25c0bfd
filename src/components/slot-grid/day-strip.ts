/**
 * The day strip's template: a tab list with one tab per day, its weekday, date and how many
 * starts are free ("Full" when none). The slot grid owns the state and the handlers.
 */
import { html, type TemplateResult } from 'lit';
import type { DaySummary } from '../../booking/days.js';
import { translate, type Catalogue } from '../../i18n/index.js';

export interface DayStripInput {
  days: readonly DaySummary[];
  /** Index of the day shown (the selected tab, the strip's tab stop). */
  chosen: number;
  catalogue: Catalogue;
  onClick: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
  /** Days hidden past the strip's start or end (it scrolls): a fade and a chevron on that side show it. */
  more: { before: boolean; after: boolean };
  /** Scrolls the strip by about its width, toward its end or its start (the chevrons, for a pointer). */
  onScroll: (towardEnd: boolean) => void;
  /** The strip scrolled (by the driver, or to show a focused tab). */
  onScrolled: () => void;
}

/**
 * The chevrons point outward, to the hidden days: `‹` at the start, `›` at the end, mirrored in
 * right-to-left text (styles). For a pointer; the keyboard moves along the tabs with the arrows.
 */
const chevron = (towardEnd: boolean, onScroll: (towardEnd: boolean) => void): TemplateResult =>
  html`<span class="scroll ${towardEnd ? 'after' : 'before'}" aria-hidden="true" @click=${(): void => onScroll(towardEnd)}
    >${towardEnd ? '›' : '‹'}</span
  >`;

export function renderDayStrip(input: DayStripInput): TemplateResult {
  const { days, chosen, catalogue, onClick, onKeydown, more, onScroll, onScrolled } = input;
  return html`<div class="days ${more.before ? 'more-before' : ''} ${more.after ? 'more-after' : ''}">
  ${chevron(false, onScroll)}
  <div class="strip" role="tablist" part="day-strip" aria-label=${translate(catalogue, 'dayStrip')} @scroll=${onScrolled}>
    ${days.map(
      (day, index) =>
        html`<button
          type="button"
          role="tab"
          part="day-tab"
          class=${day.free ? '' : 'full'}
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
          <span class="count"
            >${day.free ? translate(catalogue, 'dayFree', { count: day.free }) : translate(catalogue, 'dayFull')}</span
          >
        </button>`,
    )}
  </div>
  ${chevron(true, onScroll)}
  </div>`;
}
