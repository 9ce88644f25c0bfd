/**
 * What a failed booking call means to the booking half of the machine (`booking-machine.ts`):
 * where a 422's messages stand, whether the attempt may have reached the server, whether trying
 * again may pass. Part of the booking stage chunk.
 */
import type { Failure, FieldErrors, FieldName } from './failure.js';

/** The create body's fields per control (SPEC §8: messages next to their field). */
const FIELDS_OF_CONTROL: Record<FieldName, readonly string[]> = {
  email: ['email', 'userId'],
  port: ['evseId'],
  slot: ['startAt', 'endAt'],
};

/** A 422's messages placed next to their controls, and the rest (about what the driver cannot change). */
export function placeFieldErrors(fieldErrors: Record<string, string[]>): { fields: FieldErrors; rest: string | null } {
  const messagesOf = (keys: readonly string[]): string => keys.flatMap((key) => fieldErrors[key] ?? []).join(' ');
  const fields: FieldErrors = {};
  for (const [control, keys] of Object.entries(FIELDS_OF_CONTROL) as [FieldName, readonly string[]][]) {
    const text = messagesOf(keys);
    if (text) fields[control] = text;
  }
  const placed = Object.values(FIELDS_OF_CONTROL).flat();
  const rest = messagesOf(Object.keys(fieldErrors).filter((key) => !placed.includes(key)));
  return { fields, rest: rest || null };
}

/**
 * Whether an attempt may have reached the server although its answer was lost: a network failure
 * (no status, or a 5xx) or a time-out. A 4xx (429 included) was certainly refused.
 */
export function outcomeUnknown({ code, status }: Failure): boolean {
  if (code === 'timeout') return true;
  return code === 'network' && (status === undefined || status >= 500);
}

/** A failure that may pass when tried again: an unknown outcome, or a 429. */
export function mayPass(failure: Failure): boolean {
  return outcomeUnknown(failure) || failure.code === 'rate-limited';
}
