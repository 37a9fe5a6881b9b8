import type { components } from '../../connectors/kaufland/generated/openapi.d.ts';
import { AppError, type ErrorKind, type FieldError } from '../../core/errors.ts';

export type ProblemType = components['schemas']['ProblemType'];
/** The spec's ErrorResponse: `errors` is required there, so it is always sent, empty when there is nothing per field. */
export type ErrorBody = components['schemas']['ErrorResponse'];

const KIND_BY_STATUS: Readonly<Record<number, ErrorKind>> = {
  400: 'input',
  401: 'config',
  403: 'rejected',
  404: 'not_found',
  409: 'conflict',
  413: 'input',
  429: 'transient',
  500: 'transient',
};

/** A refusal the sandbox answers with the spec's error body; thrown by handlers, turned into a response by the server. */
export class ProblemError extends AppError {
  readonly status: number;
  readonly type: ProblemType;

  constructor(status: number, type: ProblemType, message: string, fields: FieldError[] = []) {
    super(KIND_BY_STATUS[status] ?? 'bug', `kaufland_sandbox.${status}`, message, {
      fields,
      details: { status, type },
    });
    this.status = status;
    this.type = type;
  }

  body(): ErrorBody {
    return { type: this.type, message: this.message, errors: this.fields ?? [] };
  }
}

export function validationError(
  fields: FieldError[],
  message = 'Request parameters have invalid values',
): ProblemError {
  return new ProblemError(400, '/problems/validation-error', message, fields);
}

export function fieldError(field: string, message: string): ProblemError {
  return validationError([{ field, message }]);
}

export function notFound(message: string): ProblemError {
  return new ProblemError(404, '/problems/not-found', message);
}

export function conflict(message: string, fields: FieldError[] = []): ProblemError {
  // 409 exists only on the control API: the real /v2 API never answers it (NOTES.md "No 409").
  return new ProblemError(409, '/problems/already-exists', message, fields);
}
