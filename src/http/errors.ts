import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type ErrorKind } from '../core/errors.ts';

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
    // A route's zod schema refused params, query or body: one 400 with a message per field.
    const fields = error.validation.map((issue) => ({
      field: [error.validationContext, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'Not valid.',
    }));
    const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
    return sendError(
      reply,
      new AppError('input', 'input.invalid', `The request is not valid: ${summary}`, { fields }),
    );
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.statusCode && fastifyError.statusCode < 500) {
    // Fastify's own refusals: malformed JSON, wrong content type, body too large.
    return sendError(
      reply,
      new AppError('input', `http.${fastifyError.code ?? 'bad_request'}`.toLowerCase(), fastifyError.message),
    );
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendError(
    reply,
    new AppError('bug', 'internal', 'Something went wrong on our side. The error was logged.'),
  );
}
