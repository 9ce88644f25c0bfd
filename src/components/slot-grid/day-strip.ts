/**
 * The day strip's template: a tab list with one tab per day, its weekday, date and how many
 * starts are free ("Full" when none; "Loading" or "Not loaded" while its times are not all here).
 * The slot grid owns the state and the handlers.
 */
import { html, type TemplateResult } from 'lit';
import type { DaySummary } from '../../booking/days.js';
import { afterPaint } from '../../booking/load.js';
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
  /** The locale the dates are written in: their `lang` (the texts' may be English's, SPEC §6). */
  locale: string;
  catalogue: Catalogue;
  onClick: (event: Event) => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** A chevron scrolls the strip by most of its width toward the days it points to. */
function scrollDays(event: Event): void {
  const chevron = event.currentTarget as HTMLElement;
  const strip = chevron.parentElement!;
  const forward = chevron.classList.contains('after') === (getComputedStyle(strip).direction === 'ltr');
  strip.scrollBy({ left: (forward ? 1 : -1) * strip.clientWidth * 0.8, behavior: 'smooth' });
}

/** Marks the ends of `strip` past which days lie (`more-before`, `more-after`): their chevrons show. */
function markHiddenDays(strip: Element): void {
  const scrolled = Math.abs(strip.scrollLeft); // 0 to negative right to left
  strip.classList.toggle('more-before', scrolled > 1);
  strip.classList.toggle('more-after', scrolled + strip.clientWidth < strip.scrollWidth - 1);
}

const resized = new ResizeObserver((entries) => entries.forEach((entry) => markHiddenDays(entry.target)));

/** Strips whose ends are to be checked in the next frame. */
const toCheck = new Set<Element>();

/**
 * Keeps the chevrons of the slot grid's strip (if any) in step with its size and its days. The check
 * reads the strip's layout, so it waits until the next frame is painted (its layout is then done
 * and up to date: the read forces none), once for all the updates before it: read right after an
 * update, or in the frame's animation callback, it forced the layout of the whole widget before
 * the frame's own (90 ms of a big site's first start times, in their frame).
 */
export function watchHiddenDays(strip: Element | null): void {
  if (!strip) return;
  resized.observe(strip);
  if (!toCheck.size) {
    void afterPaint().then(() => {
      toCheck.forEach((each) => each.isConnected && markHiddenDays(each));
      toCheck.clear();
    });
  }
  toCheck.add(strip);
}

/**
 * A chevron at each end of the strip, pointing outward (a `‹`, mirrored where its end is on the
 * right), shown with a fade only while days lie past that end. For a pointer: the keyboard moves
 * along the tabs with the arrow keys.
 */
const chevron = (end: 'before' | 'after'): TemplateResult =>
  html`<span class="scroll ${end}" aria-hidden="true" @click=${scrollDays}>‹</span>`;

/**
 * The day strip: one tab per day. A tab's spoken name is one text (`Sunday 6 December,`): a space
 * standing alone between two bindings is lost from Chromium's accessible name ("Sunday6 December").
 * The dates carry the locale's `lang`, the count the texts' (English's where the locale has none).
 */
export function renderDayStrip({ days, chosen, locale, catalogue, onClick, onKeydown }: DayStripInput): TemplateResult {
  return html`<div
    class="strip"
    role="tablist"
    part="day-strip"
    aria-label=${translate(catalogue, 'dayStrip')}
    @scroll=${(event: Event): void => markHiddenDays(event.currentTarget as Element)}
  >
    ${chevron('before')}
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
          <span class="weekday" lang=${locale} aria-hidden="true">${day.weekday}</span><span
            class="date"
            lang=${locale}
            aria-hidden="true"
            >${day.dayMonth}</span
          ><span class="vh" lang=${locale}>${`${day.weekdayLong} ${day.dayMonthLong},`}</span>
          <span class="count">${countOf(day, catalogue)}</span>
        </button>`,
    )}
    ${chevron('after')}
  </div>`;
}
