import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { summarizeDays } from '../../booking/days.js';
import { createEvent, type SlotSelectDetail } from '../../events.js';
import { zoneInWords } from '../../i18n/zone.js';
import { en, translate, type Catalogue } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { arrowTarget } from './arrow-keys.js';
import { renderDayPanel, type SlotDay } from './day-panel.js';
import { loadAnnouncement, type Announcement } from './load-announcement.js';
import { renderDayStrip, watchHiddenDays } from './day-strip.js';
import { styles } from './slot-grid.styles.js';

export type { SlotDay };

/** The time radio that holds the day's tab stop, and the selected day tab. */
const TIME_STOP = '[role=radio][tabindex="0"]';
const DAY_STOP = '[role=tab][tabindex="0"]';

/**
 * A day strip and that day's start times, grouped by part of day, in the location's time zone.
 *
 * The strip is a tab list: one tab per day with its weekday, date and how many starts are free
 * ("Full" when none; "Loading" or "Not loaded" while the day's times are not all here, the day
 * then saying so, with "Try again" when they failed); Left/Right move between days. The day's
 * starts are radio buttons carrying `data-start` (the ISO UTC instant), named by their time, the
 * zone in plain words, the date and the duration; starts that are taken keep their place,
 * disabled, so rows keep their rhythm. The times form one tab stop: arrow keys move and choose
 * (Up/Down by a row), Home/End go to the day's first/last time, PageUp/PageDown to the
 * previous/next day (from a day tab too). A hint under the day says so.
 *
 * @summary Lets the driver pick a day and a start time.
 *
 * @fires ev-slot-select - The driver picked a start. `detail: { start: string }` (ISO UTC).
 * @fires ev-slot-retry - The driver asked for the times of the days that failed to load again.
 *
 * @csspart slot-grid - The whole block.
 * @csspart day-strip - The tab list of days.
 * @csspart day-tab - One day's tab.
 * @csspart day - The shown day's heading.
 * @csspart slot - One time.
 * @csspart button - "Try again" on a day whose times failed to load.
 *
 * @cssprop --ev-slot-grid-selected-bg - Background of the selected time (default `--ev-color-accent`).
 * @cssprop --ev-slot-grid-selected-fg - Text of the selected time (default `--ev-color-accent-fg`).
 * @cssprop --ev-slot-grid-columns - A fixed number of columns (default: as many as fit).
 * @cssprop --ev-color-bg, --ev-color-fg, --ev-color-muted, --ev-color-accent, --ev-color-border - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr time-zone - IANA zone the times are shown in (the location's).
 * @attr time-zone-label - Overrides the sentence naming the zone ("Times are Sofia time (GMT+2)").
 * @attr locale - BCP 47 locale of the dates, times and numbers (default `en`); the texts are the `catalogue` property's, English unless a host gives its own.
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
  /** BCP 47 locale of the dates, times and numbers; the texts are `catalogue`'s. */
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
  /** The day whose free starts the region told, to tell it again when they change. */
  #told: Announcement['told'] = null;
  #wasLoading = false;
  /** The date last on screen, kept while a reload (a rejected start's) empties the days. */
  #shownDate: string | undefined;
  /** Whether times were shown: only the first ones open on their day, later ones keep the date. */
  #timesShown = false;

  override willUpdate(changed: PropertyValues<this>): void {
    const { days, selected } = this;
    if (changed.has('selected') || changed.has('days')) {
      // Show the selected start's day; else keep the same date on screen once times were shown,
      // through a reload too; when the first times arrive, open on the first day that has any;
      // else stay in range.
      const withSelected = days.findIndex((d) => d.starts.includes(selected!));
      const sameDate = days.findIndex((d) => d.date === this.#shownDate);
      const firstTimes = this.#timesShown ? -1 : days.findIndex((d) => d.starts.length);
      this.#dayIndex = [
        changed.has('selected') || sameDate < 0 ? withSelected : -1,
        firstTimes,
        sameDate,
        this.#dayIndex,
      ].find((i) => i >= 0)!;
    }
    this.#dayIndex = Math.max(0, Math.min(this.#dayIndex, days.length - 1));
    this.#shownDate = days[this.#dayIndex]?.date ?? this.#shownDate;
    this.#timesShown ||= days.some((d) => d.starts.length > 0);
    const starts: (string | null)[] = days[this.#dayIndex]?.starts ?? [];
    if (!starts.includes(this.#tabStart)) this.#tabStart = starts.includes(selected) ? selected : (starts[0] ?? null);
  }

  /**
   * The announcement is set one update after the region is in place (a region that appears with its
   * text is not reliably read), and changes only when loading starts or ends, or when the day it
   * told gains or loses free starts without a load (the ports' details withdrew them): never twice.
   */
  override updated(): void {
    const { catalogue, locale, loading } = this;
    const day = this.days[this.#dayIndex];
    const said = { text: this.announcement, told: this.#told };
    const { text, told } = loadAnnouncement(said, { catalogue, locale, loading, wasLoading: this.#wasLoading, day });
    this.#wasLoading = loading;
    this.#told = told;
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
    // PageUp/PageDown as from the times: a full day leaves the focus here, and the hint still holds.
    if (this.#changeDayByPage(event)) return;
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

  /** PageUp/PageDown: the previous/next day, the focus on its times (on its tab when it has none). */
  #changeDayByPage(event: KeyboardEvent): boolean {
    const page = ({ PageUp: -1, PageDown: 1 } as Record<string, number>)[event.key];
    if (!page) return false;
    event.preventDefault();
    void this.#showDay(this.#dayIndex + page, false);
    return true;
  }

  private handleTimeKeydown(event: KeyboardEvent): void {
    if (this.#changeDayByPage(event)) return;
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

  #retry = (): void => void this.dispatchEvent(createEvent('ev-slot-retry', {}));

  override render(): TemplateResult {
    const { locale, loading, days } = this;
    const day = days[this.#dayIndex];
    const firstStart = day?.starts[0];
    // While loading, no zone is known yet (and nothing is formatted that is not on screen).
    const zone = loading
      ? nothing
      : (this.timeZoneLabel ??
        zoneInWords(this.catalogue, locale, this.timeZone, firstStart ? Date.parse(firstStart) : Date.now()));
    const panelFocusable = !loading && !day?.starts.length;
    return html`<div part="slot-grid" role="group" aria-label=${translate(this.catalogue, 'slotGroup')} aria-busy=${loading}>
      ${
        days.length
          ? renderDayStrip({
              days: summarizeDays(days, locale),
              chosen: this.#dayIndex,
              locale,
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
        ${renderDayPanel({
          day,
          loading,
          locale,
          timeZone: this.timeZone,
          catalogue: this.catalogue,
          selected: this.selected,
          tabStart: this.#tabStart,
          duration: this.duration,
          step: this.step,
          disabled: this.disabled,
          onTimeClick: this.handleTimeClick,
          onTimeKeydown: this.handleTimeKeydown,
          onRetry: this.#retry,
        })}
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
