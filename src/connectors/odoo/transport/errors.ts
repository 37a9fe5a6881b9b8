import { AppError } from '../../../core/errors.ts';
import { remoteExcerpt } from '../../../core/remote-excerpt.ts';

/** What a call was, for messages and logs (never the secret). */
export interface CallInfo {
  url: string;
  model?: string;
  method?: string;
}

export interface OdooErrorData {
  name: string;
  message: string;
}

/** The request surely did not run (nothing reached Odoo, or Odoo rolled it back): repeating it cannot duplicate. */
export const NOT_APPLIED = 'notApplied';

const where = (call: CallInfo) =>
  call.model ? `${call.model}.${call.method ?? ''}` : (call.method ?? 'call');

/**
 * The one place Odoo's errors become the hub's error kinds (NOTES.md "Errors"), by exception class name,
 * for both transports.
 */
export function classifyOdooError(data: OdooErrorData, call: CallInfo): AppError {
  const details = { odooError: remoteExcerpt(data.name, 100), call: where(call), url: call.url };
  // Odoo's text goes into messages the seller reads: a short, cleaned excerpt (a traceback or a proxy's HTML
  // page is no message).
  const message = remoteExcerpt(data.message);
  switch (data.name) {
    case 'odoo.exceptions.AccessDenied':
    case 'werkzeug.exceptions.Unauthorized':
    case 'odoo.http.SessionExpiredException':
      return new AppError(
        'config',
        'odoo.auth_failed',
        'Odoo refused the login or API key. The key was probably revoked or expired: enter a new one.',
        { details },
      );
    case 'odoo.exceptions.AccessError':
      return new AppError(
        'config',
        'odoo.access_denied',
        `The Odoo user lacks rights on ${call.model ?? 'a model'}: ${message}`,
        {
          details: { ...details, model: call.model },
        },
      );
    case 'odoo.exceptions.ValidationError':
    case 'odoo.exceptions.UserError':
    case 'odoo.exceptions.RedirectWarning':
      return new AppError('rejected', 'odoo.rejected', `Odoo refused ${where(call)}: ${message}`, {
        details,
      });
    case 'odoo.exceptions.MissingError':
      return new AppError('rejected', 'odoo.missing_record', `Odoo: ${message}`, { details });
    case 'builtins.ValueError':
      return new AppError(
        'rejected',
        'odoo.invalid_value',
        `Odoo refused a value in ${where(call)}: ${message}`,
        { details },
      );
    case 'psycopg2.OperationalError':
      if (/database .* does not exist/.test(message)) {
        return new AppError(
          'config',
          'odoo.unknown_database',
          'That database does not exist on this Odoo server: check the database name.',
          { details },
        );
      }
      return new AppError(
        'transient',
        'odoo.database_unavailable',
        `Odoo could not reach its database: ${message}`,
        { details },
      );
    case 'psycopg2.errors.SerializationFailure':
    case 'psycopg2.extensions.TransactionRollbackError':
    case 'psycopg2.errors.LockNotAvailable':
      // Odoo rolled the transaction back after its own 5 retries: repeating is safe.
      return new AppError(
        'transient',
        'odoo.concurrent_update',
        `Odoo was busy with the same records: ${message}`,
        {
          details: { ...details, [NOT_APPLIED]: true },
        },
      );
    case 'werkzeug.exceptions.NotFound':
      return new AppError(
        'config',
        'odoo.not_found',
        `Odoo answered "not found" for ${where(call)}: ${message}`,
        { details },
      );
    case 'builtins.AttributeError':
      return new AppError('bug', 'odoo.unknown_method', `Odoo has no ${where(call)}: ${message}`, {
        details,
      });
    default:
      return new AppError(
        'bug',
        'odoo.server_error',
        `Odoo failed in ${where(call)} (${details.odooError}): ${message}`,
        { details },
      );
  }
}

export function httpStatusError(status: number, call: CallInfo, snippet: string): AppError {
  const details = { status, call: where(call), url: call.url, body: remoteExcerpt(snippet) };
  if (status === 429 || status >= 500) {
    // 503 is a proxy or Odoo without a worker: the call did not run. 500/502/504 may have run.
    const notApplied = status === 429 || status === 503;
    return new AppError('transient', 'odoo.server_error', `Odoo answered HTTP ${status}; retrying later.`, {
      details: { ...details, [NOT_APPLIED]: notApplied },
    });
  }
  if (status === 401 || status === 403)
    return classifyOdooError({ name: 'werkzeug.exceptions.Unauthorized', message: snippet }, call);
  return new AppError(
    'config',
    'odoo.not_odoo',
    `No Odoo API answers at ${call.url} (HTTP ${status}): check the URL.`,
    { details },
  );
}

/**
 * Odoo calls never follow a redirect: the API key travels in every request, and following would hand it to
 * whatever host the answer names. A redirect (http → https, a login page, a moved server) means the URL is off.
 */
export function redirectedError(status: number, location: string | null, call: CallInfo): AppError {
  const target = location ? ` to ${remoteExcerpt(location)}` : '';
  return new AppError(
    'config',
    'odoo.redirected',
    `Odoo at ${call.url} answered with a redirect (HTTP ${status})${target}. AdlerDo does not follow redirects ` +
      "with the API key: enter the server's own address (e.g. https:// instead of http://) as the Odoo URL.",
    {
      details: { status, call: where(call), url: call.url },
      fields: [{ field: 'url', message: 'This address redirects elsewhere.' }],
    },
  );
}

/** fetch() failures: refused, DNS, reset, timeout. */
export function networkError(error: unknown, call: CallInfo): AppError {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = cause?.code ?? (error as { code?: string }).code ?? '';
  const details = { call: where(call), url: call.url, code };
  if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
    return new AppError('transient', 'odoo.timeout', `Odoo did not answer ${where(call)} in time.`, {
      cause: error,
      details,
    });
  }
  const neverSent = ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'].includes(code);
  return new AppError(
    'transient',
    'odoo.unreachable',
    `Odoo cannot be reached at ${call.url} (${code || (error as Error).message}).`,
    {
      cause: error,
      details: { ...details, [NOT_APPLIED]: neverSent },
    },
  );
}
