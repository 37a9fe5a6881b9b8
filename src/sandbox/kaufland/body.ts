import type { z } from 'zod';
import type { FieldError } from '../../core/errors.ts';
import { ProblemError, validationError } from './errors.ts';

/** Parses the raw body as JSON; an empty or broken body is a 400 before any field is looked at. */
export function parseJsonBody(raw: Buffer): unknown {
  const text = raw.toString('utf8');
  if (text.trim() === '') throw new ProblemError(400, '/problems/bad-request', 'Request body is required');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError(400, '/problems/bad-request', 'Request body is not valid JSON');
  }
}

/** Checks a value against a zod schema; failures become a 400 with one `{field, message}` per problem. */
export function validateBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationError(zodFields(result.error.issues));
}

export function zodFields(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldName([...issue.path, key]), message: 'unknown field' }));
    }
    return [{ field: fieldName(issue.path) || 'body', message: issue.message }];
  });
}

/** `[3, 'unit_data', 'amount']` → `[3].unit_data.amount`. */
function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index > 0 ? '.' : ''}${String(part)}`))
    .join('');
}
