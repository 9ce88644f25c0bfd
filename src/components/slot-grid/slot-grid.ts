import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { createEvent, type SlotSelectDetail } from '../../events.js';
import { formatDate, formatMinutes, formatTime, t } from '../../i18n/index.js';
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
 * @attr locale - BCP 47 locale of the texts, dates and times.
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
    dayIndex: { state: true },
    tabStart: { state: true },
  };

  /** The days that can be shown, in order. */
  days: SlotDay[] = [];
  /** IANA time zone the times are shown in. */
  timeZone = 'UTC';
  /** The zone's name as shown; defaults to the IANA name. */
  timeZoneLabel: string | null = null;
  /** BCP 47 locale of the texts, dates and times. */
  locale = 'en';
  /** The selected start, an ISO UTC instant. */
  selected: string | null = null;
  /** Booking length in minutes, part of each time's accessible name. */
  duration = 60;
  /** Shows a skeleton with the grid's space reserved. */
  loading = false;
  /** Disables every control. */
  disabled = false;

  /** Index in `days` of the day on screen. */
  private dayIndex = 0;
  /** The start that holds the grid's single tab stop. */
  private tabStart: string | null = null;

  private get day(): SlotDay | undefined {
    return this.days[this.dayIndex];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const previous = changed.has('days') ? (changed.get('days') as SlotDay[] | undefined) : undefined;
    const shownDate = previous?.[this.dayIndex]?.date;
    if (changed.has('selected') || changed.has('days')) {
      // Show the selected start's day; else keep the same date on screen once times were shown;
      // when the first times arrive, open on the first day that has any; else stay in range.
      const withSelected = this.selected ? this.days.findIndex((d) => d.starts.includes(this.selected!)) : -1;
      const sameDate = shownDate ? this.days.findIndex((d) => d.date === shownDate) : -1;
      const firstTimes = previous?.some((d) => d.starts.length) ? -1 : this.days.findIndex((d) => d.starts.length);
      if (withSelected >= 0 && (changed.has('selected') || sameDate < 0)) this.dayIndex = withSelected;
      else if (firstTimes >= 0) this.dayIndex = firstTimes;
      else if (sameDate >= 0) this.dayIndex = sameDate;
    }
    this.dayIndex = Math.max(0, Math.min(this.dayIndex, this.days.length - 1));
    const starts = this.day?.starts ?? [];
    if (!this.tabStart || !starts.includes(this.tabStart)) {
      this.tabStart = this.selected && starts.includes(this.selected) ? this.selected : (starts[0] ?? null);
    }
  }

  private select(start: string): void {
    this.selected = start;
    this.tabStart = start;
    this.dispatchEvent(createEvent<SlotSelectDetail>('ev-slot-select', { start }));
  }

  /** Shows another day; `focus` moves the focus to that day's tab stop. */
  private async goToDay(index: number, focus: 'slot' | 'nav'): Promise<void> {
    if (index < 0 || index >= this.days.length || index === this.dayIndex) return;
    this.dayIndex = index;
    this.tabStart = null;
    await this.updateComplete;
    const root = this.shadowRoot;
    if (!root) return;
    const active = root.activeElement as HTMLButtonElement | null;
    const target =
      (focus === 'slot' ? root.querySelector<HTMLElement>('.grid [tabindex="0"]') : null) ??
      (active && !active.disabled ? active : root.querySelector<HTMLElement>('.nav button:not(:disabled)'));
    target?.focus();
  }

  /** Focuses the grid's tab stop: the chosen or first start of the day shown, else a day button. */
  override focus(options?: FocusOptions): void {
    const root = this.shadowRoot;
    (
      root?.querySelector<HTMLElement>('.grid [tabindex="0"]') ??
      root?.querySelector<HTMLElement>('.nav button:not(:disabled)')
    )?.focus(options);
  }

  private columns(buttons: HTMLElement[]): number {
    const top = buttons[0]?.offsetTop;
    const firstRow = buttons.findIndex((b) => b.offsetTop !== top);
    return firstRow > 0 ? firstRow : Math.max(1, buttons.length);
  }

  private handleKeydown(event: KeyboardEvent): void {
    const starts = this.day?.starts ?? [];
    const current = starts.indexOf((event.target as HTMLElement).dataset['start'] ?? '');
    if (current < 0) return;
    const buttons = [...this.renderRoot.querySelectorAll<HTMLElement>('.grid button')];
    const rtl = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const row = this.columns(buttons);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
        next = current + rtl;
        break;
      case 'ArrowLeft':
        next = current - rtl;
        break;
      case 'ArrowDown':
        next = current + row < starts.length ? current + row : current;
        break;
      case 'ArrowUp':
        next = current - row >= 0 ? current - row : current;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = starts.length - 1;
        break;
      case 'PageUp':
      case 'PageDown':
        event.preventDefault();
        void this.goToDay(this.dayIndex + (event.key === 'PageUp' ? -1 : 1), 'slot');
        return;
      default:
        return;
    }
    event.preventDefault();
    next = Math.max(0, Math.min(next, starts.length - 1));
    this.tabStart = starts[next] ?? null;
    buttons[next]?.focus();
  }

  private renderSlots(day: SlotDay, dateText: string): TemplateResult {
    const { locale, timeZone } = this;
    const duration = formatMinutes(locale, this.duration);
    return html`<div class="grid" role="group" aria-labelledby="day" @keydown=${this.handleKeydown}>
      ${day.starts.map((start) => {
        const time = formatTime(locale, timeZone, start);
        return html`<button
          type="button"
          part="slot"
          data-start=${start}
          tabindex=${start === this.tabStart ? 0 : -1}
          aria-pressed=${start === this.selected ? 'true' : 'false'}
          aria-label=${t(locale, 'slotName', { time, date: dateText, duration })}
          ?disabled=${this.disabled}
          @click=${(): void => this.select(start)}
        >
          ${time}
        </button>`;
      })}
    </div>`;
  }

  override render(): TemplateResult {
    const { locale, day } = this;
    const dateText = day ? formatDate(locale, day.date) : '';
    let body: unknown;
    if (this.loading) {
      body = html`<span class="vh" role="status">${t(locale, 'slotsLoading')}</span>
        <div class="grid" aria-hidden="true">${[0, 1, 2, 3, 4, 5, 6, 7].map(() => html`<div class="skel"></div>`)}</div>`;
    } else if (!day || day.starts.length === 0) {
      body = html`<p class="empty">${t(locale, 'slotNoTimes')}</p>`;
    } else {
      body = this.renderSlots(day, dateText);
    }
    const zone = this.timeZoneLabel ?? this.timeZone.replace(/_/g, ' ');
    const navOff = this.disabled || this.loading;
    return html`<div part="slot-grid" role="group" aria-label=${t(locale, 'slotGroup')} aria-busy=${this.loading ? 'true' : 'false'}>
      <div class="nav">
        <button
          type="button"
          part="nav-button"
          ?disabled=${navOff || this.dayIndex <= 0}
          @click=${(): Promise<void> => this.goToDay(this.dayIndex - 1, 'nav')}
        >
          <span aria-hidden="true">‹ </span>${t(locale, 'slotPrevDay')}
        </button>
        <div class="day" aria-live="polite">${dateText ? html`<h3 id="day" part="day">${dateText}</h3>` : nothing}</div>
        <button
          type="button"
          part="nav-button"
          ?disabled=${navOff || this.dayIndex >= this.days.length - 1}
          @click=${(): Promise<void> => this.goToDay(this.dayIndex + 1, 'nav')}
        >
          ${t(locale, 'slotNextDay')}<span aria-hidden="true"> ›</span>
        </button>
      </div>
      <p class="tz">${t(locale, 'slotTimeZone', { zone })}</p>
      ${body}
    </div>`;
  }
}

if (!customElements.get('ev-slot-grid')) customElements.define('ev-slot-grid', EvSlotGrid);

declare global {
  interface HTMLElementTagNameMap {
    'ev-slot-grid': EvSlotGrid;
  }
}
