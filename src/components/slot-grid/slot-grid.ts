import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { daySlots, groupByPartOfDay, summarizeDays, type DaySlot, type PartOfDay } from '../../booking/days.js';
import { createEvent, type SlotSelectDetail } from '../../events.js';
import { zoneInWords, zoneNameInWords } from '../../i18n/zone.js';
import {
  en,
  formatDate,
  formatMinutes,
  formatTime,
  translate,
  type Catalogue,
  type MessageKey,
} from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { arrowTarget } from './arrow-keys.js';
import { loadAnnouncement } from './load-announcement.js';
import { renderDayStrip, watchHiddenDays } from './day-strip.js';
import { styles } from './slot-grid.styles.js';

/** The free starts of one day. */
export interface SlotDay {
  /** The calendar date, `YYYY-MM-DD`, in the location's time zone. */
  date: string;
  /** Selectable starts, as ISO 8601 UTC instants, in order. */
  starts: string[];
}

const PART_NAMES: Readonly<Record<PartOfDay, MessageKey>> = {
  night: 'partNight',
  morning: 'partMorning',
  afternoon: 'partAfternoon',
  evening: 'partEvening',
};

/** The time radio that holds the day's tab stop, and the selected day tab. */
const TIME_STOP = '[role=radio][tabindex="0"]';
const DAY_STOP = '[role=tab][tabindex="0"]';

/**
 * A day strip and that day's start times, grouped by part of day, in the location's time zone.
 *
 * The strip is a tab list: one tab per day with its weekday, date and how many starts are free
 * ("Full" when none); Left/Right move between days. The day's starts are radio buttons carrying
 * `data-start` (the ISO UTC instant), named by their time, the zone in plain words, the date and
 * the duration; starts that are taken keep their place, disabled, so rows keep their rhythm. The
 * times form one tab stop: arrow keys move and choose (Up/Down by a row), Home/End go to the
 * day's first/last time, PageUp/PageDown to the previous/next day. A hint under the day says so.
 *
 * @summary Lets the driver pick a day and a start time.
 *
 * @fires ev-slot-select - The driver picked a start. `detail: { start: string }` (ISO UTC).
 *
 * @csspart slot-grid - The whole block.
 * @csspart day-strip - The tab list of days.
 * @csspart day-tab - One day's tab.
 * @csspart day - The shown day's heading.
 * @csspart slot - One time.
 *
 * @cssprop --ev-slot-grid-selected-bg - Background of the selected time (default `--ev-color-accent`).
 * @cssprop --ev-slot-grid-selected-fg - Text of the selected time (default `--ev-color-accent-fg`).
 * @cssprop --ev-slot-grid-columns - A fixed number of columns (default: as many as fit).
 * @cssprop --ev-color-bg, --ev-color-fg, --ev-color-muted, --ev-color-accent, --ev-color-border - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr time-zone - IANA zone the times are shown in (the location's).
 * @attr time-zone-label - Overrides the sentence naming the zone ("Times are Sofia time (GMT+2)").
 * @attr locale - BCP 47 locale of the texts, dates and times.
 * @attr selected - The selected start (ISO UTC).
 * @attr duration - Booking length in minutes, read out with each time.
 * @attr step - Minutes between starts: taken starts between free ones are shown in their place (0: none).
 * @attr loading - Shows a placeholder while the times load.
 * @attr disabled - Disables every control.
 * @attr theme - `light`, `dark` or `auto` (default) when used on its own.
 */
export class EvSlotGrid extends LitElement {
  static override styles = [tokens, base, styles];
  static override properties: PropertyDeclarations = {
    days: { attribute: false },
    timeZone: { attribute: 'time-zone' },
    timeZoneLabel: { attribute: 'time-zone-label' },
    locale: {},
    catalogue: { attribute: false },
    selected: {},
    duration: { type: Number },
    step: { type: Number },
    loading: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    announcement: { state: true },
  };

  /** The days that can be shown, in order. */
  days: SlotDay[] = [];
  /** IANA time zone the times are shown in. */
  timeZone = 'UTC';
  /** The sentence naming the zone, when not the default "Times are … time (GMT…)". */
  timeZoneLabel: string | null = null;
  /** BCP 47 locale of the texts, dates and times. */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;
  /** The selected start, an ISO UTC instant. */
  selected: string | null = null;
  /** Booking length in minutes, part of each time's accessible name. */
  duration = 60;
  /** Minutes between starts, to show taken starts in their place; 0 shows free starts only. */
  step = 30;
  /** Shows a skeleton with the grid's space reserved. */
  loading = false;
  /** Disables every control. */
  disabled = false;

  /** Index in `days` of the day on screen (changed outside an update: then `requestUpdate`). */
  #dayIndex = 0;
  /** The start that holds the times' single tab stop (likewise). */
  #tabStart: string | null = null;
  /** What the polite region says: loading, then once loaded the day shown and its free starts. */
  private announcement = '';
  #wasLoading = false;
  override willUpdate(changed: PropertyValues<this>): void {
    const { days, selected } = this;
    if (changed.has('selected') || changed.has('days')) {
      const previous = changed.get('days') as SlotDay[] | undefined;
      const shownDate = previous?.[this.#dayIndex]?.date;
      // Show the selected start's day; else keep the same date on screen once times were shown;
      // when the first times arrive, open on the first day that has any; else stay in range.
      const withSelected = days.findIndex((d) => d.starts.includes(selected!));
      const sameDate = days.findIndex((d) => d.date === shownDate);
      const firstTimes = previous?.some((d) => d.starts.length) ? -1 : days.findIndex((d) => d.starts.length);
      this.#dayIndex = [
        changed.has('selected') || sameDate < 0 ? withSelected : -1,
        firstTimes,
        sameDate,
        this.#dayIndex,
      ].find((i) => i >= 0)!;
    }
    this.#dayIndex = Math.max(0, Math.min(this.#dayIndex, days.length - 1));
    const starts: (string | null)[] = days[this.#dayIndex]?.starts ?? [];
    if (!starts.includes(this.#tabStart)) this.#tabStart = starts.includes(selected) ? selected : (starts[0] ?? null);
  }

  /**
   * The announcement is set one update after the region is in place (a region that appears with its
   * text is not reliably read), and changes only when loading starts or ends: never twice.
   */
  override updated(): void {
    const { catalogue, locale, loading } = this;
    const day = this.days[this.#dayIndex];
    const text = loadAnnouncement(this.announcement, { catalogue, locale, loading, wasLoading: this.#wasLoading, day });
    this.#wasLoading = loading;
    if (text !== this.announcement) this.announcement = text;
    watchHiddenDays(this.renderRoot.querySelector('.strip'));
  }

  /** Focuses the times' tab stop: the chosen or first start of the day shown, else the day's tab. */
  override focus(options?: FocusOptions): void {
    (
      this.renderRoot.querySelector<HTMLElement>(TIME_STOP) ?? this.renderRoot.querySelector<HTMLElement>(DAY_STOP)
    )?.focus(options);
  }

  get #rtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  /** Shows day `index`; the focus goes to its tab (`focusTab`) or to its times' tab stop. */
  async #showDay(index: number, focusTab: boolean): Promise<void> {
    if (!this.days[index]) return;
    this.#dayIndex = index;
    this.#tabStart = null;
    this.requestUpdate();
    await this.updateComplete;
    if (focusTab) this.renderRoot.querySelector<HTMLElement>(DAY_STOP)?.focus();
    else this.focus();
  }

  #select(start: string): void {
    this.selected = this.#tabStart = start;
    // The tab stop is not reactive: choosing the start already selected must still move it.
    this.requestUpdate();
    this.dispatchEvent(createEvent<SlotSelectDetail>('ev-slot-select', { start }));
  }

  private handleTabKeydown(event: KeyboardEvent): void {
    const last = this.days.length - 1;
    const forward = this.#rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = this.#rtl ? 'ArrowRight' : 'ArrowLeft';
    const index = (
      {
        [forward]: Math.min(this.#dayIndex + 1, last),
        [back]: Math.max(this.#dayIndex - 1, 0),
        Home: 0,
        End: last,
      } as Record<string, number>
    )[event.key];
    if (index === undefined) return;
    event.preventDefault();
    void this.#showDay(index, true);
  }

  private handleTabClick(event: Event): void {
    const index = Number((event.currentTarget as HTMLElement).dataset['index']);
    if (index !== this.#dayIndex) void this.#showDay(index, true);
  }

  private handleTimeKeydown(event: KeyboardEvent): void {
    const page = ({ PageUp: -1, PageDown: 1 } as Record<string, number>)[event.key];
    if (page) {
      event.preventDefault();
      void this.#showDay(this.#dayIndex + page, false);
      return;
    }
    const targets = [...this.renderRoot.querySelectorAll<HTMLElement>('[role=radio][data-start]:enabled')];
    const current = event.target as HTMLElement;
    const target = targets.includes(current) ? arrowTarget(targets, current, event.key, this.#rtl) : undefined;
    if (!target) return;
    event.preventDefault();
    target.focus();
    // As in a radio group, moving chooses.
    if (target !== current) this.#select(target.dataset['start']!);
  }

  private handleTimeClick(event: Event): void {
    this.#select((event.currentTarget as HTMLElement).dataset['start']!);
  }

  #renderTime(slot: DaySlot, date: string, duration: string): TemplateResult {
    const { locale } = this;
    const time = formatTime(locale, this.timeZone, slot.start);
    if (!slot.free) {
      return html`<button
        type="button"
        role="radio"
        part="slot"
        class="taken"
        aria-checked="false"
        disabled
        data-taken-start=${slot.start}
        aria-label=${translate(this.catalogue, 'slotTakenName', { time })}>
${time}</button>`;
    }
    const zone = zoneNameInWords(this.catalogue, locale, this.timeZone, Date.parse(slot.start));
    const chosen = slot.start === this.selected;
    return html`<button
      type="button"
      role="radio"
      part="slot"
      data-start=${slot.start}
      tabindex=${slot.start === this.#tabStart ? 0 : -1}
      aria-checked=${chosen}
      aria-label=${translate(this.catalogue, 'slotName', { time, zone, date, duration })}
      ?disabled=${this.disabled}
      @click=${this.handleTimeClick}>
${time}</button>`;
  }

  #renderDay(day: SlotDay | undefined): TemplateResult {
    const { locale } = this;
    if (this.loading) {
      return html`<div class="grid" aria-hidden="true">
          ${[1, 2, 3, 4, 5, 6, 7, 8].map(() => html`<div class="skeleton"></div>`)}
        </div>`;
    }
    if (!day) return html`<p class="empty">${translate(this.catalogue, 'slotNoTimes')}</p>`;
    const date = formatDate(locale, day.date);
    const heading = html`<h3 id="day" part="day">${date}</h3>`;
    if (!day.starts.length) return html`${heading}<p class="empty">${translate(this.catalogue, 'slotNoTimes')}</p>`;
    const duration = formatMinutes(locale, this.duration);
    const groups = groupByPartOfDay(daySlots(day.starts, this.step, this.timeZone), this.timeZone, (s) => s.start);
    return html`${heading}
      <p class="hint" id="hint">${translate(this.catalogue, 'slotKeysHint')}</p>
      <div class="parts" @keydown=${this.handleTimeKeydown}>
        ${groups.map(
          ({ part, items }) => html`<div class="part">
            <h4 id="part-${part}">${translate(this.catalogue, PART_NAMES[part])}</h4>
            <div class="grid" role="radiogroup" aria-labelledby="day part-${part}" aria-describedby="hint">
              ${items.map((slot) => this.#renderTime(slot, date, duration))}
            </div>
          </div>`,
        )}
      </div>`;
  }

  override render(): TemplateResult {
    const { locale, loading, days } = this;
    const day = days[this.#dayIndex];
    const firstStart = day?.starts[0];
    const zone =
      this.timeZoneLabel ??
      zoneInWords(this.catalogue, locale, this.timeZone, firstStart ? Date.parse(firstStart) : Date.now());
    const panelFocusable = !loading && !day?.starts.length;
    return html`<div part="slot-grid" role="group" aria-label=${translate(this.catalogue, 'slotGroup')} aria-busy=${loading}>
      ${
        days.length
          ? renderDayStrip({
              days: summarizeDays(days, locale),
              chosen: this.#dayIndex,
              catalogue: this.catalogue,
              onClick: this.handleTabClick,
              onKeydown: this.handleTabKeydown,
            })
          : nothing
      }
      <p class="zone">${zone}</p>
      <div
        role=${days.length ? 'tabpanel' : nothing}
        id="panel"
        aria-labelledby=${day ? `tab-${day.date}` : nothing}
        tabindex=${panelFocusable && days.length ? 0 : nothing}
      >
        ${this.#renderDay(day)}
      </div>
    </div>
    <p class="vh" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>`;
  }
}

if (!customElements.get('ev-slot-grid')) customElements.define('ev-slot-grid', EvSlotGrid);

declare global {
  interface HTMLElementTagNameMap {
    'ev-slot-grid': EvSlotGrid;
  }
}
