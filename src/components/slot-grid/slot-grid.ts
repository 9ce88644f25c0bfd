import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { createEvent, type SlotSelectDetail } from '../../events.js';
import { type Catalogue, en, formatDate, formatMinutes, formatTime, translate, zoneName } from '../../i18n/index.js';
import { base, tokens } from '../../styles/tokens.js';
import { styles } from './slot-grid.styles.js';

/** The free starts of one day. */
export interface SlotDay {
  /** The calendar date, `YYYY-MM-DD`, in the location's time zone. */
  date: string;
  /** Selectable starts, as ISO 8601 UTC instants, in order. */
  starts: string[];
}

/**
 * Start times for the chosen port and duration, one day at a time.
 *
 * Each start is a toggle button carrying `data-start` (the ISO UTC instant). The time buttons
 * form one tab stop (roving tabindex): arrow keys move between them (Up/Down by a row),
 * Home/End go to the day's first/last time, PageUp/PageDown to the previous/next day.
 *
 * @summary Lets the driver pick a start time.
 *
 * @fires ev-slot-select - The driver picked a start. `detail: { start: string }` (ISO UTC).
 *
 * @csspart slot-grid - The whole block.
 * @csspart day - The day's heading.
 * @csspart nav-button - The Previous day / Next day buttons.
 * @csspart slot - One time button.
 *
 * @cssprop --ev-slot-grid-selected-bg - Background of the selected time (default `--ev-color-accent`).
 * @cssprop --ev-slot-grid-selected-fg - Text of the selected time (default `--ev-color-accent-fg`).
 * @cssprop --ev-slot-grid-columns - A fixed number of columns (default: as many as fit).
 * @cssprop --ev-color-bg, --ev-color-fg, --ev-color-muted, --ev-color-accent, --ev-color-border - Global colours.
 * @cssprop --ev-radius, --ev-space, --ev-font - Global shape, spacing and font.
 *
 * @attr time-zone - IANA zone the times are shown in (the location's).
 * @attr time-zone-label - Overrides the zone's name in "Times in …".
 * @attr locale - BCP 47 locale of the dates and times (the texts come from `catalogue`).
 * @attr selected - The selected start (ISO UTC).
 * @attr duration - Booking length in minutes, read out with each time.
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
    selected: {},
    duration: { type: Number },
    loading: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
  };

  /** The days that can be shown, in order. */
  days: SlotDay[] = [];
  /** IANA time zone the times are shown in. */
  timeZone = 'UTC';
  /** The zone's name as shown; defaults to the IANA name. */
  timeZoneLabel: string | null = null;
  /** BCP 47 locale of the dates and times (the texts come from `catalogue`). */
  locale = 'en';
  /** The messages to show: the host's (`LocaleController.catalogue`); English by default. */
  catalogue: Catalogue = en;
  /** The selected start, an ISO UTC instant. */
  selected: string | null = null;
  /** Booking length in minutes, part of each time's accessible name. */
  duration = 60;
  /** Shows a skeleton with the grid's space reserved. */
  loading = false;
  /** Disables every control. */
  disabled = false;

  /** Index in `days` of the day on screen (changed outside an update: then `requestUpdate`). */
  #dayIndex = 0;
  /** The start that holds the grid's single tab stop (likewise). */
  #tabStart: string | null = null;

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

  /** The first element of the shadow root that matches one of the selectors, in their order. */
  private find(...selectors: string[]): HTMLElement | null | undefined {
    return selectors.map((s) => this.shadowRoot?.querySelector<HTMLElement>(s)).find(Boolean);
  }

  /**
   * Shows the day `step` days away. The focus goes to that day's tab stop when `slot`, else stays on
   * the day button pressed, or moves to the other one when that one is now disabled.
   */
  private async goToDay(step: number, slot?: boolean): Promise<void> {
    if (!this.days[this.#dayIndex + step]) return;
    this.#dayIndex += step;
    this.#tabStart = null;
    this.requestUpdate();
    await this.updateComplete;
    this.find(...(slot ? [STOP] : []), ':focus:enabled', NAV)?.focus();
  }

  /** Focuses the grid's tab stop: the chosen or first start of the day shown, else a day button. */
  override focus(options?: FocusOptions): void {
    this.find(STOP, NAV)?.focus(options);
  }

  private handleKeydown(event: KeyboardEvent): void {
    const buttons = [...(event.currentTarget as HTMLElement).children] as HTMLElement[];
    const current = buttons.indexOf(event.target as HTMLElement);
    if (current < 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const top = buttons[0]!.offsetTop;
    // The buttons in a row: the index of the first one further down; a single row never moves.
    const row = buttons.findIndex((b) => b.offsetTop !== top) >>> 0;
    const { key } = event;
    const page = ({ PageUp: -1, PageDown: 1 } as Record<string, number>)[key];
    const next = (
      {
        ArrowRight: current + rtl,
        ArrowLeft: current - rtl,
        ArrowDown: current + row,
        ArrowUp: current - row,
        Home: 0,
        End: buttons.length - 1,
      } as Record<string, number>
    )[key];
    if (page) {
      event.preventDefault();
      void this.goToDay(page, true);
    } else if (next !== undefined) {
      event.preventDefault();
      // Past either end, the focus stays where it is.
      const target = buttons[next] ?? buttons[current]!;
      this.#tabStart = target.dataset['start']!;
      this.requestUpdate();
      target.focus();
    }
  }

  private handleClick(event: Event): void {
    const start = (event.currentTarget as HTMLElement).dataset['start']!;
    this.selected = this.#tabStart = start;
    // The tab stop is not reactive: a click on the start already selected must still move it.
    this.requestUpdate();
    this.dispatchEvent(createEvent<SlotSelectDetail>('ev-slot-select', { start }));
  }

  override render(): TemplateResult {
    const { locale, catalogue, loading, days } = this;
    const dayIndex = this.#dayIndex;
    const day = days[dayIndex];
    const date = day ? formatDate(locale, day.date) : '';
    const duration = formatMinutes(locale, this.duration);
    const navOff = this.disabled || loading;
    return html`<div part="slot-grid" role="group" aria-label=${translate(catalogue, 'slotGroup')} aria-busy=${loading}>
      <div class="nav">
        <button
          type="button"
          part="nav-button"
          ?disabled=${navOff || !days[dayIndex - 1]}
          @click=${(): Promise<void> => this.goToDay(-1)}><span aria-hidden="true">‹ </span>${translate(catalogue, 'slotPrevDay')}</button>
        <div class="day" aria-live="polite">${date ? html`<h3 id="day" part="day">${date}</h3>` : nothing}</div>
        <button
          type="button"
          part="nav-button"
          ?disabled=${navOff || !days[dayIndex + 1]}
          @click=${(): Promise<void> => this.goToDay(1)}>${translate(catalogue, 'slotNextDay')}<span aria-hidden="true"> ›</span></button>
      </div>
      <p class="tz">${translate(catalogue, 'slotTimeZone', { zone: this.timeZoneLabel ?? zoneName(this.timeZone) })}</p>
      ${
        loading
          ? html`<span class="vh" role="status">${translate(catalogue, 'slotsLoading')}</span>
              <div class="grid" aria-hidden="true"><div class="skel"></div><div class="skel"></div><div
                class="skel"></div><div class="skel"></div><div class="skel"></div><div class="skel"></div><div
                class="skel"></div><div class="skel"></div></div>`
          : day?.starts.length
            ? html`<div class="grid" role="group" aria-labelledby="day" @keydown=${this.handleKeydown}>${day.starts.map(
                (start) => {
                  const time = formatTime(locale, this.timeZone, start);
                  return html`<button
                    type="button"
                    part="slot"
                    data-start=${start}
                    tabindex=${start === this.#tabStart ? 0 : -1}
                    aria-pressed=${start === this.selected}
                    aria-label=${translate(catalogue, 'slotName', { time, date, duration })}
                    ?disabled=${this.disabled}
                    @click=${this.handleClick}>${time}</button>`;
                },
              )}</div>`
            : html`<p class="empty">${translate(catalogue, 'slotNoTimes')}</p>`
      }
    </div>`;
  }
}

const STOP = '.grid [tabindex="0"]';
const NAV = '.nav :enabled';

if (!customElements.get('ev-slot-grid')) customElements.define('ev-slot-grid', EvSlotGrid);

declare global {
  interface HTMLElementTagNameMap {
    'ev-slot-grid': EvSlotGrid;
  }
}
