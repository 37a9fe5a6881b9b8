/**
 * One error type for the whole hub. The `kind` decides what happens next (ARCHITECTURE.md "Errors decide"):
 * - `config`    bad credentials, a 401, a missing setting → pause that account, tell the seller what to do;
 * - `rejected`  the other side refused one record (400/422, validation) → record an issue, go on with the batch;
 * - `transient` 429, 5xx, timeouts, refused connections → retry with backoff, nothing is lost;
 * - `input`     the caller sent something invalid (HTTP body, CLI flag) → answer 400 with field messages;
 * - `not_found` / `conflict` → 404 / 409 at the hub's own API;
 * - `bug`       anything we did not expect → fail loudly with context.
 * Messages are written for the seller and never contain a secret.
 */
export type ErrorKind = 'config' | 'rejected' | 'transient' | 'input' | 'not_found' | 'conflict' | 'bug';

export interface FieldError {
  field: string;
  message: string;
}

export interface AppErrorOptions {
  cause?: unknown;
  fields?: FieldError[];
  /** Extra non-secret context for logs (HTTP status, endpoint, …). */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  readonly fields: FieldError[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(kind: ErrorKind, code: string, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.kind = kind;
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get retryable(): boolean {
    return this.kind === 'transient';
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}

/** Wraps anything thrown into an AppError, keeping AppErrors as they are. */
export function toAppError(value: unknown): AppError {
  if (value instanceof AppError) return value;
  const message = value instanceof Error ? value.message : String(value);
  return new AppError('bug', 'internal', `Unexpected error: ${message}`, { cause: value });
}
