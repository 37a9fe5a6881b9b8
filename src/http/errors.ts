import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorKind } from '../core/errors.ts';
import { BODY_LIMIT_BYTES } from './limits.ts';

/** HTTP status per error kind. A marketplace refusing a key pair is 422: the request was fine, the keys not. */
const STATUS: Record<ErrorKind, number> = {
  input: 400,
  config: 422,
  rejected: 422,
  not_found: 404,
  conflict: 409,
  transient: 502,
  bug: 500,
};

/** How each part of a request is named in messages, and what a wrong type of the whole part means. */
interface Part {
  what: string;
  whole: string;
  wrongType: string;
}
const BODY_PART: Part = {
  what: 'The request body',
  whole: '(body)',
  wrongType: 'Send a JSON object with the fields this request takes (see /api/docs).',
};
const PARTS: Record<string, Part> = {
  body: BODY_PART,
  querystring: { what: 'The query', whole: '(query)', wrongType: 'Not a valid query string.' },
  params: { what: 'The address', whole: '(path)', wrongType: 'Not a valid address.' },
  headers: { what: 'The headers', whole: '(headers)', wrongType: 'Not valid headers.' },
};

const BODY_LIMIT_TEXT = `${BODY_LIMIT_BYTES / 1024 / 1024} MiB`;

/** Fastify's refusals in words a caller can act on. */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: `The request body is larger than ${BODY_LIMIT_TEXT}, the most AdlerDo accepts. Send less.`,
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON. Send a JSON object.',
  FST_ERR_CTP_EMPTY_JSON_BODY:
    'The request body is empty although its content type is application/json. Send a JSON object (or {}).',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Send the request body as application/json.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The request body does not match its Content-Length header.',
  FST_ERR_BAD_URL: 'The address is not valid (check its percent-encoding).',
};

export function sendError(reply: FastifyReply, error: AppError): FastifyReply {
  return reply.status(STATUS[error.kind]).send({
    error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) },
  });
}

export function errorHandler(
  error: FastifyError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (error instanceof AppError) {
    if (error.kind === 'bug') request.log.error({ err: error }, error.message);
    else request.log.info({ code: error.code, kind: error.kind }, 'request refused');
    return sendError(reply, error);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    // A route's zod schema refused params, query or body: one 400 with a message per field. Field names are
    // relative to the part (`name`, `settings.handlingTimeDays`, `account`), as the forms and parseInput use them.
    const part = PARTS[error.validationContext ?? 'body'] ?? BODY_PART;
    const fields = error.validation.map((issue) => {
      const path = issue.instancePath.split('/').filter(Boolean).join('.');
      const whole = path === '' && issue.keyword === 'invalid_type';
      return {
        field: path || part.whole,
        message: whole ? part.wrongType : (issue.message ?? 'Not valid.'),
      };
    });
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return sendError(
      reply,
      new AppError('input', 'input.invalid', `${part.what} is not valid: ${summary}`, { fields }),
    );
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    // Fastify's own refusals (malformed JSON, wrong content type, body too large) keep their status (400, 413,
    // 415) and get a sentence that says what to send instead.
    const code = fastifyError.code ?? 'FST_ERR_BAD_REQUEST';
    request.log.info({ code, status: fastifyError.statusCode }, 'request refused');
    return reply.status(fastifyError.statusCode).send({
      error: {
        code: `http.${code}`.toLowerCase(),
        message: FASTIFY_MESSAGES[code] ?? `The request was refused: ${fastifyError.message}.`,
      },
    });
  }
  if (isPostgresInputError(error)) {
    // Backstop: the route schemas refuse such values first (src/core/text.ts, ids.ts). One that still reaches
    // PostgreSQL and is refused there is the caller's to fix, not a 500; warn so that the schema gets mended.
    request.log.warn(
      { sqlState: error.code, route: request.routeOptions.url },
      'input refused by PostgreSQL',
    );
    return sendError(
      reply,
      new AppError(
        'input',
        'input.unstorable',
        'A value in the request cannot be stored or searched for (a NUL character, a malformed id or a number out of range). Check the values and try again.',
      ),
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(
    reply,
    new AppError('bug', 'internal', 'Something went wrong on our side. The error was logged.'),
  );
}

/**
 * PostgreSQL's data exceptions that only a caller's value causes: a NUL or malformed character (22021, 22P05),
 * text that is not a uuid/number (22P02), a number out of range (22003).
 */
const POSTGRES_INPUT_STATES = new Set(['22021', '22P05', '22P02', '22003']);

function isPostgresInputError(error: Error): error is Error & { code: string } {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof severity === 'string' && typeof code === 'string' && POSTGRES_INPUT_STATES.has(code);
}
