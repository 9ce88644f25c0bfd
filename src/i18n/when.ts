/**
 * A booking's date and time range as the booking parts show them (the summary above Book, the
 * confirmation card): with them in their chunk, as nothing before a start is picked says it.
 */
import { localDate } from '../booking/slots.js';
import { dateFormat, formatDate } from './index.js';

/**
 * A booking's date and its time range in `timeZone`: `{date: "Saturday 5 December", times:
 * "10:00–11:00"}`, or, when it ends on another day, `times: "23:00 – Sunday 6 December, 01:00"`
 * (each date said once, in one format).
 */
export function formatWhen(
  locale: string,
  timeZone: string,
  start: number,
  end: number,
): { date: string; times: string } {
  const startDate = localDate(start, timeZone);
  const endDate = localDate(end, timeZone);
  const clock = dateFormat(locale, { timeStyle: 'short', timeZone });
  const times =
    startDate === endDate
      ? clock.formatRange(start, end)
      : `${clock.format(start)} – ${formatDate(locale, endDate)}, ${clock.format(end)}`;
  return { date: formatDate(locale, startDate), times };
}
