/**
 * The open windows of an availability answer (`availableSlots`), checked in one plain loop.
 *
 * A big site's answer holds tens of thousands of windows (200 EVSEs × 28 days: ~45,000); one zod
 * object schema per window cost ~400 ms of main thread there and a new object per window. This
 * check is the same check — every window an object whose `startAt` and `endAt` are instants
 * `Date.parse` reads, as `TimeWindow` in schemas.ts says — done without zod's per-value machinery:
 * the same answers pass and fail, a failure names the first bad window's path and zod's issue
 * code for it, and the windows are kept as they came (fields the widget does not read stay,
 * unread).
 *
 * Each instant is read once per distinct text (`instantOf`, instants.ts): a big site's windows
 * share their instants, so a week's 22,000 `Date.parse` calls become a few hundred and map
 * lookups; the slot arithmetic (`spanOf` in booking/slots.ts) reads the same cache.
 */
import * as z from 'zod/mini';
import { instantOf } from './instants.js';

/** An open window: both ends instants as Ampeco writes them (ISO 8601, `Z` or an offset). */
export interface OpenWindow {
  startAt: string;
  endAt: string;
}

/** What zod would report: the path inside the list, and the issue (`custom`: a string that is no date). */
export interface WindowProblem {
  path: (string | number)[];
  code: 'invalid_type' | 'custom';
  expected?: 'array' | 'object' | 'string';
}

/** The problem with one end of a window, or null. */
const instantProblem = (value: unknown, path: (string | number)[]): WindowProblem | null =>
  typeof value !== 'string'
    ? { path, code: 'invalid_type', expected: 'string' }
    : Number.isNaN(instantOf(value))
      ? { path, code: 'custom' }
      : null;

/** The first problem with `value` as a list of windows, or null when every window is good. */
export function windowListProblem(value: unknown): WindowProblem | null {
  if (!Array.isArray(value)) return { path: [], code: 'invalid_type', expected: 'array' };
  for (let i = 0; i < value.length; i++) {
    const window: unknown = value[i];
    if (typeof window !== 'object' || window === null || Array.isArray(window)) {
      return { path: [i], code: 'invalid_type', expected: 'object' };
    }
    const { startAt, endAt } = window as Record<string, unknown>;
    const problem = instantProblem(startAt, [i, 'startAt']) ?? instantProblem(endAt, [i, 'endAt']);
    if (problem) return problem;
  }
  return null;
}

/** `availableSlots`: a list of open windows, each checked (see the module's comment). */
export const OpenWindowList = z.custom<OpenWindow[]>().check(
  z.check<OpenWindow[]>((ctx) => {
    const problem = windowListProblem(ctx.value);
    if (problem) ctx.issues.push({ ...problem, input: ctx.value } as z.core.$ZodRawIssue);
  }),
);
