/** Typed failures of the API client; `code` is the `ev-booking-error` code of SPEC §5. */
export type ErrorCode =
  | 'config'
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'rate-limited'
  | 'validation'
  | 'bad-response'
  | 'timeout';

export interface ApiErrorOptions {
  status?: number;
  /** 422 field messages, keyed by the request body's field names. */
  fieldErrors?: Record<string, string[]> | undefined;
  /** Seconds the server asked us to wait (`Retry-After`). */
  retryAfter?: number | undefined;
  /** Why a 422 refused (`no-account`: no driver account uses the email). */
  reason?: string | undefined;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  declare readonly status?: number;
  declare readonly fieldErrors?: Record<string, string[]>;
  declare readonly retryAfter?: number;
  declare readonly reason?: string;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ApiErrorOptions,
  ) {
    super(message, options);
    Object.assign(this, options);
  }
}

/** True for the rejection of an aborted operation (the element was removed, the input changed). */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** The error codes of HTTP statuses; any other failing status is `network`. */
const CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  408: 'timeout',
  422: 'validation',
  429: 'rate-limited',
  504: 'timeout',
};

/** The `ErrorCode` of a failing HTTP status. */
export const codeOfStatus = (status: number): ErrorCode => CODES[status] ?? 'network';

/** `Retry-After` in seconds (delta-seconds or an HTTP date), or undefined. */
export function parseRetryAfter(value: string | null): number | undefined {
  if (!value?.trim()) return;
  let seconds = +value;
  if (!Number.isFinite(seconds)) seconds = (Date.parse(value) - Date.now()) / 1000;
  return seconds > 0 ? seconds : seconds <= 0 ? 0 : undefined;
}

/**
 * A failure that may pass: network error, time-out, 408, 429 or 5xx. By code: 408 and 504 are
 * `timeout`, 429 is `rate-limited`, and a `network` error has no status or one of 5xx or not mapped.
 */
export const isTransient = (error: unknown): error is ApiError =>
  error instanceof ApiError &&
  (error.code === 'network' ? !(error.status! < 500) : error.code === 'timeout' || error.code === 'rate-limited');
