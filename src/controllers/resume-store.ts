/**
 * The pending booking request kept in `sessionStorage` so that a reload resumes it (SPEC §8), with
 * the capability that reads it. One record per proxy and location. Storage may be unavailable
 * (privacy mode): resumption is then not offered.
 */
import * as z from 'zod/mini';
import { BookingRequest } from '../api/schemas.js';
import type { Tracked } from '../booking/states.js';

const KeptRequest = z.object({ request: BookingRequest, capability: z.string() });

export class ResumeStore {
  constructor(private readonly key: () => string) {}

  /** The kept request, if any and readable. */
  read(): Tracked | null {
    try {
      const text = sessionStorage.getItem(this.key());
      if (!text) return null;
      const parsed = KeptRequest.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(tracked: Tracked): void {
    try {
      sessionStorage.setItem(this.key(), JSON.stringify(tracked));
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
