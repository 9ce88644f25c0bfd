/**
 * The pending booking request kept in `sessionStorage` so that a reload resumes it (SPEC §8), with
 * the capability that reads it. One record per proxy and location, followed by one widget of the
 * page: two widgets of one location do not both resume it. Storage may be unavailable (privacy
 * mode): resumption is then not offered.
 */
import type { Tracked } from '../booking/states.js';

/** Which widget on this page follows each kept booking: another of the same key leaves it alone. */
const followers = new Map<string, Element>();

export class ResumeStore {
  constructor(
    private readonly host: Element,
    private readonly key: () => string,
  ) {}

  /** Claims the key for this widget, unless another widget in the document holds it. */
  #claim(key: string): boolean {
    const follower = followers.get(key);
    if (follower && follower !== this.host && follower.isConnected) return false;
    followers.set(key, this.host);
    return true;
  }

  /**
   * What is kept, if anything, as JSON: checked by the booking stage (`keptBookingOf`), which
   * follows it, so that the schema of a booking request loads with the stage.
   */
  read(): unknown {
    try {
      const key = this.key();
      const text = sessionStorage.getItem(key);
      return text && this.#claim(key) ? (JSON.parse(text) as unknown) : null;
    } catch {
      return null;
    }
  }

  /** The request followed, or the `externalId` of a create on its way (its answer may be lost to a reload). */
  write(kept: Tracked | { externalId: string }): void {
    try {
      const key = this.key();
      this.#claim(key);
      sessionStorage.setItem(key, JSON.stringify(kept));
    } catch {
      /* no storage */
    }
  }

  clear(): void {
    try {
      sessionStorage.removeItem(this.key());
    } catch {
      /* no storage */
    }
  }
}
