/**
 * When `<ev-booking-widget>` renders first. The first requests leave on connect, before it; then
 * the bundle's evaluation and the first render are not one long frame, nor are the first render
 * and the page's first `Intl` format (ICU's data, 50–100 ms; the durations are formatted in the
 * first render): a duration and the day strip's dates are formatted in a frame of their own
 * before it, while the requests are out (each format is made once, then cached).
 */
import { summarizeDays } from '../booking/days.js';
import { afterPaint } from '../booking/load.js';
import { formatMinutes } from '../i18n/index.js';

/** Resolves two painted frames on, once the formats of `locale` the first render needs are made. */
export async function firstRenderReady(locale: string): Promise<void> {
  await afterPaint();
  formatMinutes(locale, 60);
  summarizeDays([{ date: '2026-01-01', starts: [] }], locale);
  await afterPaint();
}
