/**
 * A failure as the state machine sees it: plain data, made from whatever an effect threw (see
 * `failureOf` below), so that the machine never inspects an exception.
 */
import { ApiError, type ErrorCode } from '../api/errors.js';
import type { BookingErrorDetail } from '../events.js';

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

export type FieldErrors = Partial<Record<FieldName, string>>;

/** A thrown error as the machine's data; anything but an ApiError is a `bad-response`, logged whole. */
export function failureOf(error: unknown): Failure {
  if (error instanceof ApiError) {
    const { code, message, status, fieldErrors, reason } = error;
    return { code, message, status, fieldErrors, reason };
  }
  console.error('[ev-booking-widget]', error);
  return { code: 'bad-response', message: String((error as Error | null)?.message ?? error) };
}

/** The `ev-booking-error` event's detail (SPEC §5) of a failure. */
export function errorDetail({ code, message, status }: Failure): BookingErrorDetail {
  return { code, message, ...(status !== undefined && { status }) };
}
