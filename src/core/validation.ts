import type { z } from 'zod';
import { AppError } from './errors.ts';

/** Parses caller input (HTTP body, CLI flags); failures become one `input` error with a message per field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what = 'The request'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(body)',
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  throw new AppError('input', 'input.invalid', `${what} is not valid: ${summary}`, { fields });
}
