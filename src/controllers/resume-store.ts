/**
 * The pending booking request kept in `sessionStorage` so that a reload resumes it (SPEC §8), with
 * the capability that reads it. One record per proxy and location. Storage may be unavailable
 * (privacy mode): resumption is then not offered.
 */
import type { Tracked } from '../booking/states.js';

export class ResumeStore {
  constructor(private readonly key: () => string) {}

  /**
   * What is kept, if anything, as JSON: checked by the booking stage (`keptBookingOf`), which
   * follows it, so that the schema of a booking request loads with the stage.
   */
  read(): unknown {
    try {
      const text = sessionStorage.getItem(this.key());
      return text ? (JSON.parse(text) as unknown) : null;
    } catch {
      return null;
    }
  }

  /** The request followed, or the `externalId` of a create on its way (its answer may be lost to a reload). */
  write(kept: Tracked | { externalId: string }): void {
    try {
      sessionStorage.setItem(this.key(), JSON.stringify(kept));
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
