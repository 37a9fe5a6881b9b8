import { AppError, type FieldError } from '../../core/errors.ts';
import { remoteExcerpt } from '../../core/remote-excerpt.ts';
import { errorBodySchema } from './schemas/common.ts';

/**
 * The one place where anything that goes wrong talking to Kaufland becomes an AppError. The kind drives policy
 * (core/errors.ts): `config` pauses the account, `rejected` records an issue on one record, `transient` retries.
 * Messages are for the seller; they never contain the secret or the signature (neither is ever passed in here).
 */
export interface CallContext {
  method: string;
  /** The path template, e.g. `/units/{id_unit}`: stable for logs and metrics, free of ids. */
  endpoint: string;
  origin: string;
  attempt: number;
}

/**
 * How a call names Kaufland's refusal of what it sent (a 400, 413 or 422): its own code and the seller's next step,
 * instead of the generic `kaufland.bad_request`. Kaufland's reasons (message, fields) are quoted before the advice.
 */
export interface Refusal {
  code: string;
  /** What the seller can do about it, one sentence. */
  advice: string;
}

const REFUSAL_STATUSES = new Set([400, 413, 422]);

export const AUTH_FAILED_MESSAGE =
  'Kaufland rejected these keys. The API keys may have been regenerated in the Seller Portal: enter the new Client ID and Client Secret.';

/** Codes worth another attempt; `bad_response` is not among them: a 2xx already happened, repeating may double it. */
const RETRYABLE_CODES = new Set([
  'kaufland.rate_limited',
  'kaufland.server_error',
  'kaufland.timeout',
  'kaufland.unreachable',
]);

export function isRetryable(error: unknown): boolean {
  return error instanceof AppError && RETRYABLE_CODES.has(error.code);
}

/**
 * For calls that must not happen twice (a refund): only failures that certainly had no effect are retried. A 429
 * is refused before any work; a refused connection never reached Kaufland.
 */
export function isRetryableOnce(error: unknown): boolean {
  if (!(error instanceof AppError)) return false;
  if (error.code === 'kaufland.rate_limited') return true;
  return error.code === 'kaufland.unreachable' && error.details?.cause === 'ECONNREFUSED';
}

/**
 * A call that must not happen twice failed in a way that leaves its outcome open (timeout, server error, dropped
 * connection, unreadable answer). Repeating it could pay twice, so this is no longer `transient`: a person checks.
 */
export function outcomeUnknown(error: AppError, what: string): AppError {
  if (error.kind !== 'transient' || isRetryableOnce(error)) return error;
  return new AppError(
    'rejected',
    'kaufland.outcome_unknown',
    `Kaufland did not confirm ${what} (${error.message}) It may have been done: check the order in the Kaufland ` +
      'Seller Portal before trying again.',
    { cause: error, details: error.details },
  );
}

const REJECTED_CODES: Record<number, string> = {
  400: 'kaufland.bad_request',
  404: 'kaufland.not_found',
  422: 'kaufland.validation_failed',
  423: 'kaufland.locked',
};

export function errorFromStatus(
  status: number,
  bodyText: string,
  ctx: CallContext,
  refusal?: Refusal,
): AppError {
  const vendor = parseErrorBody(bodyText);
  const details = {
    status,
    method: ctx.method,
    endpoint: ctx.endpoint,
    attempts: ctx.attempt,
    problem: vendor.type,
  };
  const where = `${ctx.method} ${ctx.endpoint}`;
  if (status === 401) return new AppError('config', 'kaufland.auth_failed', AUTH_FAILED_MESSAGE, { details });
  if (status === 403) {
    const message = vendor.message ?? `Kaufland does not allow ${where} here.`;
    return new AppError('rejected', 'kaufland.forbidden', message, { details, fields: vendor.fields });
  }
  if (status === 429) {
    const message = `Kaufland refused ${where} with "too many requests" (HTTP 429)${after(ctx.attempt)}.`;
    return new AppError('transient', 'kaufland.rate_limited', message, { details });
  }
  if (status >= 500) {
    const message = `Kaufland answered ${where} with a server error (HTTP ${status})${after(ctx.attempt)}.`;
    return new AppError('transient', 'kaufland.server_error', message, { details });
  }
  if (refusal && REFUSAL_STATUSES.has(status)) {
    const reasons = vendor.fields.map((field) => `${field.field}: ${field.message}`).join('; ');
    const why = reasons || vendor.message || (status === 413 ? 'the request is too large' : `HTTP ${status}`);
    const message = `Kaufland refused ${where}: ${why}. ${refusal.advice}`;
    return new AppError('rejected', refusal.code, message, { details, fields: vendor.fields });
  }
  if (status >= 400) {
    const code = REJECTED_CODES[status] ?? 'kaufland.rejected';
    const message = vendor.message ?? `Kaufland refused ${where} (HTTP ${status}).`;
    return new AppError('rejected', code, message, { details, fields: vendor.fields });
  }
  return badResponse(ctx, `an unexpected HTTP ${status}`, undefined, { status });
}

export function errorFromFailure(cause: unknown, ctx: CallContext, timeoutMs: number): AppError {
  if (cause instanceof AppError) return cause;
  const details = {
    method: ctx.method,
    endpoint: ctx.endpoint,
    attempts: ctx.attempt,
    cause: causeCode(cause),
  };
  if (cause instanceof Error && cause.name === 'TimeoutError') {
    const message = `Kaufland did not answer ${ctx.method} ${ctx.endpoint} within ${timeoutMs / 1000} s${after(ctx.attempt)}.`;
    return new AppError('transient', 'kaufland.timeout', message, { cause, details });
  }
  const message = `Kaufland could not be reached at ${ctx.origin}: check the base URL and your network.`;
  return new AppError('transient', 'kaufland.unreachable', message, { cause, details });
}

/**
 * Signed calls never follow a redirect: the signature covers one URL, and following would hand the Client Key
 * and a valid signature to whatever host the answer names. A redirect means the base URL is not the API root.
 */
export function redirected(status: number, location: string | null, ctx: CallContext): AppError {
  const target = location ? ` to ${remoteExcerpt(location)}` : '';
  return new AppError(
    'config',
    'kaufland.redirected',
    `The Kaufland API address ${ctx.origin} answered with a redirect (HTTP ${status})${target}. AdlerDo does not ` +
      'follow redirects with signed calls: enter the API root itself as the base URL, e.g. https://sellerapi.kaufland.com/v2.',
    {
      details: { status, method: ctx.method, endpoint: ctx.endpoint },
      fields: [{ field: 'baseUrl', message: 'This address redirects elsewhere.' }],
    },
  );
}

export function invalidKeys(): AppError {
  return new AppError(
    'config',
    'kaufland.invalid_keys',
    'The Client ID and Client Secret must be the keys from the Seller Portal, without spaces or line breaks.',
  );
}

export function badResponse(
  ctx: Pick<CallContext, 'method' | 'endpoint'>,
  what: string,
  cause?: unknown,
  extra: Record<string, unknown> = {},
): AppError {
  const message = `Kaufland answered ${ctx.method} ${ctx.endpoint} with ${what}.`;
  const details = { method: ctx.method, endpoint: ctx.endpoint, ...extra };
  return new AppError('transient', 'kaufland.bad_response', message, { cause, details });
}

function after(attempts: number): string {
  return attempts > 1 ? ` after ${attempts} attempts` : '';
}

function parseErrorBody(text: string): { type?: string; message?: string; fields: FieldError[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { fields: [] };
  }
  const parsed = errorBodySchema.safeParse(json);
  if (!parsed.success) return { fields: [] };
  const { type, message, errors = [] } = parsed.data;
  return {
    type: type === undefined ? undefined : remoteExcerpt(type, 80),
    // The body comes from whatever answers at the base URL: quote only a short, cleaned excerpt.
    message: remoteExcerpt(message ?? '') || undefined,
    fields: errors
      .slice(0, 20)
      .map(({ field, message }) => ({ field: remoteExcerpt(field, 80), message: remoteExcerpt(message) })),
  };
}

/** `fetch failed` hides the reason in `cause.code` (ECONNREFUSED, ENOTFOUND, ECONNRESET, …). */
function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return error instanceof Error ? error.name : undefined;
}
