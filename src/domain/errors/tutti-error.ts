/**
 * Every error tutti raises on purpose. `code` is from a closed union so callers can branch on it;
 * `message` says what went wrong, where, and how to fix it; `details` carries file/line/field.
 */
export type TuttiErrorCode =
  | 'USAGE'
  | 'INVALID_IDENTIFIER'
  | 'INVALID_AMOUNT'
  | 'INVALID_SHARE'
  | 'INVALID_PERIOD'
  | 'INVALID_TERRITORY'
  | 'ALLOCATION'
  | 'CONSERVATION'
  | 'INPUT_REJECTED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STORE'
  | 'CWR_FILE_REJECTED'
  | 'DSR_FILE_REJECTED'
  | 'CDM_FILE_REJECTED'
  | 'CCID_FILE_REJECTED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'UNAVAILABLE'
  | 'INTERNAL';

export interface TuttiErrorDetails {
  readonly file?: string;
  readonly line?: number;
  readonly record?: string;
  readonly field?: string;
  readonly value?: string;
  readonly [key: string]: unknown;
}

export class TuttiError extends Error {
  override readonly name = 'TuttiError';
  readonly code: TuttiErrorCode;
  readonly details: TuttiErrorDetails;

  constructor(
    code: TuttiErrorCode,
    message: string,
    details: TuttiErrorDetails = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

export function isTuttiError(value: unknown): value is TuttiError {
  return value instanceof TuttiError;
}

/** A per-item result: expected problems are values, not exceptions (quarantined, then the run goes on). */
export type Result<T, E = TuttiError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error });
