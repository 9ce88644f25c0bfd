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

/**
 * What the slot grid's polite region says after this update (audit finding 8): "Loading start
 * times…" while loading; when loading ends, the day shown and its free starts ("Start times shown:
 * Saturday 5 December, 12 free."); otherwise what it said (`said`), so nothing is said twice.
 */
export function loadAnnouncement(
  said: string,
  { catalogue, locale, loading, wasLoading, day }: AnnouncementInput,
): string {
  if (loading) return translate(catalogue, 'slotsLoading');
  if (!wasLoading) return said;
  if (!day) return translate(catalogue, 'slotNoTimes');
  const count = day.starts.length;
  return translate(catalogue, 'slotsLoaded', {
    day: formatDate(locale, day.date),
    free: translate(catalogue, count ? 'dayFree' : 'dayFull', { count }),
  });
}
