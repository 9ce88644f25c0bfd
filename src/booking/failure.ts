/**
 * A failure as the state machine sees it: plain data, made from whatever an effect threw (see
 * `failureOf` below), so that the machine never inspects an exception.
 */
import { ApiError, type ErrorCode } from '../api/errors.js';

export interface Failure {
  /** The SPEC §5 code. */
  code: ErrorCode;
  /** The failure's own text (the server's message on a 422), reported in `ev-booking-error`. */
  message: string;
  status?: number | undefined;
  /** A 422's messages per body field. */
  fieldErrors?: Record<string, string[]> | undefined;
  /** A 422's `reason` (`no-account`: no driver account uses the email). */
  reason?: string | undefined;
}

/** Where a message about a field of the create body stands: next to the control that can answer it. */
export type FieldName = 'email' | 'port' | 'slot';

/** The create body's fields per control (SPEC §8: messages next to their field). */
const FIELDS_OF_CONTROL: Record<FieldName, readonly string[]> = {
  email: ['email', 'userId'],
  port: ['evseId'],
  slot: ['startAt', 'endAt'],
};

export type FieldErrors = Partial<Record<FieldName, string>>;

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

/** A thrown error as the machine's data; anything but an ApiError is a `bad-response`, logged whole. */
export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    const { code, message, status, fieldErrors, reason } = error;
    return { code, message, status, fieldErrors, reason };
  }
  console.error('[ev-booking-widget]', error);
  return { code: 'bad-response', message: String((error as Error | null)?.message ?? error) };
}
