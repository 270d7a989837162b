// The one error type for expected failures (see docs/decisions/022-error-model.md).
// Data functions and the permission guard throw it; the action wrapper turns it
// into a form state and route handlers into a status. No server-only imports, so
// a client component may import the types.

export type FieldErrors = Record<string, string[] | undefined>;

/** What went wrong, in terms a caller can act on; each maps to one HTTP status. */
export type AppErrorCode = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'invalid_transition';

export const STATUS_OF: Record<AppErrorCode, 400 | 401 | 403 | 404 | 409> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
};

/** An expected failure: its message is written for the person who caused it. */
export class AppError extends Error {
  readonly fieldErrors?: FieldErrors;
  /** Anything the form needs to recover (the other version after a conflict, the gate that failed). */
  readonly data?: unknown;
  readonly status: 400 | 401 | 403 | 404 | 409;

  constructor(
    readonly code: AppErrorCode,
    message: string,
    options: { fieldErrors?: FieldErrors; data?: unknown } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.fieldErrors = options.fieldErrors;
    this.data = options.data;
    this.status = STATUS_OF[code];
  }
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
