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
