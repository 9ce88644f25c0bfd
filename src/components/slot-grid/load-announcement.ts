import { formatDate, translate, type Catalogue } from '../../i18n/index.js';
import type { SlotDay } from './slot-grid.js';

export interface AnnouncementInput {
  catalogue: Catalogue;
  locale: string;
  loading: boolean;
  /** Whether the times were loading at the previous update. */
  wasLoading: boolean;
  /** The day shown. */
  day: SlotDay | undefined;
}

/** What the polite region says, and the day whose free starts it told (null: none). */
export interface Announcement {
  text: string;
  told: { date: string; free: number } | null;
}

/**
 * What the slot grid's polite region says after this update (audit finding 8): "Loading start
 * times…" while loading; when loading ends, the day shown and its free starts ("Start times shown:
 * Saturday 5 December, 12 free."), told again when that day's free starts change without a load
 * (starts shown before the ports' details, then withdrawn: "…, Full."); otherwise what it said
 * (`said`), so nothing is said twice.
 */
export function loadAnnouncement(
  said: Announcement,
  { catalogue, locale, loading, wasLoading, day }: AnnouncementInput,
): Announcement {
  if (loading) return { text: translate(catalogue, 'slotsLoading'), told: null };
  const toldChanged = !!said.told && day?.date === said.told.date && day.starts.length !== said.told.free;
  if (!wasLoading && !toldChanged) return said;
  if (!day) return { text: translate(catalogue, 'slotNoTimes'), told: null };
  const count = day.starts.length;
  const text = translate(catalogue, 'slotsLoaded', {
    day: formatDate(locale, day.date),
    free: translate(catalogue, count ? 'dayFree' : 'dayFull', { count }),
  });
  return { text, told: { date: day.date, free: count } };
}
