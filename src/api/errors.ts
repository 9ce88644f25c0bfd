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
  fieldErrors?: Record<string, string[]>;
  /** Seconds the server asked us to wait (`Retry-After`). */
  retryAfter?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status?: number;
  readonly fieldErrors?: Record<string, string[]>;
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    if (options.status !== undefined) this.status = options.status;
    if (options.fieldErrors !== undefined) this.fieldErrors = options.fieldErrors;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
  }
}

/** The error code for an HTTP status that is not a success. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 408 || status === 504) return 'timeout';
  if (status === 422 || status === 400) return 'validation';
  if (status === 429) return 'rate-limited';
  return 'network';
}

/** True for the rejection of an aborted operation (the element was removed, the input changed). */
export function isAbortError(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}
