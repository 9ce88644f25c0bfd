/**
 * The shown day's template: its heading, its start times grouped by part of day (the free ones
 * radios carrying `data-start`, the taken ones kept in their place, disabled), and, while its
 * times are not all here, that they are loading or could not be loaded (with "Try again"). The
 * slot grid owns the state and the handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { daySlots, groupByPartOfDay, type DaySlot, type PartOfDay } from '../../booking/days.js';
import type { DayLoad } from '../../booking/weeks.js';
import { zoneNameInWords } from '../../i18n/zone.js';
import { formatDate, formatMinutes, formatTime, translate, type Catalogue, type MessageKey } from '../../i18n/index.js';

/** The free starts of one day. */
export interface SlotDay {
  /** The calendar date, `YYYY-MM-DD`, in the location's time zone. */
  date: string;
  /** Selectable starts, as ISO 8601 UTC instants, in order. */
  starts: string[];
  /** Some of the day's times are still loading, or failed to load (absent: all are here). */
  state?: DayLoad;
}

export interface DayPanelInput {
  day: SlotDay | undefined;
  loading: boolean;
  locale: string;
  timeZone: string;
  catalogue: Catalogue;
  selected: string | null;
  /** The start holding the times' single tab stop. */
  tabStart: string | null;
  /** Booking length in minutes, part of each time's accessible name. */
  duration: number;
  step: number;
  disabled: boolean;
  onTimeClick: (event: Event) => void;
  onTimeKeydown: (event: KeyboardEvent) => void;
  onRetry: () => void;
}

const PART_NAMES: Readonly<Record<PartOfDay, MessageKey>> = {
  night: 'partNight',
  morning: 'partMorning',
  afternoon: 'partAfternoon',
  evening: 'partEvening',
};

function renderTime(input: DayPanelInput, slot: DaySlot, date: string, duration: string): TemplateResult {
  const { locale, timeZone, catalogue } = input;
  const time = formatTime(locale, timeZone, slot.start);
  if (!slot.free) {
    return html`<button
        type="button"
        role="radio"
        part="slot"
        class="taken"
        aria-checked="false"
        disabled
        data-taken-start=${slot.start}
        aria-label=${translate(catalogue, 'slotTakenName', { time })}>
<span lang=${locale}>${time}</span></button>`;
  }
  const zone = zoneNameInWords(catalogue, locale, timeZone, Date.parse(slot.start));
  return html`<button
      type="button"
      role="radio"
      part="slot"
      data-start=${slot.start}
      tabindex=${slot.start === input.tabStart ? 0 : -1}
      aria-checked=${slot.start === input.selected}
      aria-label=${translate(catalogue, 'slotName', { time, zone, date, duration })}
      ?disabled=${input.disabled}
      @click=${input.onTimeClick}>
<span lang=${locale}>${time}</span></button>`;
}

/** That the day's times are still loading (a status), or could not be loaded (an alert, and "Try again"). */
function renderDayLoad(input: DayPanelInput, load: DayLoad | undefined): TemplateResult | typeof nothing {
  const { catalogue } = input;
  if (load === 'loading') return html`<p class="empty" role="status">${translate(catalogue, 'dayTimesLoading')}</p>`;
  if (load !== 'failed') return nothing;
  return html`<div class="day-failed" role="alert">
    <p>${translate(catalogue, 'dayTimesFailed')}</p>
    <button type="button" part="button" @click=${input.onRetry}>${translate(catalogue, 'tryAgain')}</button>
  </div>`;
}

export function renderDayPanel(input: DayPanelInput): TemplateResult {
  const { day, locale, timeZone, catalogue } = input;
  if (input.loading) {
    return html`<div class="grid" aria-hidden="true">
        ${[1, 2, 3, 4, 5, 6, 7, 8].map(() => html`<div class="skeleton"></div>`)}
      </div>`;
  }
  if (!day) return html`<p class="empty">${translate(catalogue, 'slotNoTimes')}</p>`;
  const date = formatDate(locale, day.date);
  const heading = html`<h3 id="day" part="day" lang=${locale}>${date}</h3>${renderDayLoad(input, day.state)}`;
  if (!day.starts.length) {
    return day.state ? heading : html`${heading}<p class="empty">${translate(catalogue, 'slotNoTimes')}</p>`;
  }
  const duration = formatMinutes(locale, input.duration);
  const groups = groupByPartOfDay(daySlots(day.starts, input.step, timeZone), timeZone, (s) => s.start);
  return html`${heading}
    <p class="hint" id="hint">${translate(catalogue, 'slotKeysHint')}</p>
    <div class="parts" @keydown=${input.onTimeKeydown}>
      ${groups.map(
        ({ part, items }) => html`<div class="part">
          <h4 id="part-${part}">${translate(catalogue, PART_NAMES[part])}</h4>
          <div class="grid" role="radiogroup" aria-labelledby="day part-${part}" aria-describedby="hint">
            ${items.map((slot) => renderTime(input, slot, date, duration))}
          </div>
        </div>`,
      )}
    </div>`;
}
